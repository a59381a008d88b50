// GET /me (the signed-in account) and PATCH /me/password (which ends every sign-in).

import { createRoute, z } from '@hono/zod-openapi';
import { ScrumdownError } from '../../../errors.js';
import { changePassword, publicUser } from '../../../services/accounts/index.js';
import { findUserById } from '../../../store/repositories/users.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { UserSchema } from '../../schemas.js';
import { accountsContext } from '../../service-context.js';

const PasswordBody = z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }).openapi('ChangePasswordRequest');

export function meRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['account'],
      summary: 'The signed-in account',
      security: BEARER,
      middleware: [requireAuth()] as const,
      responses: { 200: json(UserSchema, 'The account.'), ...errorResponses(401, 429) },
    }),
    async (c) => {
      const user = await findUserById(c.get('services').db, currentUser(c).id);
      if (!user) throw new ScrumdownError('unauthenticated', 'The account no longer exists.');
      return c.json(publicUser(user), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/me/password',
      tags: ['account'],
      summary: 'Change the password; every refresh token of the account stops working',
      security: BEARER,
      middleware: [requireAuth()] as const,
      request: { body: jsonBodyOf(PasswordBody) },
      responses: { 204: { description: 'Changed. Sign in again on other devices.' }, ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await changePassword(accountsContext(c), currentUser(c).id, body.currentPassword, body.newPassword);
      return c.body(null, 204);
    },
  );

  return router;
}
