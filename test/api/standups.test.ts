// Standups on SQLite and PostgreSQL: one entry per person per day (a second is 409 pointing at
// the first), your own only, mood 1–5 and items of this project, the feed's filters and cursor
// pages, and blockers carried forward until resolved. Bad input stores nothing.

import { beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createProject, createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { roleMatrix, statuses } from '../support/role-matrix.js';
import { base, TRACKER_PLAN, upload } from './plans.js';

describeEachDatabase('standups API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;
  const path = () => `${base(project)}/standups`;
  const count = async () => (await t.handle.db.selectFrom('standups').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    expect((await upload(t, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
    const elsewhere = await createProject(t, users.member);
    expect((await upload(t, elsewhere, users.member.token, 'other.md', '# Other\n\n## Backlog\n\n#### TASK-900: Elsewhere\n- **Status**: 📋 Todo\n')).status).toBe(201);
  });

  it('writes an entry for today, and a second one for the same day is 409 pointing at the first', async () => {
    t.clock.set('2026-11-16T09:00:00.000Z');
    const first = await t.request('POST', path(), { token: users.member.token, json: { done: 'Loans', next: 'Returns', blockers: 'Waiting for the barcode API key', mood: 4, items: ['TASK-201'] } });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ day: '2026-11-16', mood: 4, items: ['TASK-201'], user: { id: users.member.id } });
    const second = await t.request('POST', path(), { token: users.member.token, json: { done: 'again' } });
    expect(second.status).toBe(409);
    expect(second.body.error.details).toMatchObject({ existing: first.body.id, day: '2026-11-16', path: `/api/v1/projects/${project.key}/standups/${first.body.id}` });
  });

  it('refuses bad input with a message naming the problem, storing nothing', async () => {
    const before = await count();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ done: 'x', mood: 0, day: '2026-11-17' }, 400, /mood/],
      [{ done: 'x', mood: 6, day: '2026-11-17' }, 400, /mood/],
      [{ done: 'x', day: '2026-02-30' }, 400, /day/],
      [{ done: 'x', day: '2026-11-17', items: ['TASK-900'] }, 400, /items\[0\].*TASK-900/],
      [{ done: 'x', day: '2026-11-17', user: users.other.id }, 403, /person it is about/],
      [{ day: '2026-11-17' }, 400, /at least one/],
    ];
    for (const [json, status, message] of cases) {
      const response = await t.request('POST', path(), { token: users.member.token, json });
      expect(response.status, JSON.stringify(json)).toBe(status);
      expect(response.body.error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('only the author edits or deletes; anyone in the team resolves a blocker', async () => {
    t.clock.set('2026-11-17T09:00:00.000Z');
    const mine = await t.request('POST', path(), { token: users.other.token, json: { done: 'Reminders', blockers: 'Mail server down' } });
    expect(mine.status).toBe(201);
    const id = mine.body.id as string;
    expect((await t.request('PATCH', `${path()}/${id}`, { token: users.member.token, json: { done: 'not mine' } })).status).toBe(403);
    expect((await t.request('DELETE', `${path()}/${id}`, { token: users.member.token })).status).toBe(403);
    expect((await t.request('PATCH', `${path()}/${id}`, { token: users.other.token, json: { mood: 6 } })).status).toBe(400);
    const edited = await t.request('PATCH', `${path()}/${id}`, { token: users.other.token, json: { mood: 2 } });
    expect(edited.body).toMatchObject({ mood: 2, done: 'Reminders' });
    // Emptying the last text an entry has is refused, naming the field, and changes nothing.
    const emptied = await t.request('PATCH', `${path()}/${id}`, { token: users.other.token, json: { done: '', blockers: '' } });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toMatch(/at least one of done, next or blockers/);
    expect(emptied.body.error.details.fields).toEqual([{ field: 'done', problem: 'empty' }]);
    expect((await t.request('GET', path(), { token: users.other.token })).body.entries.find((e: { id: string }) => e.id === id)).toMatchObject({ done: 'Reminders', blockers: 'Mail server down' });

    // Blockers carried forward: on the 19th both the member's (16th) and other's (17th) are open.
    t.clock.set('2026-11-19T09:00:00.000Z');
    let feed = await t.request('GET', path(), { token: users.viewer.token });
    expect(feed.body.openBlockers.map((b: { day: string; daysOpen: number }) => [b.day, b.daysOpen])).toEqual([['2026-11-16', 3], ['2026-11-17', 2]]);
    const resolved = await t.request('PATCH', `${path()}/${id}`, { token: users.member.token, json: { blockerResolved: true } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.blockerResolvedBy).toBe(users.member.id);
    feed = await t.request('GET', path(), { token: users.viewer.token });
    expect(feed.body.openBlockers.map((b: { day: string }) => b.day)).toEqual(['2026-11-16']);
    expect((await t.request('DELETE', `${path()}/${id}`, { token: users.other.token })).status).toBe(204);
  });

  it('the feed filters by days, person and blockers and pages by cursor', async () => {
    for (const [day, token, blockers] of [
      ['2026-11-18', users.member.token, ''],
      ['2026-11-19', users.member.token, 'Review queue'],
      ['2026-11-20', users.member.token, ''],
      ['2026-11-18', users.other.token, ''],
    ] as const) {
      expect((await t.request('POST', path(), { token, json: { day, done: `work of ${day}`, blockers } })).status).toBe(201);
    }
    const all = await t.request('GET', `${path()}?from=2026-11-16&to=2026-11-20`, { token: users.viewer.token });
    expect(all.body.entries.map((e: { day: string }) => e.day)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-18', '2026-11-16']);
    const member = await t.request('GET', `${path()}?user=${users.member.id}&from=2026-11-18`, { token: users.viewer.token });
    expect(member.body.entries.map((e: { day: string }) => e.day)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18']);
    const blocked = await t.request('GET', `${path()}?hasBlockers=true`, { token: users.viewer.token });
    expect(blocked.body.entries.map((e: { day: string }) => e.day)).toEqual(['2026-11-19', '2026-11-16']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { entries: Array<{ id: string }>; nextCursor: string | null } } = await t.request('GET', `${path()}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: users.viewer.token });
      expect(page.body.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.entries.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.entries.map((e: { id: string }) => e.id));
    expect((await t.request('GET', `${path()}?from=2026-11-20&to=2026-11-18`, { token: users.viewer.token })).body.error.message).toMatch(/to \(2026-11-18\) is before from/);
    expect((await t.request('GET', `${path()}?cursor=nonsense`, { token: users.viewer.token })).status).toBe(400);
  });
});

roleMatrix('standups', [
  { method: 'GET', path: '/api/v1/projects/{p}/standups', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'POST', path: '/api/v1/projects/{p}/standups', json: { done: 'Planning' }, expect: statuses(401, 404, 403, 201, 201, 201) },
  {
    method: 'PATCH',
    path: '/api/v1/projects/{p}/standups/{s}',
    json: { blockerResolved: true },
    setup: async ({ t, project, users }) => {
      const created = await t.request('POST', `/api/v1/projects/${project.key}/standups`, { token: users.other.token, json: { blockers: 'Stuck' } });
      return { s: created.body.id as string };
    },
    expect: statuses(401, 404, 403, 200, 200, 200),
  },
  {
    method: 'DELETE',
    path: '/api/v1/projects/{p}/standups/{s}',
    setup: async ({ t, project, users }) => {
      const created = await t.request('POST', `/api/v1/projects/${project.key}/standups`, { token: users.other.token, json: { done: 'Stuff' } });
      return { s: created.body.id as string };
    },
    expect: statuses(401, 404, 403, 403, 403, 403),
  },
]);
