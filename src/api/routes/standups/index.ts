// Daily standups of a project: the team feed (days, person, has-blockers filters; cursor pages;
// open blockers carried forward), and writing, changing and deleting your own entry. Members write;
// viewers read.

import { createRoute, z } from '@hono/zod-openapi';
import { sendDigest, smtpConfigFromEnv } from '../../../services/digest/index.js';
import { todayOf } from '../../../services/sprints/dates.js';
import { createStandup, deleteStandup, standupFeed, updateStandup } from '../../../services/standups/index.js';
import { ScrumdownError } from '../../../errors.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf, ProjectParam } from '../../router.js';

const StandupParams = ProjectParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const StandupBody = z
  .object({
    user: z.string().max(200).optional().openapi({ description: 'Your own user id (an entry for someone else is refused).' }),
    day: z.string().max(40).optional().openapi({ description: 'YYYY-MM-DD; default today.' }),
    done: z.string().optional(),
    next: z.string().optional(),
    blockers: z.string().optional(),
    mood: z.number().nullable().optional().openapi({ description: '1 (bad) to 5 (great).' }),
    items: z.array(z.string().min(1).max(500)).max(100).optional(),
    blockerResolved: z.boolean().optional(),
  })
  .strict()
  .openapi('StandupInput');
const FeedQuery = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  user: z.string().max(200).optional().openapi({ description: 'User id or e-mail.' }),
  hasBlockers: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ type: 'integer' }),
  cursor: z.string().max(300).optional(),
});
const Standup = z.record(z.string(), z.unknown()).openapi('Standup');

export function standupRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/standups', tags: ['standups'], summary: 'Team feed, newest first, with the blockers still open', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: FeedQuery },
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('StandupFeed'), 'A page of entries.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const q = c.req.valid('query');
      const feed = await standupFeed(db, currentProject(c).project.id, { ...q, hasBlockers: q.hasBlockers === undefined ? undefined : q.hasBlockers === 'true' }, clock());
      return c.json(feed as unknown as Record<string, unknown>, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/projects/{p}/standups', tags: ['standups'], summary: "Write today's (or a day's) entry; one per person per day (members)", security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: ProjectParam, body: jsonBodyOf(StandupBody) },
      responses: { 201: json(Standup, 'The entry.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const { project } = currentProject(c);
      const entry = await createStandup(db, { projectId: project.id, projectKey: project.key, actor: currentUser(c), standup: c.req.valid('json'), now: clock() });
      return c.json(entry as unknown as Record<string, unknown>, 201);
    },
  );
  router.openapi(
    createRoute({
      method: 'patch', path: '/projects/{p}/standups/{id}', tags: ['standups'], summary: 'Change your entry; anyone in the team may mark its blocker resolved (members)', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: StandupParams, body: jsonBodyOf(StandupBody) },
      responses: { 200: json(Standup, 'The entry.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const { project } = currentProject(c);
      const entry = await updateStandup(db, { projectId: project.id, projectKey: project.key, actor: currentUser(c), id: c.req.valid('param').id, standup: c.req.valid('json'), now: clock() });
      return c.json(entry as unknown as Record<string, unknown>, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'delete', path: '/projects/{p}/standups/{id}', tags: ['standups'], summary: 'Delete your entry (members)', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: StandupParams },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      await deleteStandup(c.get('services').db, { projectId: currentProject(c).project.id, actor: currentUser(c), id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({
      method: 'post', path: '/projects/{p}/standups/digest', tags: ['standups'], summary: "Mail the day's digest to the project's members over SMTP (owners)", security: BEARER,
      middleware: [requireAuth(), requireProjectRole('owner')] as const,
      request: { params: ProjectParam, query: z.object({ day: z.string().max(40).optional().openapi({ description: 'YYYY-MM-DD; default today.' }) }) },
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('DigestSent'), 'Sent: recipients and what the server accepted.'), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const smtp = smtpConfigFromEnv(process.env);
      if (!smtp) throw new ScrumdownError('invalid_config', 'No SMTP server is configured: set SCRUMDOWN_SMTP_HOST and SCRUMDOWN_SMTP_FROM (see .env.example).', { variable: 'SCRUMDOWN_SMTP_HOST' });
      const { project } = currentProject(c);
      const result = await sendDigest(db, { id: project.id, name: project.name }, c.req.valid('query').day ?? todayOf(clock()), smtp);
      return c.json(result as unknown as Record<string, unknown>, 200);
    },
  );
  return router;
}
