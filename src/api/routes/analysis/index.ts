// GET /projects/:p/progress | /graph | /next | /lint | /forecast: the CLI's reports over the
// project's documents (one entry per document), for any member.

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { projectForecast, projectGraph, projectLint, projectNext, projectProgress } from '../../../services/items/analysis.js';
import type { PerDocument } from '../../../services/items/analysis.js';
import type { AppEnv } from '../../env.js';
import { requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, ProjectParam } from '../../router.js';

const ReportSchema = z
  .object({
    documents: z.array(
      z.object({
        document: z.string(),
        version: z.number().int(),
        result: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('DocumentReports');

const GraphQuery = z.object({
  critical: z.enum(['true', 'false', '1', '0']).optional().openapi({ description: 'Only the critical path.' }),
});
const NextQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ type: 'integer', description: 'How many items (default 5).' }),
  concurrency: z.coerce.number().int().min(1).max(100).optional().openapi({ type: 'integer', description: 'Pick this many that can run side by side.' }),
});
const ForecastQuery = z.object({
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional().openapi({ type: 'integer', description: 'Seed of the Monte Carlo forecast, to reproduce one.' }),
});

function reports<T>(entries: Array<PerDocument<T>>): { documents: Array<{ document: string; version: number; result: Record<string, unknown> }> } {
  return { documents: entries.map((entry) => ({ ...entry, result: entry.result as unknown as Record<string, unknown> })) };
}

function route(path: string, summary: string, query?: z.ZodObject) {
  return createRoute({
    method: 'get',
    path: `/projects/{p}/${path}`,
    tags: ['analysis'],
    summary,
    security: BEARER,
    middleware: [requireAuth(), requireProjectRole('viewer')] as const,
    request: query ? { params: ProjectParam, query } : { params: ProjectParam },
    responses: { 200: json(ReportSchema, 'One report per document.'), ...errorResponses(400, 401, 404, 429) },
  });
}

function projectId(c: Context<AppEnv>): string {
  return currentProject(c).project.id;
}

export function analysisRoutes() {
  const router = createRouter();
  router.openapi(route('progress', 'Progress per section and overall'), async (c) =>
    c.json(reports(await projectProgress(c.get('services').db, projectId(c))), 200),
  );
  router.openapi(route('graph', 'Dependency graph: waves, critical path, ready and blocked items', GraphQuery), async (c) => {
    const critical = c.req.query('critical');
    return c.json(reports(await projectGraph(c.get('services').db, projectId(c), { criticalOnly: critical === 'true' || critical === '1' })), 200);
  });
  router.openapi(route('next', 'What to work on next', NextQuery), async (c) => {
    const query = NextQuery.parse(c.req.query());
    return c.json(reports(await projectNext(c.get('services').db, projectId(c), query)), 200);
  });
  router.openapi(route('lint', "The plan's own mistakes"), async (c) => c.json(reports(await projectLint(c.get('services').db, projectId(c))), 200));
  router.openapi(route('forecast', 'Sprints against capacity, velocity and a forecast of the sprints left', ForecastQuery), async (c) => {
    const query = ForecastQuery.parse(c.req.query());
    return c.json(reports(await projectForecast(c.get('services').db, projectId(c), query)), 200);
  });
  return router;
}
