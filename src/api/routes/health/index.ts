// Operations: GET /healthz (the process answers), GET /readyz (the database answers and has every
// migration), GET /metrics (Prometheus text). Outside /api/v1, unauthenticated, not rate limited.

import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { pendingMigrations } from '../../../store/database.js';
import { createRouter, json } from '../../router.js';

const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.object({ dialect: z.string(), reachable: z.boolean(), pendingMigrations: z.array(z.string()) }),
    problem: z.string().optional(),
  })
  .openapi('Readiness');

export function healthRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['operations'],
      summary: 'The process is up',
      responses: { 200: json(z.object({ status: z.literal('ok') }), 'Up.') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['operations'],
      summary: 'The database is reachable and migrated',
      responses: { 200: json(ReadySchema, 'Ready for traffic.'), 503: json(ReadySchema, 'Not ready; `problem` says why.') },
    }),
    async (c) => {
      const { handle, db } = c.get('services');
      const database = { dialect: handle.dialect, reachable: false, pendingMigrations: [] as string[] };
      try {
        await sql`select 1`.execute(db);
        database.reachable = true;
        database.pendingMigrations = await pendingMigrations(handle);
      } catch (error) {
        c.get('logger').warn({ err: error }, 'readiness check failed');
        return c.json({ status: 'not_ready' as const, database, problem: 'The database does not answer.' }, 503);
      }
      if (database.pendingMigrations.length > 0) {
        return c.json({ status: 'not_ready' as const, database, problem: 'Migrations are pending: run scrumdown migrate or restart the server.' }, 503);
      }
      return c.json({ status: 'ready' as const, database }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/metrics',
      tags: ['operations'],
      summary: 'Prometheus metrics',
      responses: { 200: { description: 'Prometheus text exposition.', content: { 'text/plain': { schema: z.string() } } } },
    }),
    async (c) => {
      const { registry } = c.get('services').metrics;
      return c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    },
  );

  return router;
}
