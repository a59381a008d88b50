// POST /invites: an administrator invites an e-mail address (for SCRUMDOWN_SIGNUP=invite).

import { createRoute, z } from '@hono/zod-openapi';
import { createInvite } from '../../../services/accounts/index.js';
import { currentUser, requireAdmin } from '../../middleware/auth/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { accountsContext } from '../../service-context.js';

const InviteBody = z.object({ email: z.string().max(254) }).openapi('InviteRequest');
const InviteSchema = z
  .object({ id: z.string(), email: z.string(), invite: z.string().openapi({ description: 'Shown only in this answer; pass it to /auth/register.' }), expiresAt: z.string() })
  .openapi('Invite');

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
  return router;
}
