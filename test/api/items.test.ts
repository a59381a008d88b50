// Items through the API on SQLite and PostgreSQL: every filter, sort and paging case, one item's
// details, and hostile strings in every filter.

import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { base, CHECKLIST_PLAN, itemPath, TRACKER_PLAN, upload } from './plans.js';

interface ListedItem {
  key: string;
  id: string;
  status: string;
  points: number | null;
  assignee: string | null;
  priority: string | null;
  title: string;
  document: string;
}

describeEachDatabase('items API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;

  async function list(query: string, target: ProjectView = project): Promise<{ status: number; body: { items: ListedItem[]; total: number; nextCursor: string | null; error?: { code: string } } }> {
    const response = await t.request('GET', `${base(target)}/items${query}`, { token: users.viewer.token });
    return { status: response.status, body: response.body };
  }
  const ids = (items: ListedItem[]): string[] => items.map((item) => item.id);

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    expect((await upload(t, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
  });

  it('lists the items in document order, without checks, with their keys', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(ids(body.items)).toEqual(['TASK-201', 'TASK-202', 'TASK-203', 'TASK-204']);
    expect(body.total).toBe(4);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({ key: 'TASK-201', document: 'library.md', status: 'in_progress', assignee: 'Priya', points: 5, priority: 'High' });
  });

  describe('filters', () => {
    const cases: Array<[string, string[]]> = [
      ['?status=todo', ['TASK-202', 'TASK-203']],
      ['?status=todo,done', ['TASK-202', 'TASK-203', 'TASK-204']],
      ['?status=todo&status=in_progress', ['TASK-201', 'TASK-202', 'TASK-203']],
      ['?status=wip', ['TASK-201']],
      ['?assignee=priya', ['TASK-201', 'TASK-203']],
      ['?assignee=Marco', ['TASK-202', 'TASK-203']],
      ['?assignee=nobody', []],
      ['?kind=task', ['TASK-201', 'TASK-202', 'TASK-203', 'TASK-204']],
      ['?kind=epic', []],
      // TASK-202 waits for TASK-201, which is in progress.
      ['?blocked=true', ['TASK-202']],
      ['?ready=true', ['TASK-201', 'TASK-203']],
      ['?ready=true&assignee=marco', ['TASK-203']],
      ['?q=BOOK', ['TASK-201', 'TASK-202']],
      ['?q=task-20', ['TASK-201', 'TASK-202', 'TASK-203', 'TASK-204']],
      ['?q=reminder&status=todo', ['TASK-203']],
      ['?document=library.md&status=done', ['TASK-204']],
    ];
    for (const [query, expected] of cases) {
      it(`${query} → ${expected.join(', ') || 'nothing'}`, async () => {
        const { status, body } = await list(query);
        expect(status).toBe(200);
        expect(ids(body.items)).toEqual(expected);
        expect(body.total).toBe(expected.length);
      });
    }

    it('filters by tag', async () => {
      const tagged = await t.request('POST', `${base(project)}/documents`, {
        token: users.owner.token,
        json: { name: 'tags.md', content: ['# Tasks', '', '- [ ] T001 [P] Write the parser', '- [ ] T002 [US1] Draw the form', '- [ ] T003 [P] [US1] Wire both', ''].join('\n') },
      });
      expect(tagged.status).toBe(201);
      const one = await list('?document=tags.md&tag=P');
      expect(ids(one.body.items)).toEqual(['T001', 'T003']);
      const both = await list('?document=tags.md&tag=p&tag=US1');
      expect(ids(both.body.items)).toEqual(['T003']);
      // With two documents, keys carry the document's name.
      expect(both.body.items[0].key).toBe('tags.md:T003');
      const plain = await list('?document=library.md&status=done');
      expect(plain.body.items[0].key).toBe('library.md:TASK-204');
    });

    it('keeps only the actionable items with actionable=true, as progress counts them', async () => {
      const plan = ['# Rollout', '', '## Phase 1: Foundations', '', '### PORTAL-101: Single sign-on', '**Points:** 8 | **Status:** Done', '', '**Acceptance Criteria:**', '- [x] Customers sign in', '', '### PORTAL-102: Account overview', '**Points:** 5', '', '## Launch', '', '- [ ] T001 Write the announcement', ''].join('\n');
      expect((await upload(t, project, users.owner.token, 'rollout.md', plan)).status).toBe(201);
      expect(ids((await list('?document=rollout.md')).body.items)).toEqual(['phase-1', 'PORTAL-101', 'PORTAL-102', 'T001']);
      // The phase takes its status from its stories; a story with only acceptance checks is work.
      const actionable = await list('?document=rollout.md&actionable=true');
      expect(ids(actionable.body.items)).toEqual(['PORTAL-101', 'PORTAL-102', 'T001']);
      const progress = await t.request('GET', `${base(project)}/progress`, { token: users.viewer.token });
      const rollout = (progress.body as { documents: { document: string; result: { overall: { actionable: number } } }[] }).documents.find((d) => d.document === 'rollout.md')!;
      expect(actionable.body.total).toBe(rollout.result.overall.actionable);
      expect(ids((await list('?document=rollout.md&actionable=true&status=todo')).body.items)).toEqual(['PORTAL-102', 'T001']);
    });

    it('refuses unknown statuses, kinds, sort keys, bad limits and foreign cursors with 400', async () => {
      for (const query of ['?status=finished-ish', '?kind=saga', '?sort=color', '?limit=0', '?limit=201', '?limit=ten', '?cursor=bm9wZQ', '?ready=maybe', '?actionable=maybe']) {
        const { status, body } = await list(query);
        expect(status, query).toBe(400);
        expect(body.error?.code, query).toMatch(/validation_failed|invalid_argument|unknown_status/);
      }
    });

    it('answers 404 for a document the project does not have', async () => {
      expect((await list('?document=none.md')).status).toBe(404);
    });
  });

  describe('sort', () => {
    const cases: Array<[string, string[]]> = [
      ['points', ['TASK-204', 'TASK-202', 'TASK-201', 'TASK-203']],
      ['-points', ['TASK-203', 'TASK-201', 'TASK-202', 'TASK-204']],
      // High before Low; items without a priority last either way.
      ['priority', ['TASK-201', 'TASK-203', 'TASK-202', 'TASK-204']],
      ['-priority', ['TASK-203', 'TASK-201', 'TASK-202', 'TASK-204']],
      ['status', ['TASK-202', 'TASK-203', 'TASK-201', 'TASK-204']],
      ['title', ['TASK-204', 'TASK-201', 'TASK-203', 'TASK-202']],
      ['assignee', ['TASK-204', 'TASK-202', 'TASK-201', 'TASK-203']],
      ['-id', ['TASK-204', 'TASK-203', 'TASK-202', 'TASK-201']],
      ['-position', ['TASK-204', 'TASK-203', 'TASK-202', 'TASK-201']],
    ];
    for (const [sort, expected] of cases) {
      it(`sort=${sort}`, async () => {
        const { status, body } = await list(`?document=library.md&sort=${encodeURIComponent(sort)}`);
        expect(status).toBe(200);
        expect(ids(body.items)).toEqual(expected);
      });
    }
  });

  describe('pages', () => {
    it('walks every item once, in order, with the cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await list(`?document=library.md&sort=-points&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        expect(response.body.total).toBe(4);
        seen.push(...ids(response.body.items));
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(pages).toBe(2);
      expect(seen).toEqual(['TASK-203', 'TASK-201', 'TASK-202', 'TASK-204']);
    });

    it('continues after the last item seen when the plan changed between pages', async () => {
      const own = await projectWithRoles(t, users);
      await upload(t, own, users.owner.token, 'bakery.md', CHECKLIST_PLAN);
      const first = await list('?limit=3', own);
      expect(ids(first.body.items)).toEqual(['phase-1', '1.1.1', '1.1.2']);
      const patch = await t.request('PATCH', itemPath(own, '1.2.1'), { token: users.member.token, json: { status: 'done' } });
      expect(patch.status).toBe(200);
      const second = await list(`?limit=3&cursor=${first.body.nextCursor}`, own);
      expect(ids(second.body.items)).toEqual(['1.1.3', '1.2.1', '1.2.2']);
      expect(second.body.items[1].status).toBe('done');
    });
  });

  it('gives one item with its checks, dependencies and ETag', async () => {
    const response = await t.request('GET', itemPath(project, 'library.md:TASK-202'), { token: users.viewer.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body.key).toBe('library.md:TASK-202');
    expect(response.body.details.item).toMatchObject({ id: 'TASK-202', status: 'todo', assignee: 'Marco', points: 3 });
    expect(response.body.details.dependsOn.map((ref: { id: string }) => ref.id)).toEqual(['TASK-201']);
    expect(response.body.details.critical.blocked).toBe(true);
    const dependents = await t.request('GET', itemPath(project, 'TASK-201'), { token: users.viewer.token });
    expect(dependents.body.details.dependents.map((ref: { id: string }) => ref.id)).toEqual(['TASK-202']);
  });

  it('answers 404 for an item no document has, with the nearest ids in the message', async () => {
    const response = await t.request('GET', itemPath(project, 'library.md:TASK-209'), { token: users.viewer.token });
    expect(response.status).toBe(404);
    const bare = await t.request('GET', itemPath(project, 'NOPE-1'), { token: users.viewer.token });
    expect(bare.status).toBe(404);
  });

  describe('hostile strings', () => {
    const hostile = ["'; DROP TABLE items; --", '" OR 1=1 --', "Priya' OR '1'='1", '%', '_', '\\', '\u0000', 'TASK-201)/**/UNION/**/SELECT/**/password_hash/**/FROM/**/users--'];
    it('are harmless in every filter, sort, cursor and path', async () => {
      for (const value of hostile) {
        const encoded = encodeURIComponent(value);
        for (const query of [`?q=${encoded}`, `?assignee=${encoded}`, `?tag=${encoded}`, `?document=${encoded}`, `?status=${encoded}`, `?kind=${encoded}`, `?sort=${encoded}`, `?cursor=${encoded}`]) {
          const { status } = await list(query);
          expect([200, 400, 404], `${query}`).toContain(status);
        }
        const item = await t.request('GET', itemPath(project, value), { token: users.viewer.token });
        expect([400, 404], value).toContain(item.status);
        const patch = await t.request('PATCH', itemPath(project, 'library.md:TASK-203'), { token: users.member.token, json: { assignee: value } });
        expect([200, 400], value).toContain(patch.status);
        const history = await t.request('GET', `${base(project)}/history?cursor=${encoded}`, { token: users.viewer.token });
        expect([200, 400], value).toContain(history.status);
      }
      // The tables are all there and the items unchanged but for the assignee writes.
      const after = await list('?document=library.md');
      expect(ids(after.body.items)).toEqual(['TASK-201', 'TASK-202', 'TASK-203', 'TASK-204']);
      const users_ = await t.handle.db.selectFrom('users').select('id').execute();
      expect(users_.length).toBeGreaterThanOrEqual(6);
      // No hostile string matched anything it should not have.
      expect((await list(`?q=${encodeURIComponent("' OR 1=1 --")}`)).body.items).toEqual([]);
      expect((await list('?q=%25')).body.items).toEqual([]);
    });
  });
});
