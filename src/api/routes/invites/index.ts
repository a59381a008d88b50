// POST /invites: an administrator invites an e-mail address (for SCRUMDOWN_SIGNUP=invite);
// GET /invites lists them, newest first; DELETE /invites/:id revokes one not yet used.

import { createRoute, z } from '@hono/zod-openapi';
import { createInvite, listInvites, revokeInvite } from '../../../services/accounts/index.js';
import { currentUser, requireAdmin } from '../../middleware/auth/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { PageQuerySchema } from '../../schemas.js';
import { accountsContext } from '../../service-context.js';

const InviteBody = z.object({ email: z.string().max(254) }).openapi('InviteRequest');
const InviteSchema = z
  .object({ id: z.string(), email: z.string(), invite: z.string().openapi({ description: 'Shown only in this answer; pass it to /auth/register.' }), expiresAt: z.string() })
  .openapi('Invite');
const InviteInfoSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    createdBy: z.string().openapi({ description: 'The id of the administrator who invited.' }),
    createdAt: z.string(),
    expiresAt: z.string(),
    usedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    state: z.enum(['pending', 'used', 'expired', 'revoked']).openapi({ description: 'Only a pending invite lets its address register.' }),
  })
  .openapi('InviteInfo');
const InvitePageSchema = z.object({ invites: z.array(InviteInfoSchema), nextCursor: z.string().nullable() }).openapi('InvitePage');
const InviteParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export function inviteRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/invites',
      tags: ['account'],
      summary: 'Invite someone to register (administrators)',
      security: BEARER,
      middleware: [requireAdmin()] as const,
      request: { body: jsonBodyOf(InviteBody) },
      responses: { 201: json(InviteSchema, 'The invite, shown once.'), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await createInvite(accountsContext(c), currentUser(c), c.req.valid('json').email), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/invites',
      tags: ['account'],
      summary: 'Every invite, newest first, without the invite tokens (administrators)',
      security: BEARER,
      middleware: [requireAdmin()] as const,
      request: { query: PageQuerySchema },
      responses: { 200: json(InvitePageSchema, 'A page of invites.'), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await listInvites(accountsContext(c), currentUser(c), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/invites/{id}',
      tags: ['account'],
      summary: 'Revoke an invite that has not been used (administrators)',
      security: BEARER,
      middleware: [requireAdmin()] as const,
      request: { params: InviteParam },
      responses: { 204: { description: 'Revoked: registering with it is refused.' }, ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      await revokeInvite(accountsContext(c), currentUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return router;
}
