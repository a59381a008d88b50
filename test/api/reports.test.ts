// Weekly and monthly reports on SQLite and PostgreSQL, with numbers worked out by hand, and the
// exports of one report (JSON, CSV read back with csv-parse, the PDF's text read back with
// pdftotext, Markdown and HTML) carrying the same numbers.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import type { MonthlyReport, WeeklyReport } from '../../src/services/reports/model.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { roleMatrix, statuses } from '../support/role-matrix.js';
import { base, itemPath, TRACKER_PLAN, upload } from './plans.js';

const dir = mkdtempSync(join(tmpdir(), 'scrumdown-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The rows of one titled block of the report CSV: header first. */
function csvBlock(csv: string, title: string): string[][] {
  const rows = parse(csv, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const block: string[][] = [];
  for (let i = start + 1; i < rows.length && !(rows[i].length === 1 && rows[i][0] === ''); i++) block.push(rows[i]);
  return block;
}

describeEachDatabase('reports API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;
  const tokens: Record<'member' | 'other' | 'owner', string> = { member: '', other: '', owner: '' };

  async function get(path: string) {
    const response = await t.app.request(`${base(project)}${path}`, { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(response.status, path).toBe(200);
    return response;
  }

  beforeAll(async () => {
    t = createTestApp(getHandle());
    t.clock.set('2026-11-09T10:00:00.000Z');
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    for (const who of ['member', 'other', 'owner'] as const) {
      tokens[who] = (await t.request('POST', '/api/v1/tokens', { token: users[who].token, json: { name: 'reports' } })).body.token;
    }
    expect((await upload(t, project, tokens.owner, 'library.md', TRACKER_PLAN)).status).toBe(201);
    const standup = async (who: keyof typeof tokens, day: string, mood: number, blockers = '') => {
      t.clock.set(`${day}T09:00:00.000Z`);
      const response = await t.request('POST', `${base(project)}/standups`, { token: tokens[who], json: { done: `work ${day}`, mood, blockers } });
      expect(response.status, response.text).toBe(201);
    };
    const patch = async (who: keyof typeof tokens, id: string, status: string, at: string) => {
      t.clock.set(at);
      expect((await t.request('PATCH', itemPath(project, id), { token: tokens[who], json: { status } })).status).toBe(200);
    };
    await standup('member', '2026-11-16', 4, 'Waiting for the API key');
    await standup('other', '2026-11-16', 2);
    await standup('member', '2026-11-17', 5);
    await standup('owner', '2026-11-17', 3);
    await patch('member', 'TASK-201', 'done', '2026-11-18T10:00:00.000Z');
    await patch('other', 'TASK-202', 'in_progress', '2026-11-18T11:00:00.000Z');
    await standup('member', '2026-11-19', 3);
    await patch('other', 'TASK-202', 'done', '2026-11-19T11:00:00.000Z');
    t.clock.set('2026-11-22T12:00:00.000Z');
  });

  it('weekly: entries, participation, completed work, old blockers and mood per person and team', async () => {
    const { report } = (await (await get('/reports/weekly?week=2026-W47')).json()) as { report: WeeklyReport };
    expect(report).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    // 5 entries of 3 people over 5 days; TASK-201 (5) and TASK-202 (3) done; moods 4 2 5 3 3.
    expect(report.team).toEqual({ entries: 5, participation: 0.33, itemsCompleted: 2, pointsCompleted: 8, averageMood: 3.4, blockersOpenOverTwoDays: 1 });
    expect(report.people.map((p) => [p.name, p.entries, p.participation, p.itemsCompleted, p.pointsCompleted, p.averageMood])).toEqual([
      ['Max Member', 3, 0.6, 1, 5, 4],
      ['Olga Owner', 1, 0.2, 0, 0, 3],
      ['Otto Other', 1, 0.2, 1, 3, 2],
    ]);
    expect(report.blockers).toEqual([{ person: 'Max Member', day: '2026-11-16', blockers: 'Waiting for the API key', daysOpen: 6, resolved: false }]);
    expect(report.mood.map((m: { average: number | null }) => m.average)).toEqual([3, 4, null, 3, null]);
  });

  it('monthly: a row per week, velocity, throughput, cycle time, top blockers, sprint outcomes', async () => {
    const { report } = (await (await get('/reports/monthly?month=2026-11')).json()) as { report: MonthlyReport };
    expect(report.weeks.map((w: { week: string }) => w.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    const w47 = report.weeks[3];
    // TASK-201 in progress from the upload (9th, 10:00) to done (18th, 10:00): 9 days; TASK-202: 1 day.
    expect(w47).toMatchObject({ entries: 5, participation: 0.33, pointsCompleted: 8, itemsCompleted: 2, cycleTimeMedian: 5, blockersRaised: 1 });
    expect(report.weeks[2]).toMatchObject({ entries: 0, pointsCompleted: 0, itemsCompleted: 0, cycleTimeMedian: null });
    expect(report.totals).toEqual({ velocity: 8, throughput: 2, cycleTimeMedian: 5, cycleTimeP85: 9, entries: 5 });
    expect(report.topBlockers).toEqual([{ person: 'Max Member', day: '2026-11-16', blockers: 'Waiting for the API key', daysOpen: 6, resolved: false }]);
    // The plan's "Current Sprint" section became a planned sprint in two-week slots from the upload's Monday.
    expect(report.sprints).toEqual([{ number: 1, name: 'Current Sprint: Loans', state: 'planned', endDate: '2026-11-20', committed: null, completed: null }]);
  });

  it('the weekly exports carry the same numbers: JSON, CSV, PDF text, Markdown, HTML', async () => {
    const { report } = (await (await get('/reports/weekly?week=2026-W47&format=json')).json()) as { report: WeeklyReport };
    const csvResponse = await get('/reports/weekly?week=2026-W47&format=csv');
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await csvResponse.text();
    const team = csvBlock(csv, 'Team');
    expect(team[0]).toEqual(['Entries', 'Participation', 'Items completed', 'Points completed', 'Average mood', 'Blockers open > 2 days']);
    expect(team[1]).toEqual([report.team.entries, '33%', report.team.itemsCompleted, report.team.pointsCompleted, report.team.averageMood, report.team.blockersOpenOverTwoDays].map(String));
    const people = csvBlock(csv, 'People');
    expect(people.slice(1).map((row) => [row[0], Number(row[1]), Number(row[3]), Number(row[4])])).toEqual(
      report.people.map((p) => [p.name, p.entries, p.itemsCompleted, p.pointsCompleted]),
    );

    const pdfResponse = await get('/reports/weekly?week=2026-W47&format=pdf');
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdfResponse.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(bytes, 'weekly');
    expect(text).toContain('Weekly summary 2026-W47');
    expect(text).toMatch(/\b5\s+33%\s+2\s+8\s+3\.4\s+1\b/);
    expect(text).toMatch(/Max Member\s+3\s+60%\s+1\s+5\s+4\b/);
    expect(text).toMatch(/Otto Other\s+1\s+20%\s+1\s+3\s+2\b/);
    expect(text).toMatch(/Waiting for the API key\s+6\b/);

    const md = await (await get('/reports/weekly?week=2026-W47&format=md')).text();
    expect(md).toContain('| Max Member | 3 | 60% | 1 | 5 | 4 |');
    const html = await (await get('/reports/weekly?week=2026-W47&format=html')).text();
    expect(html).toContain('@media print');
    expect(html).toContain('<td>Max Member</td><td class="n">3</td><td>60%</td><td class="n">1</td><td class="n">5</td><td class="n">4</td>');
  });

  it('the monthly exports carry the same numbers', async () => {
    const { report } = (await (await get('/reports/monthly?month=2026-11')).json()) as { report: MonthlyReport };
    const csv = await (await get('/reports/monthly?month=2026-11&format=csv')).text();
    const month = csvBlock(csv, 'Month');
    expect(month[1]).toEqual([report.totals.velocity, report.totals.throughput, report.totals.cycleTimeMedian, report.totals.cycleTimeP85, report.totals.entries].map(String));
    const weeks = csvBlock(csv, 'Weeks');
    expect(weeks.slice(1).map((row) => [row[0], Number(row[5]), Number(row[6])])).toEqual(report.weeks.map((w) => [w.week, w.pointsCompleted, w.itemsCompleted]));
    const text = pdfText(new Uint8Array(await (await get('/reports/monthly?month=2026-11&format=pdf')).arrayBuffer()), 'monthly');
    expect(text).toContain('Monthly report 2026-11');
    expect(text).toMatch(/\b8\s+2\s+5\s+9\s+5\b/);
    expect(text).toMatch(/2026-W47\s+2026-11-16\s+2026-11-22\s+5\s+33%\s+8\s+2\s+5\s+1\b/);
    expect(text).toMatch(/Current Sprint: Loans\s+planned\s+2026-11-20/);
  });

  it('refuses a week or month that is not one', async () => {
    for (const path of ['/reports/weekly?week=2026-W54', '/reports/weekly?week=47', '/reports/monthly?month=2026-13', '/reports/weekly?format=docx']) {
      const response = await t.request('GET', `${base(project)}${path}`, { token: tokens.owner });
      expect(response.status, path).toBe(400);
    }
  });
});

roleMatrix('reports', [
  { method: 'GET', path: '/api/v1/projects/{p}/reports/weekly?week=2026-W47', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/{p}/reports/monthly?month=2026-11&format=csv', expect: statuses(401, 404, 200, 200, 200, 200) },
]);
