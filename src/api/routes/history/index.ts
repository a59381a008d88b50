// GET /projects/:p/history: every recorded change of the project's items, newest first.

import { createRoute } from '@hono/zod-openapi';
import { projectHistoryPage } from '../../../services/items/history.js';
import { requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, ProjectParam } from '../../router.js';
import { HistoryPageSchema, HistoryQuerySchema } from '../items/schemas.js';

export function historyRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/history',
      tags: ['items'],
      summary: "The project's item history, newest first",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: HistoryQuerySchema },
      responses: { 200: json(HistoryPageSchema, 'A page of history entries.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db } = c.get('services');
      return c.json(await projectHistoryPage(db, currentProject(c).project.id, c.req.valid('query')), 200);
    },
  );
  return router;
}
