// Runs `scrumdown mcp`: checks the plan can be read (so a wrong path, a refused token or an
// unknown project fails at once, with exit 2, rather than inside the client), then serves it over
// stdio.

import { ScrumdownError } from '../../../errors.js';
import { FilePlanSource } from '../../../mcp/file-source.js';
import type { PlanSource } from '../../../mcp/plan-source.js';
import { ProjectPlanSource } from '../../../mcp/project-source.js';
import { RemoteProject } from '../../../mcp/remote-project.js';
import { serveStdio } from '../../../mcp/server.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { packageVersion } from '../../version.js';
import type { McpOptions } from './index.js';

/** How often a subscribed client's plan is checked for edits made on the server. */
const POLL_MS = 5000;

async function remoteSource(project: string, options: McpOptions): Promise<PlanSource> {
  const { server, token: stored } = await resolveServer(options.server);
  const token = options.token ?? stored;
  if (!token) {
    throw new ScrumdownError('unauthenticated', `mcp --project needs an API token for ${server}: run scrumdown login --server ${server}, or pass --token or set SCRUMDOWN_TOKEN.`, { server });
  }
  const backend = await RemoteProject.open(new RemoteClient({ server, token }), project, options.document);
  return new ProjectPlanSource(backend, { pollMs: POLL_MS });
}

export async function runMcp(options: McpOptions): Promise<void> {
  let source: PlanSource;
  if (options.project !== undefined) {
    if (options.file !== undefined) throw new ScrumdownError('invalid_argument', `Give either --file or --project, not both (got --file ${options.file} and --project ${options.project}).`, {});
    source = await remoteSource(options.project, options);
  } else if (options.file !== undefined) {
    if (options.server !== undefined || options.document !== undefined || options.token !== undefined) {
      throw new ScrumdownError('invalid_argument', '--server, --document and --token need --project: say which project on the server to serve.', {});
    }
    source = new FilePlanSource(options.file);
  } else {
    throw new ScrumdownError('invalid_argument', 'mcp needs the plan to serve: scrumdown mcp --file tasks.md, or scrumdown mcp --server URL --project KEY.', {});
  }
  await source.load();
  await serveStdio(source, packageVersion());
}
