// Three sprints of a team's life driven through the API under a fixed clock, on SQLite and
// PostgreSQL: the burndown, burnup, velocity, cycle time and sprint report numbers equal values
// worked out by hand below. A mid-sprint addition shows in burnup scope and in the burndown's
// added series while the ideal line stays where the commitment put it.

import { beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { base, itemPath, upload } from './plans.js';

// Nine tasks; points in brackets: A1 3, A2 5, A3 2, A4 8, A5 1, A6 5, A7 3, A8 2, A9 1 (30 in all).
const POINTS = [3, 5, 2, 8, 1, 5, 3, 2, 1];
const PLAN = ['# Ferry Booking - Task Tracker', '', '## Backlog', ''];
POINTS.forEach((points, i) => PLAN.push(`#### TASK-${i + 1}: Task ${i + 1}`, '- **Status**: 📋 Todo', `- **Story Points**: ${points}`, ''));

describeEachDatabase('scrum scenario: three sprints through the API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;
  let token: string;

  const at = (when: string) => t.clock.set(when);
  async function call(method: string, path: string, json?: unknown) {
    const response = await t.request(method, `${base(project)}${path}`, { token, json });
    expect(response.status, `${method} ${path}: ${response.text}`).toBeLessThan(300);
    return response.body;
  }
  async function status(id: string, value: string, when: string) {
    at(when);
    const response = await t.request('PATCH', itemPath(project, id), { token, json: { status: value } });
    expect(response.status, response.text).toBe(200);
  }

  const reports: Record<number, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
  const charts: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    at('2026-11-02T08:00:00.000Z');
    // An API token outlives the access tokens while the clock runs for six weeks.
    const created = await t.request('POST', '/api/v1/tokens', { token: users.member.token, json: { name: 'scenario' } });
    expect(created.status).toBe(201);
    token = created.body.token;
    expect((await upload(t, project, users.owner.token, 'ferry.md', PLAN.join('\n'))).status).toBe(201);

    // Sprint 1: Mon 2026-11-02 to Fri 2026-11-13, ten working days; A1–A4 committed (18 points).
    await call('POST', '/sprints', { name: 'Sprint 1', goal: 'Bookings', startDate: '2026-11-02', endDate: '2026-11-13' });
    await call('POST', '/sprints/1/items', { items: ['TASK-1', 'TASK-2', 'TASK-3', 'TASK-4'] });
    at('2026-11-02T09:00:00.000Z');
    await call('POST', '/sprints/1/start');
    await status('TASK-1', 'in_progress', '2026-11-03T10:00:00.000Z');
    await status('TASK-1', 'done', '2026-11-04T16:00:00.000Z');
    charts.before = await call('GET', '/sprints/1/burndown');
    at('2026-11-05T11:00:00.000Z');
    await call('POST', '/sprints/1/items', { items: ['TASK-5'] });
    charts.after = await call('GET', '/sprints/1/burndown');
    await status('TASK-2', 'in_progress', '2026-11-06T09:00:00.000Z');
    await status('TASK-9', 'in_progress', '2026-11-10T09:00:00.000Z');
    await status('TASK-2', 'done', '2026-11-10T09:00:00.000Z');
    at('2026-11-11T10:00:00.000Z');
    await call('DELETE', '/sprints/1/items/TASK-4');
    await status('TASK-9', 'done', '2026-11-12T09:00:00.000Z');
    at('2026-11-13T17:00:00.000Z');
    await call('POST', '/sprints/1/close');
    charts.burndown1 = await call('GET', '/sprints/1/burndown');
    charts.burnup1 = await call('GET', '/sprints/1/burnup');
    reports[1] = await call('GET', '/sprints/1/report');

    // Sprint 2: 2026-11-16 to 2026-11-27; A3, A5, A6 committed (8); A9, done already, joins later.
    at('2026-11-13T17:30:00.000Z');
    await call('POST', '/sprints', { name: 'Sprint 2', startDate: '2026-11-16', endDate: '2026-11-27' });
    await call('POST', '/sprints/2/items', { items: ['TASK-3', 'TASK-5', 'TASK-6'] });
    at('2026-11-16T08:30:00.000Z');
    await call('POST', '/sprints/2/start');
    await status('TASK-3', 'in_progress', '2026-11-16T09:00:00.000Z');
    await status('TASK-3', 'done', '2026-11-17T09:00:00.000Z');
    await status('TASK-6', 'in_progress', '2026-11-17T09:00:00.000Z');
    at('2026-11-18T09:00:00.000Z');
    await call('POST', '/sprints/2/items', { items: ['TASK-9'] });
    await status('TASK-6', 'done', '2026-11-24T09:00:00.000Z');
    at('2026-11-27T17:00:00.000Z');
    await call('POST', '/sprints/2/close');
    reports[2] = await call('GET', '/sprints/2/report');

    // Sprint 3: 2026-11-30 to 2026-12-11; A5, A7, A8 committed (6), all done.
    await call('POST', '/sprints', { name: 'Sprint 3', startDate: '2026-11-30', endDate: '2026-12-11' });
    await call('POST', '/sprints/3/items', { items: ['TASK-5', 'TASK-7', 'TASK-8'] });
    at('2026-11-30T08:00:00.000Z');
    await call('POST', '/sprints/3/start');
    await status('TASK-5', 'in_progress', '2026-11-30T09:00:00.000Z');
    await status('TASK-5', 'done', '2026-12-01T09:00:00.000Z');
    await status('TASK-7', 'in_progress', '2026-12-01T09:00:00.000Z');
    await status('TASK-7', 'done', '2026-12-03T09:00:00.000Z');
    await status('TASK-8', 'in_progress', '2026-12-07T09:00:00.000Z');
    await status('TASK-8', 'done', '2026-12-08T09:00:00.000Z');
    at('2026-12-11T17:00:00.000Z');
    await call('POST', '/sprints/3/close');
    reports[3] = await call('GET', '/sprints/3/report');
  });

  it('sprint 1 burns down from the frozen commitment of 18, with the addition and the removal as their own series', () => {
    const { chart, sprint } = charts.burndown1;
    expect(sprint).toMatchObject({ number: 1, committedPoints: 18, state: 'closed' });
    expect(chart.days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']);
    expect(chart.commitment).toBe(18);
    // A1 done on the 4th (3), A5 added on the 5th (+1), A2 done on the 10th (5), A4 taken out on the 11th (8).
    expect(chart.remaining).toEqual([18, 18, 15, 16, 16, 16, 11, 3, 3, 3]);
    expect(chart.completed).toEqual([0, 0, 3, 0, 0, 0, 5, 0, 0, 0]);
    expect(chart.scopeAdded).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(chart.scopeRemoved).toEqual([0, 0, 0, 0, 0, 0, 0, 8, 0, 0]);
    // 18 × (9 − d) / 10.
    expect(chart.ideal).toEqual([16.2, 14.4, 12.6, 10.8, 9, 7.2, 5.4, 3.6, 1.8, 0]);
  });

  it('the mid-sprint addition moves the burndown added series but not the ideal line', () => {
    expect(charts.before.chart.scopeAdded.every((value: number) => value === 0)).toBe(true);
    expect(charts.after.chart.scopeAdded[3]).toBe(1);
    expect(charts.after.chart.ideal).toEqual(charts.before.chart.ideal);
    expect(charts.after.chart.commitment).toBe(18);
  });

  it('sprint 1 burns up: scope 18, 19 after the addition, 11 after the removal; completed 3 then 8', () => {
    const { chart } = charts.burnup1;
    expect(chart.scope).toEqual([18, 18, 18, 19, 19, 19, 19, 11, 11, 11]);
    expect(chart.completed).toEqual([0, 0, 3, 3, 3, 3, 8, 8, 8, 8]);
  });

  it('sprint reports have the sections of the hand count', () => {
    const keys = (entries: Array<{ key: string }>) => entries.map((entry) => entry.key).sort();
    expect(keys(reports[1].completed)).toEqual(['TASK-1', 'TASK-2']);
    expect(keys(reports[1].notCompleted)).toEqual(['TASK-3', 'TASK-5']);
    expect(keys(reports[1].removed)).toEqual(['TASK-4']);
    expect(reports[1].completedOutside).toEqual([]);
    expect(reports[1].notCompleted.find((entry: { key: string }) => entry.key === 'TASK-5').addedAfterStart).toBe(true);
    expect(reports[1].notCompleted.find((entry: { key: string }) => entry.key === 'TASK-3').addedAfterStart).toBe(false);
    expect(reports[1].totals).toMatchObject({ committedPoints: 18, completedPoints: 8, notCompletedPoints: 3, removedPoints: 8, addedAfterStartPoints: 1, addedAfterStartItems: 1 });

    expect(keys(reports[2].completed)).toEqual(['TASK-3', 'TASK-6']);
    expect(keys(reports[2].notCompleted)).toEqual(['TASK-5']);
    expect(keys(reports[2].completedOutside)).toEqual(['TASK-9']);
    expect(reports[2].completedOutside[0].addedAfterStart).toBe(true);
    expect(reports[2].totals).toMatchObject({ committedPoints: 8, completedPoints: 7, completedOutsidePoints: 1 });

    expect(keys(reports[3].completed)).toEqual(['TASK-5', 'TASK-7', 'TASK-8']);
    expect(reports[3].totals).toMatchObject({ committedPoints: 6, completedPoints: 6, notCompletedItems: 0, removedItems: 0 });
  });

  it('velocity lists committed and completed of the three sprints with the averages', async () => {
    const velocity = await call('GET', '/velocity');
    expect(velocity.sprints.map((s: { committed: number; completed: number }) => [s.committed, s.completed])).toEqual([[18, 8], [8, 7], [6, 6]]);
    expect(velocity.averageCompleted).toBe(7);
    expect(velocity.averageCommitted).toBeCloseTo(32 / 3, 5);
  });

  it('cycle time from in progress to done: median 1.625 days, P85 4 days', async () => {
    // A1 1.25, A2 4, A9 2, A3 1, A6 7, A5 1, A7 2, A8 1 → sorted 1 1 1 1.25 2 2 4 7.
    const cycle = await call('GET', '/cycle-time');
    expect(cycle.items).toHaveLength(8);
    expect(cycle.median).toBe(1.625);
    expect(cycle.p85).toBe(4);
    expect(cycle.fromInProgress).toBe(8);
  });

  it('cumulative flow counts the points in each status at the end of each day', async () => {
    const flow = await call('GET', '/flow?from=2026-11-04&to=2026-11-06');
    expect(flow.days).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
    expect(flow.byStatus.done).toEqual([3, 3, 3]);
    expect(flow.byStatus.in_progress).toEqual([0, 0, 5]);
    expect(flow.byStatus.todo).toEqual([27, 27, 22]);
  });

  it('forecasts the 8 points left from velocities 8, 7, 6: two sprints at every confidence, reproducibly', async () => {
    const first = await call('GET', '/velocity/forecast?seed=42');
    expect(first).toMatchObject({ remainingPoints: 8, basis: 'closed-sprints', velocities: [8, 7, 6], trials: 10000, sprintLength: 10 });
    expect(first.p50).toBeLessThanOrEqual(first.p85);
    expect(first.p85).toBeLessThanOrEqual(first.p95);
    // One sprint only when the first draw is 8 (a third of the trials): P50 is already 2.
    expect([first.p50, first.p85, first.p95]).toEqual([2, 2, 2]);
    // Twenty working days after Friday 2026-12-11.
    expect(first.dates).toEqual({ p50: '2027-01-08', p85: '2027-01-08', p95: '2027-01-08' });
    expect(await call('GET', '/velocity/forecast?seed=42')).toEqual(first);
  });
});
