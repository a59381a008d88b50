// Documents through the API on SQLite and PostgreSQL: upload as JSON and multipart, byte-identical
// download (CRLF, BOM, invalid UTF-8), findings instead of refusals, 413, replace with If-Match,
// the items a replacement adds and removes recorded and charted.

import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { buildPlan } from '../../src/engine/build.js';
import { summarizeRevision } from '../../src/engine/history/index.js';
import { projectSeries } from '../../src/services/sprints/charts.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { base, CHECKLIST_PLAN, download, TRACKER_PLAN, upload } from './plans.js';

describeEachDatabase('documents API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
  });

  it('stores an upload as version 1 with its items and gives it back byte for byte', async () => {
    const response = await upload(t, project, users.member.token, 'bakery.md', CHECKLIST_PLAN);
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({ name: 'bakery.md', version: 1, etag: '"1"', title: 'Bakery Website - Work Plan', dialects: ['checklist'] });
    // Two phases (the sub-section headings are sections, not items) and their 6 tasks.
    expect(response.body.items).toBe(2 + 6);
    const rows = await t.handle.db.selectFrom('items').select(['item_id', 'status']).where('document_id', '=', response.body.id).orderBy('position').execute();
    expect(rows.map((row) => row.item_id)).toEqual(['phase-1', '1.1.1', '1.1.2', '1.1.3', '1.2.1', '1.2.2', 'phase-2', '2.1.1']);
    expect(rows.filter((row) => row.status === 'done').length).toBe(1);
    const got = await download(t, project, users.viewer.token, 'bakery.md');
    expect(got.status).toBe(200);
    expect(got.etag).toBe('"1"');
    expect(got.bytes.equals(Buffer.from(CHECKLIST_PLAN, 'utf8'))).toBe(true);
  });

  describe('byte identity', () => {
    const cases: Array<[string, Uint8Array]> = [
      ['crlf.md', Buffer.from(CHECKLIST_PLAN.replace(/\n/g, '\r\n'), 'utf8')],
      ['bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TRACKER_PLAN, 'utf8')])],
      // A Latin-1 é and a lone continuation byte: not UTF-8, and must survive untouched.
      ['latin1.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9, 0x80]), Buffer.from('\n\n- [ ] Order the cr\xe8me\n', 'latin1')])],
    ];
    for (const [name, bytes] of cases) {
      it(`${name} comes back exactly as uploaded`, async () => {
        const response = await upload(t, project, users.member.token, name, bytes);
        expect(response.status).toBe(201);
        const got = await download(t, project, users.owner.token, name);
        expect(got.bytes.equals(Buffer.from(bytes))).toBe(true);
      });
    }
  });

  it('accepts multipart uploads and keeps their bytes', async () => {
    const bytes = Buffer.from(TRACKER_PLAN.replace(/\n/g, '\r\n'), 'utf8');
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'library.md');
    const response = await t.app.request(`${base(project)}/documents`, { method: 'POST', headers: { authorization: `Bearer ${users.owner.token}` }, body: form });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { name: string; items: number };
    expect(body.name).toBe('library.md');
    expect(body.items).toBe(4);
    expect((await download(t, project, users.owner.token, 'library.md')).bytes.equals(bytes)).toBe(true);
  });

  it('returns the engine findings of a bad plan instead of refusing it', async () => {
    const bad = ['# Broken', '', '### T-1: First', '- **Status**: Todo', '', '### T-1: Again', '- **Status**: Todo', '', '```', 'never closed', ''].join('\n');
    const response = await upload(t, project, users.member.token, 'broken.md', bad);
    expect(response.status).toBe(201);
    const rules = (response.body.findings as Array<{ rule: string }>).map((finding) => finding.rule);
    expect(rules).toContain('duplicate-id');
  });

  it('refuses a document over 10 MB with 413, and a binary file with 400', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    const form = new FormData();
    form.set('file', new Blob([big]), 'big.md');
    const tooBig = await t.app.request(`${base(project)}/documents`, { method: 'POST', headers: { authorization: `Bearer ${users.owner.token}` }, body: form });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    const binary = await upload(t, project, users.owner.token, 'image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    expect(binary.status).toBe(400);
    expect(binary.body.error.code).toBe('unsupported_format');
  });

  it('refuses a second document with the same name (409) and a name that is not a file name (400)', async () => {
    expect((await upload(t, project, users.member.token, 'twice.md', CHECKLIST_PLAN)).status).toBe(201);
    const again = await upload(t, project, users.member.token, 'twice.md', CHECKLIST_PLAN);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    for (const name of ['../etc/passwd', 'a:b.md', '/abs.md', '']) {
      const response = await upload(t, project, users.member.token, name, CHECKLIST_PLAN);
      expect(response.status, name).toBe(400);
    }
  });

  it('replaces a document with If-Match, refuses a stale one with 409 and the current version', async () => {
    const created = await upload(t, project, users.member.token, 'replace.md', CHECKLIST_PLAN);
    const path = `${base(project)}/documents/${created.body.id}`;
    const changed = CHECKLIST_PLAN.replace('- [ ] Pick a host', '- [x] Pick a host');
    const replaced = await t.request('PUT', path, { token: users.member.token, json: { content: changed }, headers: { 'if-match': '"1"' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.version).toBe(2);
    expect(replaced.headers.get('etag')).toBe('"2"');
    const stale = await t.request('PUT', path, { token: users.member.token, json: { content: CHECKLIST_PLAN }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ currentVersion: 2, etag: '"2"' });
    expect((await download(t, project, users.member.token, 'replace.md')).bytes.toString('utf8')).toBe(changed);
    // The replacement is recorded: 1.1.2 "Pick a host" went from todo to done.
    const history = await t.request('GET', `${base(project)}/history`, { token: users.viewer.token });
    expect(history.status).toBe(200);
    const entry = (history.body.entries as Array<{ document: string; field: string; from: string; to: string; source: string }>).find(
      (candidate) => candidate.document === 'replace.md' && candidate.field === 'status' && candidate.to === 'done',
    );
    expect(entry).toMatchObject({ from: 'todo', source: 'upload' });
  });

  it('records the items a replacement adds and removes, and the charts count them only while they were there', async () => {
    const uploadedAt = t.clock().toISOString();
    const created = await upload(t, project, users.member.token, 'scope.md', CHECKLIST_PLAN);
    t.clock.advance(5 * 60_000);
    const replacedAt = t.clock().toISOString();
    const changed = CHECKLIST_PLAN.replace('- [ ] Photograph the cakes\n', '').replace('- [ ] Announce the opening', '- [ ] Announce the opening\n- [x] Bake a test batch');
    const replaced = await t.request('PUT', `${base(project)}/documents/${created.body.id}`, { token: users.member.token, json: { content: changed } });
    expect(replaced.status).toBe(200);
    const rows = await t.handle.db.selectFrom('item_history').selectAll().where('document_id', '=', created.body.id).orderBy('id').execute();
    // Phase 2's rolled-up status moved too.
    expect(rows.map((row) => [row.item_id, row.field, row.source])).toEqual([
      ['phase-2', 'status', 'upload'],
      ['2.1.2', 'added', 'upload'],
      ['1.2.2', 'removed', 'upload'],
    ]);
    expect(JSON.parse(rows[1].to_value ?? '')).toEqual({ title: 'Bake a test batch', status: 'done', points: null, counted: true });
    expect(JSON.parse(rows[2].from_value ?? '')).toEqual({ title: 'Photograph the cakes', status: 'todo', points: null, counted: true });

    // The removed item is still charted until it left; the added one from when it came.
    const series = await projectSeries(t.handle.db, project.id);
    const removed = series.find((item) => item.key === 'scope.md:1.2.2');
    const added = series.find((item) => item.key === 'scope.md:2.1.2');
    expect(removed?.states.map((state) => [new Date(state.at).toISOString(), state.present])).toEqual([
      ['1970-01-01T00:00:00.000Z', false],
      [uploadedAt, true],
      [replacedAt, false],
    ]);
    expect(added?.states.map((state) => [new Date(state.at).toISOString(), state.present, state.status])).toEqual([
      ['1970-01-01T00:00:00.000Z', false, 'done'],
      [replacedAt, true, 'done'],
    ]);
  });

  it('creates the sprints a plan declares with the upload; uploads at once number them without a gap', async () => {
    const plan = (n: number): string =>
      [`# Team ${n}`, '', `## Sprint ${n}1 (2026-01-05 to 2026-01-16)`, '', `**Items:** T${n}01`, '', `## Sprint ${n}2 (2026-01-19 to 2026-01-30)`, '', `- [ ] T${n}01 Work ${n}`, ''].join('\n');
    const before = await t.handle.db.selectFrom('sprints').select('number').where('project_id', '=', project.id).execute();
    const responses = await Promise.all([1, 2, 3].map((n) => upload(t, project, users.member.token, `team-${n}.md`, plan(n))));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
    const rows = await t.handle.db.selectFrom('sprints').select(['number', 'name']).where('project_id', '=', project.id).orderBy('number').execute();
    const added = rows.slice(before.length);
    expect(added.map((row) => Number(row.number))).toEqual([1, 2, 3, 4, 5, 6].map((k) => before.length + k));
    expect(added.map((row) => row.name.replace(/ \(.*$/, '')).sort()).toEqual(['Sprint 11', 'Sprint 12', 'Sprint 21', 'Sprint 22', 'Sprint 31', 'Sprint 32']);
  });

  it('lists the documents and answers 404 for one the project does not have', async () => {
    const list = await t.request('GET', `${base(project)}/documents`, { token: users.viewer.token });
    expect(list.status).toBe(200);
    const names = (list.body.documents as Array<{ name: string }>).map((document) => document.name);
    expect(names).toContain('bakery.md');
    expect(names).toEqual([...names].sort());
    const missing = await t.request('GET', `${base(project)}/documents/nothing.md`, { token: users.viewer.token });
    expect(missing.status).toBe(404);
  });

  it('lets a viewer read but not write (403), and hides the project from others (404)', async () => {
    expect((await upload(t, project, users.viewer.token, 'viewer.md', CHECKLIST_PLAN)).status).toBe(403);
    expect((await upload(t, project, users.nonMember.token, 'outsider.md', CHECKLIST_PLAN)).status).toBe(404);
    expect((await t.request('GET', `${base(project)}/documents`)).status).toBe(401);
  });
  it('weighs items for the charts as the plan history does: no checks, epic totals not added to their stories', async () => {
    const plan = [
      '# Loyalty',
      '',
      '## Epic 1: Points',
      '**Story Points:** 13',
      '',
      '### Story 1.1: Earn points',
      '**Story Points:** 5 | **Status:** Done',
      '',
      '**Acceptance Criteria:**',
      '- [x] Points show after checkout',
      '- [ ] Points expire after a year',
      '',
      '### Story 1.2: Spend points',
      '**Story Points:** 8',
      '',
    ].join('\n');
    const own = await projectWithRoles(t, users);
    expect((await upload(t, own, users.member.token, 'loyalty.md', plan)).status).toBe(201);
    const series = await projectSeries(t.handle.db, own.id);
    const last = (key: string) => series.find((s) => s.key === key)?.states.at(-1);
    const local = summarizeRevision(buildPlan(plan)).items;
    // The same items, counted and carrying the same points as in the plan's own history.
    expect(series.map((s) => [s.key, s.counted, last(s.key)?.points ?? null])).toEqual(local.map((item) => [item.id, item.counted, item.points]));
    expect(series.some((s) => /ac\d/.test(s.key))).toBe(false);
    expect(series.reduce((sum, s) => sum + (last(s.key)?.points ?? 0), 0)).toBe(13);
  });
});
