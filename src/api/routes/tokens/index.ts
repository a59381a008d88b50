// GET /tokens, POST /tokens (the token is in this one answer only), DELETE /tokens/:id.

import { createRoute, z } from '@hono/zod-openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../services/accounts/index.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf } from '../../router.js';
import { ApiTokenSchema } from '../../schemas.js';
import { accountsContext } from '../../service-context.js';

const CreateBody = z
  .object({
    name: z.string().max(100).openapi({ example: 'laptop CLI' }),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('CreateTokenRequest');

const CreatedSchema = ApiTokenSchema.extend({ token: z.string().openapi({ description: 'Shown only in this answer.' }) }).openapi('CreatedApiToken');
const TokenParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export function tokenRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['account'],
      summary: "The caller's API tokens (without the tokens themselves)",
      security: BEARER,
      middleware: [requireAuth()] as const,
      responses: { 200: json(z.object({ tokens: z.array(ApiTokenSchema) }), 'The tokens in use.'), ...errorResponses(401, 429) },
    }),
    async (c) => c.json({ tokens: await listApiTokens(accountsContext(c), currentUser(c).id) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['account'],
      summary: 'Create an API token for the CLI or MCP',
      security: BEARER,
      middleware: [requireAuth()] as const,
      request: { body: jsonBodyOf(CreateBody) },
      responses: { 201: json(CreatedSchema, 'The token, shown once.'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await createApiToken(accountsContext(c), currentUser(c).id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['account'],
      summary: 'Revoke an API token',
      security: BEARER,
      middleware: [requireAuth()] as const,
      request: { params: TokenParam },
      responses: { 204: { description: 'Revoked.' }, ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      await revokeApiToken(accountsContext(c), currentUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return router;
}
