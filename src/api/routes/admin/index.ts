// GET /admin/users (every account, by e-mail, filtered by name or address, in pages) and
// PATCH /admin/users/:id (disable or enable, grant or revoke administrator), for administrators.

import { createRoute, z } from '@hono/zod-openapi';
import { changeUser, listUsers } from '../../../services/accounts/index.js';
import { currentUser, requireAdmin } from '../../middleware/auth/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { PageQuerySchema, UserSchema } from '../../schemas.js';
import { accountsContext } from '../../service-context.js';

const AdminUserSchema = UserSchema.extend({
  disabledAt: z.string().nullable().openapi({ description: 'When an administrator disabled the account; null while it is enabled.' }),
}).openapi('AdminUser');

const UserListQuery = PageQuerySchema.extend({
  q: z.string().max(200).optional().openapi({ description: 'Free text: accounts whose name or e-mail address contains it (the case of A to Z ignored).' }),
});

const UserPageSchema = z.object({ users: z.array(AdminUserSchema), nextCursor: z.string().nullable() }).openapi('UserPage');

const UserParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

const ChangeBody = z
  .object({
    disabled: z.boolean().optional().openapi({ description: 'true refuses every sign-in, refresh and token of the account from now on; false enables it again.' }),
    isAdmin: z.boolean().optional(),
  })
  .openapi('ChangeUserRequest');

export function adminRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users',
      tags: ['admin'],
      summary: 'Every account, by e-mail address (administrators)',
      security: BEARER,
      middleware: [requireAdmin()] as const,
      request: { query: UserListQuery },
      responses: { 200: json(UserPageSchema, 'A page of accounts.'), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => c.json(await listUsers(accountsContext(c), currentUser(c), c.req.valid('query')), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/admin/users/{id}',
      tags: ['admin'],
      summary: 'Disable or enable an account, grant or revoke administrator (administrators)',
      description: 'The last active administrator can be neither disabled nor demoted (409, details.rule "last_admin").',
      security: BEARER,
      middleware: [requireAdmin()] as const,
      request: { params: UserParam, body: jsonBodyOf(ChangeBody) },
      responses: { 200: json(AdminUserSchema, 'The account as changed.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => c.json(await changeUser(accountsContext(c), currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  return router;
}
