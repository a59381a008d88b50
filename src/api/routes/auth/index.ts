// POST /auth/register, /auth/login, /auth/refresh, /auth/logout. Sign-in and registration have
// their own per-address limit (SCRUMDOWN_AUTH_RATE_LIMIT a minute) on top of the per-client one.

import { createRoute, z } from '@hono/zod-openapi';
import type { ServerConfig } from '../../../config/config.js';
import { login, logout, refreshSession, register } from '../../../services/accounts/index.js';
import { ipKey, rateLimit } from '../../middleware/rate-limit/index.js';
import { createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { SessionSchema } from '../../schemas.js';
import { accountsContext } from '../../service-context.js';

const RegisterBody = z
  .object({
    email: z.string().max(254).openapi({ example: 'ada@example.com' }),
    name: z.string().max(200).openapi({ example: 'Ada Lovelace' }),
    password: z.string().max(1024).openapi({ example: 'correct horse battery staple' }),
    invite: z.string().max(200).optional().openapi({ description: 'The invite token, when sign-up is by invitation.' }),
  })
  .openapi('RegisterRequest');

const LoginBody = z.object({ email: z.string().max(254), password: z.string().max(1024) }).openapi('LoginRequest');
const RefreshBody = z.object({ refreshToken: z.string().max(200) }).openapi('RefreshRequest');

export function authRoutes(config: ServerConfig) {
  const router = createRouter();
  const guard = rateLimit({
    bucket: 'auth',
    limit: config.authRateLimit,
    key: ipKey,
    message: `Too many sign-in or registration attempts from this address: the limit is ${config.authRateLimit} a minute.`,
  });

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/register',
      tags: ['auth'],
      summary: 'Create an account (the first one is the administrator) and sign in',
      middleware: [guard] as const,
      request: { body: jsonBodyOf(RegisterBody) },
      responses: { 201: json(SessionSchema, 'The new account, signed in.'), ...errorResponses(400, 403, 409, 429) },
    }),
    async (c) => c.json(await register(accountsContext(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with e-mail and password',
      description: 'Five wrong passwords lock the account for 15 minutes (423 with Retry-After).',
      middleware: [guard] as const,
      request: { body: jsonBodyOf(LoginBody) },
      responses: { 200: json(SessionSchema, 'Signed in.'), ...errorResponses(400, 401, 423, 429) },
    }),
    async (c) => c.json(await login(accountsContext(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/refresh',
      tags: ['auth'],
      summary: 'Spend a refresh token for a new access and refresh token',
      description: 'Each refresh token works once. Presenting a spent one ends every session of the same sign-in.',
      request: { body: jsonBodyOf(RefreshBody) },
      responses: { 200: json(SessionSchema, 'The next pair of tokens.'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await refreshSession(accountsContext(c), c.req.valid('json').refreshToken), 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Sign out: end the sign-in the refresh token belongs to',
      request: { body: jsonBodyOf(RefreshBody) },
      responses: { 204: { description: 'Signed out (also when the token was unknown).' }, ...errorResponses(400, 429) },
    }),
    async (c) => {
      await logout(accountsContext(c), c.req.valid('json').refreshToken);
      return c.body(null, 204);
    },
  );

  return router;
}
