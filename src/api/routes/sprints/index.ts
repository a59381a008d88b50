// Sprints of a project: list, create, change, delete; items in and out; capacity; start (the
// commitment is frozen) and close (the report is kept); burndown, burnup and the sprint report.
// Members change sprints; viewers read them.

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  addSprintItems,
  closeSprint,
  createSprint,
  deleteSprint,
  getSprint,
  listSprints,
  removeSprintItem,
  setCapacity,
  sprintBurndown,
  sprintBurnup,
  sprintReportOf,
  startSprint,
  updateSprint,
} from '../../../services/sprints/index.js';
import type { AppEnv } from '../../env.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf, ProjectParam } from '../../router.js';

const SprintParams = ProjectParam.extend({
  s: z.string().min(1).max(100).openapi({ param: { name: 's', in: 'path' }, description: 'Sprint number (1, 2…) or id.', example: '3' }),
});
const SprintItemParams = SprintParams.extend({
  id: z.string().min(1).max(500).openapi({ param: { name: 'id', in: 'path' }, description: "The item's id (URL-encoded).", example: 'T012' }),
});

const Day = z.string().max(40).openapi({ example: '2026-11-23', description: 'YYYY-MM-DD' });
const SprintBody = z
  .object({
    name: z.string().max(400).optional(),
    goal: z.string().max(4000).optional(),
    startDate: Day.optional(),
    endDate: Day.optional(),
    workingDays: z.array(z.union([z.number().int(), z.string().max(20)])).max(7).optional().openapi({ description: 'Weekdays worked: 0–6 (0 Sunday) or mon, tue…; default Monday to Friday.' }),
    capacityPoints: z.number().nullable().optional(),
  })
  .strict()
  .openapi('SprintInput');
const ItemsBody = z.object({ items: z.array(z.string().min(1).max(500)).max(1000) }).strict().openapi('SprintItemsInput');
const CapacityBody = z
  .object({
    members: z
      .array(
        z
          .object({ userId: z.string().min(1).max(200), hoursPerDay: z.number(), daysOff: z.array(Day).max(400).optional(), role: z.string().max(100).nullable().optional() })
          .strict(),
      )
      .max(500)
      .optional(),
    roles: z.array(z.object({ role: z.string().max(100), hours: z.number() }).strict()).max(100).optional(),
  })
  .strict()
  .openapi('CapacityInput');

const SprintSchema = z.record(z.string(), z.unknown()).openapi('Sprint');
const ChartSchema = z.record(z.string(), z.unknown()).openapi('SprintChart');
const ReportSchema = z.record(z.string(), z.unknown()).openapi('SprintReport');

function projectId(c: Context<AppEnv>): string {
  return currentProject(c).project.id;
}

type Loose = Record<string, unknown>;
const loose = (value: object): Loose => value as Loose;

export function sprintRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/sprints', tags: ['sprints'], summary: "The project's sprints, oldest first", security: BEARER, middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam },
      responses: { 200: json(z.object({ sprints: z.array(SprintSchema) }), 'Sprints with their items and capacity.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json({ sprints: (await listSprints(c.get('services').db, projectId(c))).map(loose) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/projects/{p}/sprints', tags: ['sprints'], summary: 'Create a sprint (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: ProjectParam, body: jsonBodyOf(SprintBody) },
      responses: { 201: json(SprintSchema, 'The planned sprint.'), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const sprint = await createSprint(db, { projectId: projectId(c), actor: currentUser(c), sprint: c.req.valid('json'), now: clock() });
      return c.json(loose(sprint), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/sprints/{s}', tags: ['sprints'], summary: 'One sprint', security: BEARER, middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: SprintParams },
      responses: { 200: json(SprintSchema, 'The sprint.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json(loose(await getSprint(c.get('services').db, projectId(c), c.req.valid('param').s)), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch', path: '/projects/{p}/sprints/{s}', tags: ['sprints'], summary: 'Change name, goal, dates, working days or capacity in points (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: SprintParams, body: jsonBodyOf(SprintBody) },
      responses: { 200: json(SprintSchema, 'The sprint.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      return c.json(loose(await updateSprint(db, { projectId: projectId(c), ref: c.req.valid('param').s, sprint: c.req.valid('json'), now: clock() })), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete', path: '/projects/{p}/sprints/{s}', tags: ['sprints'], summary: 'Delete a planned sprint (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: SprintParams },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      await deleteSprint(c.get('services').db, { projectId: projectId(c), ref: c.req.valid('param').s });
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/projects/{p}/sprints/{s}/items', tags: ['sprints'], summary: 'Add items to a sprint (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: SprintParams, body: jsonBodyOf(ItemsBody) },
      responses: { 200: json(SprintSchema, 'The sprint with the items.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      return c.json(loose(await addSprintItems(db, { projectId: projectId(c), ref: c.req.valid('param').s, items: c.req.valid('json').items, actor: currentUser(c), now: clock() })), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'delete', path: '/projects/{p}/sprints/{s}/items/{id}', tags: ['sprints'], summary: 'Take an item out of a sprint (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: SprintItemParams },
      responses: { 200: json(SprintSchema, 'The sprint without the item.'), ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const params = c.req.valid('param');
      return c.json(loose(await removeSprintItem(db, { projectId: projectId(c), ref: params.s, item: params.id, actor: currentUser(c), now: clock() })), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put', path: '/projects/{p}/sprints/{s}/capacity', tags: ['sprints'], summary: 'Set capacity per member (hours a day, days off, role) and per role (members)', security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: SprintParams, body: jsonBodyOf(CapacityBody) },
      responses: { 200: json(SprintSchema, 'The sprint with its capacity.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => c.json(loose(await setCapacity(c.get('services').db, { projectId: projectId(c), ref: c.req.valid('param').s, capacity: c.req.valid('json') })), 200),
  );

  for (const [action, summary] of [
    ['start', 'Start the sprint: its items and points are frozen as the commitment (members)'],
    ['close', 'Close the sprint: its report is kept as it stands (members)'],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post', path: `/projects/{p}/sprints/{s}/${action}`, tags: ['sprints'], summary, security: BEARER, middleware: [requireAuth(), requireProjectRole('member')] as const,
        request: { params: SprintParams },
        responses: { 200: json(SprintSchema, 'The sprint.'), ...errorResponses(401, 403, 404, 409, 429) },
      }),
      async (c) => {
        const { db, clock } = c.get('services');
        const input = { projectId: projectId(c), ref: c.req.valid('param').s, now: clock() };
        return c.json(loose(action === 'start' ? await startSprint(db, input) : await closeSprint(db, input)), 200);
      },
    );
  }

  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/sprints/{s}/burndown', tags: ['sprints'], summary: 'Remaining points per working day, ideal line, scope added and removed', security: BEARER, middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: SprintParams },
      responses: { 200: json(ChartSchema, 'The burndown.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json(loose(await sprintBurndown(c.get('services').db, projectId(c), c.req.valid('param').s)), 200),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/sprints/{s}/burnup', tags: ['sprints'], summary: 'Scope and completed per working day', security: BEARER, middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: SprintParams },
      responses: { 200: json(ChartSchema, 'The burnup.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => c.json(loose(await sprintBurnup(c.get('services').db, projectId(c), c.req.valid('param').s)), 200),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/sprints/{s}/report', tags: ['sprints'], summary: 'Completed, not completed, completed outside, removed; items added after the start marked', security: BEARER, middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: SprintParams },
      responses: { 200: json(ReportSchema, 'The sprint report.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      return c.json(loose(await sprintReportOf(db, projectId(c), c.req.valid('param').s, clock())), 200);
    },
  );
  return router;
}
