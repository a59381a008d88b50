// The web app in a real browser against a real server: sign up, create a project, upload a plan,
// the overview's numbers against the API's, cards dragged from To Do to Done with the keyboard
// and with the mouse (found changed in the downloaded Markdown), a stale board answered with a
// reload, dark mode, sign out and in, and the size of the first page's JavaScript.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, api } from '../api/server-process.js';
import { accessToken, chromiumAvailable, moveWithKeyboard, screenshot, useBrowserRun } from './browser.js';
import type { BrowserRun } from './browser.js';

const PLAN = join(ROOT, 'examples', 'platform-rollout.md');
const USER = { email: 'grace@example.com', name: 'Grace Hopper', password: 'compilers-are-fun' };

interface Rollup {
  items: Record<string, number>;
  actionable: number;
  points: { done: number; total: number };
}
interface Progress {
  documents: { result: { overall: Rollup; ready: number; blocked: number } }[];
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('E-mail').fill(USER.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function downloadPlan(page: Page): Promise<string> {
  await page.goto('/p/portal/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download platform-rollout.md' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

describe.skipIf(!chromiumAvailable())('the web app in a browser', () => {
  let run: BrowserRun;
  let page: Page;
  useBrowserRun((started) => {
    run = started;
    page = run.page;
  });

  it('first page JavaScript is under 500 KB gzipped', async () => {
    const scripts = new Map<string, Buffer>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') void response.body().then((body) => scripts.set(response.url(), body));
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    page.removeAllListeners('response');
    const gzipped = [...scripts.values()].reduce((total, body) => total + gzipSync(body).length, 0);
    console.log(`first page: ${scripts.size} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(500 * 1024);
  });

  it('sends a signed-out visitor to sign in, and after signing up back to where they were', async () => {
    await page.goto('/p/portal/board');
    await page.waitForURL(/\/signin\?next=/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('E-mail').fill(USER.email);
    await page.getByLabel('Name').fill(USER.name);
    await page.getByRole('textbox', { name: 'Password' }).fill(USER.password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/p\/portal\/board$/);
    // The project does not exist yet: the board says so in each column, with a retry.
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    await screenshot(page, 'board-missing-project');
  });

  it('creates a project and uploads a plan', async () => {
    await page.goto('/');
    await page.getByText('No projects yet').waitFor();
    await page.getByLabel('Key').fill('portal');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Customer portal');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/p\/portal\/settings$/);
    await page.getByText('No documents yet').waitFor();
    await page.locator('input[type=file]').setInputFiles(PLAN);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('cell', { name: 'platform-rollout.md', exact: true }).waitFor();
    await screenshot(page, 'settings-uploaded');
  });

  it('shows the overview with the numbers the API gives', async () => {
    await page.goto('/p/portal');
    await page.getByRole('table', { name: 'Progress by section' }).waitFor();
    const progress = await api<Progress>(run.server.url, 'GET', '/api/v1/projects/portal/progress', { token: await accessToken(page) });
    const overall = progress.documents[0].result;
    expect(await page.getByTestId('stat-items').textContent()).toBe(String(overall.overall.actionable));
    expect(await page.getByTestId('stat-done').textContent()).toBe(String(overall.overall.items.done));
    expect(await page.getByTestId('stat-points').textContent()).toBe(`${overall.overall.points.done} / ${overall.overall.points.total}`);
    expect(await page.getByTestId('stat-ready').textContent()).toBe(String(overall.ready));
    expect(await page.getByTestId('stat-blocked').textContent()).toBe(String(overall.blocked));
    // The lint finding links to its item, which opens in the drawer.
    await page.getByRole('link', { name: /PORTAL-204/ }).click();
    await page.getByRole('dialog').getByText('Usage dashboard').waitFor();
    await screenshot(page, 'overview-drawer');
    await page.keyboard.press('Escape');
    await screenshot(page, 'overview');
  });

  it('shows the actionable items on the board, as progress counts them, and no phase', async () => {
    await page.goto('/p/portal/board');
    await page.getByTestId('card-PORTAL-101').waitFor();
    const progress = await api<Progress>(run.server.url, 'GET', '/api/v1/projects/portal/progress', { token: await accessToken(page) });
    const { overall } = progress.documents[0].result;
    let cards = 0;
    for (const status of ['todo', 'in_progress', 'review', 'blocked', 'done']) {
      const count = Number(await page.getByTestId(`count-${status}`).textContent());
      expect(count, status).toBe(overall.items[status]);
      cards += count;
    }
    expect(cards).toBe(overall.actionable);
    // The phases take their status from their stories: they are in the backlog, not on the board.
    expect(await page.locator('[data-testid^="card-phase-"]').count()).toBe(0);
    await page.goto('/p/portal/backlog');
    await page.getByTestId('row-phase-1').waitFor();
  });

  it('moves a card from To Do to Done with the keyboard', async () => {
    await page.goto('/p/portal/board');
    await moveWithKeyboard(page, 'T002', 4, 'Done');
    await page.getByTestId('column-done').getByTestId('card-T002').waitFor();
    expect(await downloadPlan(page)).toContain('- [x] T002 [P] Write the customer announcement');
  });

  it('moves a card from To Do to Done with the mouse', async () => {
    await page.goto('/p/portal/board');
    const card = page.getByTestId('column-todo').getByTestId('card-T003');
    const from = (await card.boundingBox())!;
    const to = (await page.getByTestId('column-done').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
    await page.mouse.up();
    await page.getByTestId('column-done').getByTestId('card-T003').waitFor();
    await screenshot(page, 'board-after-moves');
    expect(await downloadPlan(page)).toContain('- [x] T003 [P] Prepare the helpdesk FAQ');
  });

  it('says the plan was changed by someone else when the board is stale, and reloads', async () => {
    await page.goto('/p/portal/board');
    await page.getByTestId('card-T004').waitFor();
    // Someone else changes the plan after the board was read.
    await api(run.server.url, 'PATCH', '/api/v1/projects/portal/items/PORTAL-203', { token: await accessToken(page), json: { assignee: 'Someone Else' } });
    await moveWithKeyboard(page, 'T004', 1, 'In Progress');
    await page.getByRole('dialog', { name: 'Changed by someone else' }).waitFor();
    await screenshot(page, 'board-conflict');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('column-todo').getByTestId('card-T004').waitFor();
    expect(await downloadPlan(page)).toContain('- [ ] T004 Switch DNS');
  });

  it('draws the dependency graph with the critical path the API gives, and opens an item', async () => {
    await page.goto('/p/portal/graph');
    await page.getByRole('group', { name: 'Dependency graph' }).waitFor();
    const graph = await api<{ documents: { result: { nodes: { id: string; critical: boolean; ready: boolean }[] } }[] }>(run.server.url, 'GET', '/api/v1/projects/portal/graph', { token: await accessToken(page) });
    const nodes = graph.documents[0].result.nodes;
    expect(nodes.some((node) => node.critical)).toBe(true);
    for (const node of nodes) {
      const drawn = page.getByTestId(`node-${node.id}`);
      expect(await drawn.getAttribute('data-critical'), node.id).toBe(String(node.critical));
      expect(await drawn.getAttribute('data-ready'), node.id).toBe(String(node.ready));
    }
    expect(await page.locator('polyline[data-critical="true"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'graph');
    await page.getByTestId('node-PORTAL-103').click();
    await page.getByRole('dialog').getByText('Audit trail of profile changes').waitFor();
    await page.waitForURL(/item=PORTAL-103/);
  });

  it('writes, edits and deletes a standup, and resolves its blocker', async () => {
    await page.goto('/p/portal/standups');
    const form = page.getByRole('form', { name: /^Standup for / });
    await form.getByLabel('Done').fill('Moved the launch checklist along');
    await form.getByLabel('Next').fill('Switch DNS');
    await form.getByLabel('Blockers').fill('Waiting for the registrar');
    await form.getByLabel('Mood').selectOption('4');
    await form.getByRole('button', { name: 'Post standup' }).click();
    const entry = page.locator('[data-testid^="standup-"]').first();
    await entry.getByText('Moved the launch checklist along').waitFor();
    await page.getByText("You have posted today's standup").waitFor();
    await page.getByText('Waiting for the registrar').first().waitFor();
    await screenshot(page, 'standup-posted');

    await entry.getByRole('button', { name: 'Edit' }).click();
    await entry.getByLabel('Done').fill('Moved the launch checklist along, and the FAQ');
    await entry.getByRole('button', { name: 'Save changes' }).click();
    await entry.getByText('Moved the launch checklist along, and the FAQ').waitFor();
    const listed = await api<{ entries: { done: string; mood: number }[] }>(run.server.url, 'GET', '/api/v1/projects/portal/standups', { token: await accessToken(page) });
    expect(listed.entries.map((e) => [e.done, e.mood])).toEqual([['Moved the launch checklist along, and the FAQ', 4]]);

    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No open blockers.').waitFor();

    await entry.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this standup?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText(/^No standups on /).waitFor();
    const after = await api<{ entries: unknown[] }>(run.server.url, 'GET', '/api/v1/projects/portal/standups', { token: await accessToken(page) });
    expect(after.entries).toEqual([]);
  });

  it('plans a sprint: an item dragged in with the keyboard, capacity set, the bar red when over', async () => {
    const token = await accessToken(page);
    // PORTAL-102 (10 hours, in sprint 1 as the plan has it) is Grace's.
    await api(run.server.url, 'PATCH', '/api/v1/projects/portal/items/PORTAL-102', { token, json: { assignee: 'Grace Hopper' } });
    await page.goto('/p/portal/sprints');
    const sprint = page.getByRole('region', { name: /^Sprint 1:/ });
    await sprint.getByTestId('plan-PORTAL-102').waitFor();
    await page.getByRole('region', { name: 'Backlog' }).getByTestId('plan-T004').waitFor();

    await moveWithKeyboard(page, 'T004', 1, 'Sprint 1');
    await sprint.getByTestId('plan-T004').waitFor();

    await sprint.getByRole('button', { name: 'Edit capacity' }).click();
    await sprint.getByLabel('Hours a day of Grace Hopper').fill('0.5');
    await sprint.getByLabel('Role of Grace Hopper').fill('Backend Developer');
    await sprint.getByRole('button', { name: 'Save capacity' }).click();
    const bar = sprint.getByTestId('load-Grace Hopper');
    await bar.waitFor();
    expect(await bar.getAttribute('data-over')).toBe('true');
    expect(await bar.textContent()).toContain('10 / 5 h (over)');
    await screenshot(page, 'sprint-planning');

    const sprints = await api<{ sprints: { number: number; items: { key: string }[]; capacity: { members: { name: string; hours: number }[] } }[] }>(run.server.url, 'GET', '/api/v1/projects/portal/sprints', { token });
    const first = sprints.sprints.find((s) => s.number === 1)!;
    expect(first.items.map((item) => item.key)).toContain('T004');
    expect(first.capacity.members).toMatchObject([{ name: 'Grace Hopper', hours: 5 }]);
  });

  it('draws the active sprint\'s burndown on the overview', async () => {
    await api(run.server.url, 'POST', '/api/v1/projects/portal/sprints/1/start', { token: await accessToken(page) });
    await page.goto('/p/portal');
    await page.getByRole('img', { name: /^Burndown of Sprint 1/ }).locator('svg path.recharts-curve').first().waitFor();
    await screenshot(page, 'overview-burndown');
  });

  it('draws the work done per week on the overview, as the API counts it', async () => {
    type Weekly = { measure: string; average: number | null; periods: Array<{ name: string; value: number }> };
    const weekly = await api<{ velocity: Weekly; throughput: Weekly }>(run.server.url, 'GET', '/api/v1/projects/portal/velocity/weekly', { token: await accessToken(page) });
    expect(weekly.velocity.periods).toHaveLength(8);
    // The two cards moved to Done earlier in this run count in this week.
    expect(weekly.throughput.periods.at(-1)?.value).toBeGreaterThanOrEqual(2);
    await page.goto('/p/portal');
    const first = weekly.velocity.periods[0].name;
    const last = weekly.velocity.periods[7].name;
    const chart = page.getByRole('img', { name: new RegExp(`done per week, ${first} to ${last}$`) });
    await chart.getByText('Items done').waitFor();
    await chart.locator('svg .recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('weekly-average').textContent()).toBe(`Per week, last 8 weeks: ${weekly.velocity.average ?? 0} ${weekly.velocity.measure} done on average`);
    await screenshot(page, 'overview-weekly');
  });

  it('opens the weekly report and downloads its CSV', async () => {
    await page.goto('/p/portal/reports');
    await page.getByRole('table', { name: 'Team' }).waitFor();
    await screenshot(page, 'report-weekly');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^portal-weekly-\d{4}-W\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const week = /(\d{4}-W\d{2})/.exec(download.suggestedFilename())![1];
    const expected = await fetch(`${run.server.url}/api/v1/projects/portal/reports/weekly?week=${week}&format=csv`, { headers: { authorization: `Bearer ${await accessToken(page)}` } });
    expect(csv).toBe(await expected.text());
    expect(csv).toContain('Team');
    await page.locator('label', { hasText: 'Monthly' }).click();
    await page.locator('input[type=month]').waitFor();
    await page.getByRole('table', { name: 'Weeks' }).or(page.getByRole('table').first()).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Export PDF' }).isVisible()).toBe(false);
    await screenshot(page, 'report-monthly-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('adds a member, changes the role, and creates and revokes an API token', async () => {
    await api(run.server.url, 'POST', '/api/v1/auth/register', { json: { email: 'alan@example.com', name: 'Alan Turing', password: 'enigma-machine' } });
    await page.goto('/p/portal/settings');
    await page.getByLabel('E-mail of an account').fill('alan@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('cell', { name: 'alan@example.com' }).waitFor();
    await page.getByLabel('Role of Alan Turing').selectOption('viewer');
    const token = await accessToken(page);
    await expect
      .poll(async () => (await api<{ members: { email: string; role: string }[] }>(run.server.url, 'GET', '/api/v1/projects/portal/members', { token })).members.find((m) => m.email === 'alan@example.com')?.role)
      .toBe('viewer');

    await page.getByLabel('Token name').fill('laptop CLI');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('new-token').textContent())!;
    expect(secret).toMatch(/^sdt_/);
    // The token shown works against the API.
    expect((await api<{ email: string }>(run.server.url, 'GET', '/api/v1/me', { token: secret })).email).toBe(USER.email);
    await screenshot(page, 'settings-members-tokens');
    await page.getByRole('button', { name: 'Revoke laptop CLI' }).click();
    await page.getByText('No API tokens.').waitFor();
    await expect(api(run.server.url, 'GET', '/api/v1/me', { token: secret })).rejects.toThrow(/401/);
  });

  it('shows the backlog as a tree, filters it, and edits an item inline', async () => {
    await page.goto('/p/portal/backlog');
    await page.getByTestId('row-PORTAL-101').waitFor();
    expect(await page.getByTestId('row-PORTAL-101').getAttribute('aria-level')).toBe('2');
    await page.getByRole('button', { name: 'Collapse phase-1' }).click();
    await page.getByTestId('row-PORTAL-101').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Expand phase-1' }).click();
    await page.getByTestId('row-PORTAL-101').waitFor();

    await page.getByLabel('Search').fill('PORTAL-20');
    await page.getByTestId('row-PORTAL-101').waitFor({ state: 'detached' });
    const token = await accessToken(page);
    const matching = await api<{ total: number }>(run.server.url, 'GET', '/api/v1/projects/portal/items?q=PORTAL-20', { token });
    expect(await page.getByTestId('backlog-total').textContent()).toBe(`${matching.total} items`);
    expect(await page.locator('[role=treeitem]').count()).toBe(matching.total);

    await page.getByRole('button', { name: 'Edit PORTAL-204' }).click();
    const form = page.getByRole('form', { name: 'Edit PORTAL-204' });
    await form.getByLabel('Points').fill('8');
    await form.getByLabel('Assignee').fill('Grace Hopper');
    await screenshot(page, 'backlog-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('row-PORTAL-204').getByText('8 pt').waitFor();
    const item = await api<{ details: { item: { points: number; assignee: string } } }>(run.server.url, 'GET', '/api/v1/projects/portal/items/PORTAL-204', { token });
    expect(item.details.item).toMatchObject({ points: 8, assignee: 'Grace Hopper' });
  });

  it('switches to dark mode and keeps it', async () => {
    await page.goto('/p/portal');
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    await page.reload();
    await page.getByRole('table', { name: 'Progress by section' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    await screenshot(page, 'overview-dark');
  });

  it('signs out, and signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto('/p/portal/settings');
    await page.waitForURL(/\/signin\?next=%2Fp%2Fportal%2Fsettings/);
    await signIn(page);
    await page.waitForURL(/\/p\/portal\/settings$/);
    await page.getByRole('cell', { name: 'platform-rollout.md', exact: true }).waitFor();
    await screenshot(page, 'signed-in-again');
  });
});
