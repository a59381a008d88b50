// GET /projects/:p/members (any member), PUT|DELETE /projects/:p/members/:user (owners). :user is
// a user id or an e-mail address. The last owner can be neither removed nor demoted.

import { createRoute, z } from '@hono/zod-openapi';
import { listMembers, removeMember, setMember } from '../../../services/projects/index.js';
import { requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf, ProjectParam } from '../../router.js';
import { MemberSchema, RoleSchema } from '../../schemas.js';
import { projectsContext } from '../../service-context.js';

const MemberParams = ProjectParam.extend({
  user: z.string().min(1).max(254).openapi({ param: { name: 'user', in: 'path' }, description: 'User id or e-mail address.' }),
});
const RoleBody = z.object({ role: RoleSchema }).openapi('SetMemberRequest');

export function memberRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/members',
      tags: ['projects'],
      summary: "A project's members and their roles",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam },
      responses: { 200: json(z.object({ members: z.array(MemberSchema) }), 'The members, by e-mail.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json({ members: await listMembers(projectsContext(c), currentProject(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/projects/{p}/members/{user}',
      tags: ['projects'],
      summary: "Add a member or change a member's role (owners)",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('owner')] as const,
      request: { params: MemberParams, body: jsonBodyOf(RoleBody) },
      responses: { 200: json(MemberSchema, 'The membership.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => c.json(await setMember(projectsContext(c), currentProject(c), c.req.valid('param').user, c.req.valid('json').role), 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/projects/{p}/members/{user}',
      tags: ['projects'],
      summary: 'Remove a member (owners)',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('owner')] as const,
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed.' }, ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      await removeMember(projectsContext(c), currentProject(c), c.req.valid('param').user);
      return c.body(null, 204);
    },
  );

  return router;
}
