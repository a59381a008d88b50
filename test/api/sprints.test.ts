// Sprint routes on SQLite and PostgreSQL: every input checked (dates in order, items of this
// project, one open sprint per item, capacity of members), nothing stored on a refusal; capacity
// per member and role; the state rules of start and close; sprints declared in an imported plan.

import { beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createProject, createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { roleMatrix, statuses } from '../support/role-matrix.js';
import { base, TRACKER_PLAN, upload } from './plans.js';

const SPRINT = { name: 'Sprint 1', goal: 'Loans', startDate: '2026-11-23', endDate: '2026-12-04' };

describeEachDatabase('sprints API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;
  const path = (rest = '') => `${base(project)}/sprints${rest}`;
  const rows = async (table: 'sprints' | 'sprint_items' | 'sprint_capacity') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    expect((await upload(t, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
    // The plan's "Current Sprint" section came in as a planned sprint; these tests start afresh.
    const imported = await t.request('GET', path(), { token: users.member.token });
    expect(imported.body.sprints.map((s: { name: string; source: string }) => [s.name, s.source])).toEqual([['Current Sprint: Loans', 'plan']]);
    expect((await t.request('DELETE', path('/1'), { token: users.member.token })).status).toBe(204);
    const elsewhere = await createProject(t, users.member);
    expect((await upload(t, elsewhere, users.member.token, 'other.md', '# Other\n\n## Backlog\n\n#### TASK-900: Elsewhere\n- **Status**: 📋 Todo\n')).status).toBe(201);
  });

  it('weekly velocity: eight weeks by default, Monday to Sunday; bad ranges are 400 naming the field', async () => {
    const weekly = await t.request('GET', `${base(project)}/velocity/weekly?to=2026-11-25`, { token: users.viewer.token });
    expect(weekly.status).toBe(200);
    expect(weekly.body.from).toBe('2026-10-07');
    expect(weekly.body.velocity.periods.map((p: { name: string }) => p.name)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weekly.body.velocity.periods[7]).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekly.body.throughput.measure).toBe('items');
    for (const [query, field, fragment] of [
      ['to=2026-13-01', 'to', 'to must be a day written YYYY-MM-DD'],
      ['from=2026-11-30&to=2026-11-01', 'to', 'is before from'],
      ['from=2024-01-01&to=2026-01-01', 'to', 'A chart covers at most a year'],
    ] as const) {
      const refused = await t.request('GET', `${base(project)}/velocity/weekly?${query}`, { token: users.viewer.token });
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.details.fields[0].field, query).toBe(field);
      expect(refused.body.error.message, query).toContain(fragment);
    }
  });

  it('refuses bad sprints with 400 naming the field, storing nothing', async () => {
    const before = await rows('sprints');
    const cases: Array<[Record<string, unknown>, RegExp, string]> = [
      [{ ...SPRINT, endDate: '2026-11-20' }, /endDate \(2026-11-20\) is before startDate \(2026-11-23\)/, 'endDate'],
      [{ ...SPRINT, startDate: '23/11/2026' }, /startDate must be a day written YYYY-MM-DD/, 'startDate'],
      [{ ...SPRINT, endDate: '2026-13-04' }, /endDate must be a day written YYYY-MM-DD/, 'endDate'],
      [{ ...SPRINT, name: '  ' }, /name/, 'name'],
      [{ ...SPRINT, workingDays: ['funday'] }, /weekdays/, 'workingDays'],
      [{ ...SPRINT, startDate: '2026-11-28', endDate: '2026-11-29' }, /no working day/, 'workingDays'],
    ];
    for (const [json, message, field] of cases) {
      const response = await t.request('POST', path(), { token: users.member.token, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details.fields[0].field).toBe(field);
    }
    expect(await rows('sprints')).toBe(before);
  });

  it('adds items of this project only, one open sprint per item', async () => {
    const created = await t.request('POST', path(), { token: users.member.token, json: SPRINT });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, state: 'planned', days: 10, workingDays: [1, 2, 3, 4, 5] });
    const before = await rows('sprint_items');
    const foreign = await t.request('POST', path('/1/items'), { token: users.member.token, json: { items: ['TASK-201', 'TASK-900'] } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/items\[1\].*TASK-900/);
    expect(await rows('sprint_items')).toBe(before);
    const added = await t.request('POST', path('/1/items'), { token: users.member.token, json: { items: ['TASK-201', 'TASK-202'] } });
    expect(added.body.items.map((i: { key: string }) => i.key)).toEqual(['TASK-201', 'TASK-202']);
    expect(added.body.points).toBe(8);
    await t.request('POST', path(), { token: users.member.token, json: { ...SPRINT, name: 'Sprint 2', startDate: '2026-12-07', endDate: '2026-12-18' } });
    const twice = await t.request('POST', path('/2/items'), { token: users.member.token, json: { items: ['TASK-201'] } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/TASK-201 is already in sprint 1/);
  });

  it('capacity: hours a day less days off per member, summed per role, declared role hours win', async () => {
    const refused = await t.request('PUT', path('/1/capacity'), { token: users.member.token, json: { members: [{ userId: users.nonMember.id, hoursPerDay: 6 }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/not a member of this project/);
    const outside = await t.request('PUT', path('/1/capacity'), { token: users.member.token, json: { members: [{ userId: users.member.id, hoursPerDay: 6, daysOff: ['2026-12-25'] }] } });
    expect(outside.body.error.message).toMatch(/outside the sprint/);
    expect(await rows('sprint_capacity')).toBe(0);
    const set = await t.request('PUT', path('/1/capacity'), {
      token: users.member.token,
      json: {
        members: [
          { userId: users.member.id, hoursPerDay: 6, daysOff: ['2026-11-27', '2026-11-28'], role: 'Backend' },
          { userId: users.other.id, hoursPerDay: 4, role: 'Frontend' },
        ],
        roles: [{ role: 'Frontend', hours: 30 }],
      },
    });
    expect(set.status, set.text).toBe(200);
    // 10 working days; the member is off one of them (the 28th is a Saturday): 9 × 6 = 54; other 10 × 4 = 40.
    expect(set.body.capacity.members.map((m: { hours: number }) => m.hours)).toEqual([54, 40]);
    expect(set.body.capacity.totalHours).toBe(94);
    expect(set.body.capacity.roles).toEqual(
      expect.arrayContaining([
        { role: 'Backend', declaredHours: null, memberHours: 54, hours: 54 },
        { role: 'Frontend', declaredHours: 30, memberHours: 40, hours: 30 },
      ]),
    );
  });

  it('start freezes the commitment; one active sprint; close keeps the report; closed sprints do not change', async () => {
    const started = await t.request('POST', path('/1/start'), { token: users.member.token });
    expect(started.body).toMatchObject({ state: 'active', committedPoints: 8, committedItems: 2 });
    expect((await t.request('POST', path('/2/start'), { token: users.member.token })).body.error.message).toMatch(/Sprint 1 .* is still active/);
    expect((await t.request('DELETE', path('/1'), { token: users.member.token })).status).toBe(409);
    expect((await t.request('PATCH', path('/1'), { token: users.member.token, json: { startDate: '2026-11-24' } })).status).toBe(409);
    expect((await t.request('PATCH', path('/1'), { token: users.member.token, json: { endDate: '2026-11-01' } })).status).toBe(400);
    const closed = await t.request('POST', path('/1/close'), { token: users.member.token });
    expect(closed.body.state).toBe('closed');
    expect((await t.request('POST', path('/1/items'), { token: users.member.token, json: { items: ['TASK-203'] } })).status).toBe(409);
    const report = await t.request('GET', path('/1/report'), { token: users.viewer.token });
    expect(report.body.totals).toMatchObject({ committedPoints: 8, completedPoints: 0, notCompletedPoints: 8 });
    expect((await t.request('GET', path('/9'), { token: users.viewer.token })).status).toBe(404);
  });

  it('sprints declared in an imported plan become planned sprints with their items and capacity', async () => {
    const planned = await createProject(t, users.member);
    const plan = [
      '# Shop - Agile Breakdown',
      '',
      '## TEAM CAPACITY',
      '',
      '| Role | Weekly Hours | Sprint Capacity (2 weeks) |',
      '|------|--------------|---------------------------|',
      '| Backend Developer | 20 hrs | 40 hrs |',
      '',
      '## User Stories',
      '',
      '### Story 1.1: Cart',
      '**Story ID:** US-001',
      '**Story Points:** 5',
      '',
      '### Story 1.2: Checkout',
      '**Story ID:** US-002',
      '**Story Points:** 8',
      '',
      '# SPRINT PLANNING',
      '',
      '## Sprint 1 (2026-11-23 to 2026-12-04): Cart',
      '',
      '**Sprint Goal:** Sell things',
      '**Capacity:** 20 story points',
      '',
      '### Committed Stories:',
      '1. **US-001: Cart** (5 pts)',
      '2. **US-002: Checkout** (8 pts)',
      '',
    ].join('\n');
    expect((await upload(t, planned, users.member.token, 'shop.md', plan)).status).toBe(201);
    const list = await t.request('GET', `${base(planned)}/sprints`, { token: users.member.token });
    expect(list.body.sprints).toHaveLength(1);
    const [sprint] = list.body.sprints;
    expect(sprint).toMatchObject({ name: 'Sprint 1 (2026-11-23 to 2026-12-04): Cart', startDate: '2026-11-23', endDate: '2026-12-04', state: 'planned', source: 'plan', capacityPoints: 20 });
    expect(sprint.items.map((i: { key: string }) => i.key)).toEqual(['US-001', 'US-002']);
    expect(sprint.points).toBe(13);
    expect(sprint.capacity.roles).toEqual([{ role: 'Backend Developer', declaredHours: 40, memberHours: 0, hours: 40 }]);
  });
});

const withSprint = async ({ t, project, users }: { t: TestApp; project: ProjectView; users: RoleUsers }) => {
  await t.request('POST', `/api/v1/projects/${project.key}/sprints`, { token: users.owner.token, json: SPRINT });
  return {};
};

roleMatrix('sprints', [
  { method: 'GET', path: '/api/v1/projects/{p}/sprints', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'POST', path: '/api/v1/projects/{p}/sprints', json: SPRINT, expect: statuses(401, 404, 403, 201, 201, 201) },
  { method: 'PATCH', path: '/api/v1/projects/{p}/sprints/1', json: { goal: 'Returns' }, setup: withSprint, expect: statuses(401, 404, 403, 200, 200, 200) },
  { method: 'DELETE', path: '/api/v1/projects/{p}/sprints/1', setup: withSprint, expect: statuses(401, 404, 403, 204, 204, 204) },
  { method: 'POST', path: '/api/v1/projects/{p}/sprints/1/start', setup: withSprint, expect: statuses(401, 404, 403, 200, 200, 200) },
  { method: 'PUT', path: '/api/v1/projects/{p}/sprints/1/capacity', json: { roles: [{ role: 'QA', hours: 10 }] }, setup: withSprint, expect: statuses(401, 404, 403, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/sprints/1/burndown', setup: withSprint, fresh: true, expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/sprints/1/report', setup: withSprint, fresh: true, expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/velocity', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/velocity/forecast?seed=1', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/velocity/weekly', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/cycle-time', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/flow', expect: statuses(401, 404, 200, 200, 200, 200) },
]);
