// The MCP server over Streamable HTTP at /mcp, for agents that reach the team server directly. The
// caller is the API token's owner (the middleware in app.ts refuses a request without a valid one
// with 401 before it gets here); the project is chosen in the URL (`/mcp?project=KEY`, and
// `&document=NAME` when it holds several). Stateless: every POST gets its own server and
// transport, so any server process behind a load balancer can answer any request, and access is
// checked on each one.

import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import { packageVersion } from '../../cli/version.js';
import { ScrumdownError } from '../../errors.js';
import { ProjectPlanSource } from '../../mcp/project-source.js';
import { createMcpServer } from '../../mcp/server.js';
import { listDocuments, pickDocument } from '../../services/documents/read.js';
import { listProjects, projectAccess } from '../../services/projects/index.js';
import type { AppEnv } from '../env.js';
import { currentUser } from '../middleware/auth/index.js';
import { projectsContext } from '../service-context.js';
import { LocalProject } from './local-project.js';

export const MCP_PATH = '/mcp';

export function mcpRoutes(): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  // No session, so no stream of server-initiated messages to open (GET) or end (DELETE).
  router.on(['GET', 'DELETE'], MCP_PATH, (c) =>
    c.json({ jsonrpc: '2.0', error: { code: -32000, message: `This MCP endpoint is stateless: send every message with POST ${MCP_PATH}.` }, id: null }, 405, { Allow: 'POST' }),
  );

  router.post(MCP_PATH, async (c) => {
    const user = currentUser(c);
    const { db, clock, config } = c.get('services');
    const key = c.req.query('project');
    if (key === undefined || key === '') {
      const keys = (await listProjects(projectsContext(c), user)).map((project) => project.key);
      throw new ScrumdownError('validation_failed', `Say which project the agent works on: ${MCP_PATH}?project=KEY. Your projects: ${keys.join(', ') || '(none)'}.`, {
        in: 'query',
        fields: [{ field: 'project', problem: 'missing' }],
        projects: keys,
      });
    }
    const access = await projectAccess(projectsContext(c), user, key);
    const document = pickDocument(await listDocuments(db, access.project.id), c.req.query('document'), { project: key, where: '', choose: `in the MCP URL: ${MCP_PATH}?project=${key}&document=NAME` });
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    const source = new ProjectPlanSource(new LocalProject({ db, clock, user, access, document, origin }));

    const { server, close } = createMcpServer(source, packageVersion());
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await close();
    }
  });

  return router;
}
