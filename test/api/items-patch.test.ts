// Changing items through the API on SQLite and PostgreSQL: only the changed bytes move, history
// rows say who changed what, If-Match conflicts, and no lost update under concurrency.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine/build.js';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { base, CHECKLIST_PLAN, download, itemPath, TRACKER_PLAN, upload } from './plans.js';

/** Where two texts differ, in whole characters: [start, endInBefore, endInAfter] of their code points. */
function changedRange(before: string[], after: string[]): [number, number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [start, endBefore, endAfter];
}

/** The changed bytes of a download, as the before and after text (whole characters). */
function changedText(before: Buffer, after: Buffer): [string, string] {
  const a = Array.from(before.toString('utf8'));
  const b = Array.from(after.toString('utf8'));
  const [start, endBefore, endAfter] = changedRange(a, b);
  return [a.slice(start, endBefore).join(''), b.slice(start, endAfter).join('')];
}

/** A checklist plan with `count` tasks in one section. */
function manyTasks(count: number): string {
  const lines = ['# Warehouse Move - Work Plan', '', '## Phase 1: Packing', ''];
  for (let i = 1; i <= count; i++) lines.push(`- [ ] Pack shelf ${i}`);
  lines.push('');
  return lines.join('\n');
}

describeEachDatabase('item changes', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;

  async function freshProject(name: string, content: string | Uint8Array): Promise<ProjectView> {
    const project = await projectWithRoles(t, users);
    const response = await upload(t, project, users.owner.token, name, content);
    expect(response.status).toBe(201);
    return project;
  }

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
  });

  it('ticks a checkbox: one byte changes, the version moves on, the history says who', async () => {
    const project = await freshProject('bakery.md', CHECKLIST_PLAN.replace(/\n/g, '\r\n'));
    const before = (await download(t, project, users.viewer.token, 'bakery.md')).bytes;
    const response = await t.request('PATCH', itemPath(project, '1.1.2'), { token: users.member.token, json: { status: 'done' }, headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({ key: '1.1.2', version: 2, item: { id: '1.1.2', status: 'done' }, changes: [{ field: 'status', from: 'todo', to: 'done' }] });
    const after = await download(t, project, users.viewer.token, 'bakery.md');
    expect(after.etag).toBe('"2"');
    expect(after.bytes.length).toBe(before.length);
    expect(changedText(before, after.bytes)).toEqual([' ', 'x']);
    expect(after.bytes.toString('utf8')).toBe(CHECKLIST_PLAN.replace('- [ ] Pick a host', '- [x] Pick a host').replace(/\n/g, '\r\n'));

    const history = await t.request('GET', `${itemPath(project, '1.1.2')}/history`, { token: users.viewer.token });
    expect(history.status).toBe(200);
    expect(history.body.entries).toHaveLength(1);
    expect(history.body.entries[0]).toMatchObject({ item: '1.1.2', field: 'status', from: 'todo', to: 'done', source: 'api', user: { id: users.member.id, email: users.member.email } });
    expect(history.body.entries[0].at).toBe(t.clock().toISOString());
    // The stored rows follow: the task, and its phase (which rolls up) is unchanged (still in progress).
    const rows = await t.handle.db.selectFrom('items').select(['item_id', 'status', 'data']).where('project_id', '=', project.id).execute();
    const row = rows.find((candidate) => candidate.item_id === '1.1.2');
    expect(row?.status).toBe('done');
    expect(JSON.parse(row?.data ?? '{}').status).toBe('done');
  });

  it('rewrites a status word in the plan\'s own style and rolls the parent up', async () => {
    const project = await freshProject('bakery.md', CHECKLIST_PLAN);
    for (const id of ['2.1.1']) {
      const response = await t.request('PATCH', itemPath(project, id), { token: users.member.token, json: { status: 'done' } });
      expect(response.status).toBe(200);
    }
    const phase = await t.request('GET', itemPath(project, 'phase-2'), { token: users.viewer.token });
    expect(phase.body.details.item.status).toBe('done');
    const rows = await t.handle.db.selectFrom('items').select(['item_id', 'status']).where('project_id', '=', project.id).where('item_id', '=', 'phase-2').execute();
    expect(rows[0].status).toBe('done');

    const tracker = await freshProject('library.md', TRACKER_PLAN);
    const before = (await download(t, tracker, users.viewer.token, 'library.md')).bytes;
    const changed = await t.request('PATCH', itemPath(tracker, 'TASK-202'), { token: users.member.token, json: { status: 'in_progress' } });
    expect(changed.status).toBe(200);
    const after = (await download(t, tracker, users.viewer.token, 'library.md')).bytes;
    // Only the status value (its emoji and word), written the way the plan writes "in progress" elsewhere.
    expect(changedText(before, after)).toEqual(['📋 Todo', '🟡 In Progress']);
  });

  it('sets assignee, points, hours and priority, each recorded in the history', async () => {
    const project = await freshProject('library.md', TRACKER_PLAN);
    const response = await t.request('PATCH', itemPath(project, 'TASK-203'), {
      token: users.owner.token,
      json: { assignee: 'Lena', points: 13, hours: 6, priority: 'Medium' },
    });
    expect(response.status).toBe(200);
    expect(response.body.item).toMatchObject({ assignee: 'Lena', points: 13, hours: 6, priority: 'Medium' });
    const text = (await download(t, project, users.viewer.token, 'library.md')).bytes.toString('utf8');
    expect(text).toContain('- **Assignee**: Lena\n- **Story Points**: 13\n- **Priority**: Medium');
    const plan = buildPlan(text, 'library.md');
    expect(plan.items.find((item) => item.id === 'TASK-203')).toMatchObject({ assignee: 'Lena', points: 13, hours: 6, priority: 'Medium' });
    const history = await t.request('GET', `${itemPath(project, 'TASK-203')}/history`, { token: users.viewer.token });
    const byField = Object.fromEntries((history.body.entries as Array<{ field: string; from: string | null; to: string }>).map((entry) => [entry.field, [entry.from, entry.to]]));
    expect(byField).toEqual({ assignee: ['Priya, Marco', 'Lena'], points: ['8', '13'], hours: [null, '6'], priority: ['Low', 'Medium'] });
    const project_ = await t.request('GET', `${base(project)}/history?limit=2`, { token: users.viewer.token });
    expect(project_.body.entries).toHaveLength(2);
    expect(project_.body.nextCursor).not.toBeNull();
    const rest = await t.request('GET', `${base(project)}/history?limit=2&cursor=${project_.body.nextCursor}`, { token: users.viewer.token });
    expect(rest.body.entries).toHaveLength(2);
    const allIds = [...project_.body.entries, ...rest.body.entries].map((entry: { id: number }) => entry.id);
    expect(new Set(allIds).size).toBe(4);
  });

  it('refuses bad changes with 400 and writes nothing', async () => {
    const project = await freshProject('bakery.md', CHECKLIST_PLAN);
    const cases: unknown[] = [{}, { status: 'finished-ish' }, { points: -1 }, { points: 'five' }, { assignee: '' }, { colour: 'red' }, { status: 'blocked' }];
    for (const json of cases) {
      const response = await t.request('PATCH', itemPath(project, '1.1.2'), { token: users.member.token, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
    }
    // A roll-up parent is set through its children.
    expect((await t.request('PATCH', itemPath(project, 'phase-1'), { token: users.member.token, json: { status: 'done' } })).status).toBe(400);
    expect((await download(t, project, users.viewer.token, 'bakery.md')).etag).toBe('"1"');
    const malformed = await t.app.request(itemPath(project, '1.1.2'), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${users.member.token}`, 'content-type': 'application/json' },
      body: '{"status": "done"',
    });
    expect(malformed.status).toBe(400);
  });

  describe('If-Match', () => {
    it('answers 409 with the current version for a stale one', async () => {
      const project = await freshProject('bakery.md', CHECKLIST_PLAN);
      expect((await t.request('PATCH', itemPath(project, '1.1.2'), { token: users.member.token, json: { status: 'done' } })).status).toBe(200);
      const stale = await t.request('PATCH', itemPath(project, '1.1.3'), { token: users.member.token, json: { status: 'done' }, headers: { 'if-match': '"1"' } });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { expectedVersion: 1, currentVersion: 2, etag: '"2"' } });
      const garbage = await t.request('PATCH', itemPath(project, '1.1.3'), { token: users.member.token, json: { status: 'done' }, headers: { 'if-match': 'yesterday' } });
      expect(garbage.status).toBe(400);
    });

    it('two PATCHes with the same If-Match give exactly one 409', async () => {
      const project = await freshProject('warehouse.md', manyTasks(6));
      const ids = buildPlan(manyTasks(6), 'warehouse.md').items.filter((item) => item.kind !== 'phase').map((item) => item.id);
      for (let round = 0; round < 3; round++) {
        const version = round + 1;
        // Two real changes (a change to the status an item already has writes nothing).
        const [a, b] = await Promise.all([
          t.request('PATCH', itemPath(project, ids[2 * round]), { token: users.member.token, json: { status: 'done' }, headers: { 'if-match': `"${version}"` } }),
          t.request('PATCH', itemPath(project, ids[2 * round + 1]), { token: users.owner.token, json: { status: 'done' }, headers: { 'if-match': `"${version}"` } }),
        ]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const loser = a.status === 409 ? a : b;
        expect(loser.body.error.details.currentVersion).toBe(version + 1);
      }
    });
  });

  describe('several items in one request', () => {
    const batch = (project: ProjectView) => `${base(project)}/items`;

    it('writes them all in one version, a history row each, only their status bytes changed', async () => {
      const project = await freshProject('bakery.md', CHECKLIST_PLAN);
      const before = (await download(t, project, users.viewer.token, 'bakery.md')).bytes.toString('utf8');
      const response = await t.request('PATCH', batch(project), {
        token: users.member.token,
        json: { items: [{ id: '1.1.2', status: 'done' }, { id: '1.1.3', status: 'in_progress' }, { id: '1.2.1', status: 'done' }] },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({ document: 'bakery.md', version: 2, etag: '"2"' });
      expect(response.body.items.map((entry: { key: string; item: { status: string } }) => [entry.key, entry.item.status])).toEqual([
        ['1.1.2', 'done'],
        ['1.1.3', 'in_progress'],
        ['1.2.1', 'done'],
      ]);
      const after = await download(t, project, users.viewer.token, 'bakery.md');
      expect(after.etag).toBe('"2"');
      expect(after.bytes.toString('utf8')).toBe(before.replace('- [ ] Pick a host', '- [x] Pick a host').replace('- [ ] Configure DNS', '- [-] Configure DNS').replace('- [ ] Write the menu page', '- [x] Write the menu page'));
      const history = await t.handle.db.selectFrom('item_history').select(['item_id', 'field', 'to_value', 'user_id']).where('project_id', '=', project.id).where('source', '=', 'api').execute();
      expect(history.map((row) => `${row.item_id} ${row.field} ${row.to_value}`).sort()).toEqual(['1.1.2 status done', '1.1.3 status in_progress', '1.2.1 status done']);
      expect(new Set(history.map((row) => row.user_id))).toEqual(new Set([users.member.id]));
    });

    it('writes none of them when one cannot be made, or the If-Match is stale', async () => {
      const project = await freshProject('bakery.md', CHECKLIST_PLAN);
      const refusals: Array<[unknown, number, string | RegExp]> = [
        [{ items: [{ id: '1.1.2', status: 'done' }, { id: 'NOPE-1', status: 'done' }] }, 404, /NOPE-1/],
        [{ items: [{ id: '1.1.2', status: 'done' }, { id: 'phase-1', status: 'done' }] }, 400, /phase-1|Phase 1/],
        [{ items: [{ id: '1.1.2', status: 'done' }, { id: '1.1.2', status: 'todo' }] }, 400, '1.1.2 is named twice in one request'],
        [{ items: [{ id: '1.1.2', status: 'done' }, { id: '1.1.3', status: 'finished-ish' }] }, 400, /finished-ish/],
        [{ items: [] }, 400, /items/],
        [{ items: [{ id: '1.1.2' }] }, 400, /Nothing to change/],
        [{ items: [{ id: '1.1.2', status: 'done', colour: 'red' }] }, 400, /colour/],
      ];
      for (const [json, status, message] of refusals) {
        const response = await t.request('PATCH', batch(project), { token: users.member.token, json });
        expect(response.status, JSON.stringify(json)).toBe(status);
        if (typeof message === 'string') expect(response.body.error.message).toContain(message);
        else expect(JSON.stringify(response.body.error)).toMatch(message);
      }
      expect((await download(t, project, users.viewer.token, 'bakery.md')).etag).toBe('"1"');
      expect((await t.request('PATCH', itemPath(project, '1.2.2'), { token: users.member.token, json: { status: 'done' } })).status).toBe(200);
      const stale = await t.request('PATCH', batch(project), { token: users.member.token, json: { items: [{ id: '1.1.2', status: 'done' }, { id: '1.1.3', status: 'done' }] }, headers: { 'if-match': '"1"' } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      const text = (await download(t, project, users.viewer.token, 'bakery.md')).bytes.toString('utf8');
      expect(text).toContain('- [ ] Pick a host');
      expect(text).toContain('- [ ] Configure DNS');
      // A viewer may not write at all.
      expect((await t.request('PATCH', batch(project), { token: users.viewer.token, json: { items: [{ id: '1.1.2', status: 'done' }] } })).status).toBe(403);
    });

    it('refuses items of two documents, naming both', async () => {
      const project = await freshProject('bakery.md', CHECKLIST_PLAN);
      expect((await upload(t, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
      const response = await t.request('PATCH', batch(project), { token: users.member.token, json: { items: [{ id: 'bakery.md:1.1.2', status: 'done' }, { id: 'library.md:TASK-201', status: 'done' }] } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('bakery.md:1.1.2 is in bakery.md and library.md:TASK-201 in library.md: one request changes the items of one document.');
    });

    it('runs beside single PATCHes: 10 batches of 3 and 20 single changes at once all land', async () => {
      const project = await freshProject('warehouse.md', manyTasks(50));
      const ids = buildPlan(manyTasks(50), 'warehouse.md').items.filter((item) => item.kind !== 'phase').map((item) => item.id);
      const batches = Array.from({ length: 10 }, (_, k) => t.request('PATCH', batch(project), { token: users.member.token, json: { items: ids.slice(3 * k, 3 * k + 3).map((id) => ({ id, status: 'done' })) } }));
      const singles = ids.slice(30, 50).map((id) => t.request('PATCH', itemPath(project, id), { token: users.owner.token, json: { status: 'done' } }));
      const answers = await Promise.all([...batches, ...singles]);
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      const text = (await download(t, project, users.viewer.token, 'warehouse.md')).bytes.toString('utf8');
      expect(text).not.toContain('- [ ]');
      // Each batch's three items share one version.
      for (const answer of answers.slice(0, 10)) expect(new Set(answer.body.items.map(() => answer.body.version)).size).toBe(1);
    });
  });

  it('50 concurrent PATCHes to 50 different items all land, and the Markdown holds all 50', async () => {
    const project = await freshProject('warehouse.md', manyTasks(60));
    const plan = buildPlan(manyTasks(60), 'warehouse.md');
    const tasks = plan.items.filter((item) => item.kind !== 'phase').slice(0, 50);
    expect(tasks).toHaveLength(50);
    const responses = await Promise.all(
      tasks.map((task, i) => t.request('PATCH', itemPath(project, task.id), { token: i % 2 === 0 ? users.member.token : users.owner.token, json: { status: 'done' } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const after = await download(t, project, users.viewer.token, 'warehouse.md');
    const text = after.bytes.toString('utf8');
    const done = buildPlan(text, 'warehouse.md').items.filter((item) => item.status === 'done').map((item) => item.id);
    expect(done).toEqual(tasks.map((task) => task.id));
    expect(text).toBe(manyTasks(60).replace(/- \[ \] Pack shelf (\d+)$/gm, (line, n: string) => (Number(n) <= 50 ? `- [x] Pack shelf ${n}` : line)));
    const history = await t.handle.db.selectFrom('item_history').select(['item_id', 'user_id']).where('project_id', '=', project.id).execute();
    expect(history).toHaveLength(50);
    expect(new Set(history.map((row) => row.item_id)).size).toBe(50);
    // Every response's version is a version the document really went through.
    const version = Number(after.etag?.replace(/"/g, ''));
    expect(version).toBeGreaterThan(1);
    expect(version).toBeLessThanOrEqual(51);
    for (const response of responses) expect(response.body.version).toBeLessThanOrEqual(version);
  });

  it('keeps invalid UTF-8 and a BOM byte for byte around an edit', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n- [ ] Order cr'), Buffer.from([0xe8]), Buffer.from('me\n- [ ] Bake\n')]);
    const project = await freshProject('cafe.md', bytes);
    const items = await t.request('GET', `${base(project)}/items`, { token: users.viewer.token });
    const bake = (items.body.items as Array<{ id: string; title: string }>).find((item) => item.title === 'Bake');
    expect(bake).toBeDefined();
    expect((await t.request('PATCH', itemPath(project, bake!.id), { token: users.member.token, json: { status: 'done' } })).status).toBe(200);
    const after = (await download(t, project, users.viewer.token, 'cafe.md')).bytes;
    expect(after.equals(Buffer.from(bytes.toString('latin1').replace('- [ ] Bake', '- [x] Bake'), 'latin1'))).toBe(true);
  });
});
