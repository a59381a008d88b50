// The project's pace: velocity of the last seven closed sprints and per week, the Monte Carlo
// forecast of the sprints and dates left, cumulative flow by status per day and cycle time. Any
// member reads them.

import { createRoute, z } from '@hono/zod-openapi';
import { projectCycleTime, projectFlow, projectSprintForecast, projectVelocity, projectWeeklyVelocity } from '../../../services/sprints/index.js';
import { dayText } from '../../../engine/history/index.js';
import { requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, ProjectParam } from '../../router.js';

const Loose = z.record(z.string(), z.unknown());
const ForecastQuery = z.object({
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional().openapi({ type: 'integer', description: 'Seed, to reproduce a forecast.' }),
});
const WeeksQuery = z.object({
  from: z.string().max(40).optional().openapi({ description: 'A day of the first week, YYYY-MM-DD (default: seven weeks before to, so eight weeks).' }),
  to: z.string().max(40).optional().openapi({ description: 'A day of the last week, YYYY-MM-DD (default: today).' }),
});
const RangeQuery = z.object({
  from: z.string().max(40).optional().openapi({ description: 'First day, YYYY-MM-DD (default: 30 days before to).' }),
  to: z.string().max(40).optional().openapi({ description: 'Last day, YYYY-MM-DD (default: today).' }),
});

export function velocityRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/velocity', tags: ['sprints'], summary: 'Committed and completed points of the last seven closed sprints, with averages', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam },
      responses: { 200: json(Loose.openapi('Velocity'), 'Velocity.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json((await projectVelocity(c.get('services').db, currentProject(c).project.id)) as unknown as Record<string, unknown>, 200),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/velocity/weekly', tags: ['sprints'], summary: 'Points and items done per ISO week, sprints or not, with averages', security: BEARER,
      description: 'The net change of done work over each Monday-to-Sunday week: an item reopened later takes its points back in the week it reopened. Work already done when a plan was uploaded counts in no week. Default: the last eight weeks.',
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: WeeksQuery },
      responses: { 200: json(Loose.openapi('WeeklyVelocity'), 'Velocity and throughput per week.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      return c.json((await projectWeeklyVelocity(db, currentProject(c).project.id, c.req.valid('query'), clock())) as unknown as Record<string, unknown>, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/velocity/forecast', tags: ['sprints'], summary: 'Sprints and finish dates left at P50, P85 and P95 (10,000 trials)', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: ForecastQuery },
      responses: { 200: json(Loose.openapi('SprintForecast'), 'The forecast.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const result = await projectSprintForecast(db, currentProject(c).project.id, { seed: c.req.valid('query').seed, now: clock() });
      return c.json(result as unknown as Record<string, unknown>, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/flow', tags: ['sprints'], summary: 'Cumulative flow: points (or items) in each status at the end of each day', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: RangeQuery },
      responses: { 200: json(Loose.openapi('CumulativeFlow'), 'Cumulative flow.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const query = c.req.valid('query');
      const to = query.to ?? dayText(Math.floor(clock().getTime() / 86_400_000));
      const from = query.from ?? dayText(Math.floor(Date.parse(`${to}T00:00:00Z`) / 86_400_000) - 29);
      return c.json((await projectFlow(db, currentProject(c).project.id, { from, to })) as unknown as Record<string, unknown>, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/cycle-time', tags: ['sprints'], summary: 'Cycle time from in progress to done: median and P85, per item', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: RangeQuery },
      responses: { 200: json(Loose.openapi('CycleTime'), 'Cycle time.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => c.json((await projectCycleTime(c.get('services').db, currentProject(c).project.id, c.req.valid('query'))) as unknown as Record<string, unknown>, 200),
  );
  return router;
}
