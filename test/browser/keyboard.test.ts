// The web app without a mouse: signing in, an item carried into a sprint and back out on sprint
// planning (dnd-kit's keyboard sensor: Space on the handle, arrows, Space), and the standup and
// new-sprint forms filled and sent with Tab, typing and Enter, each checked through the API.
// The board's keyboard move is proven in web-app.test.ts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, api } from '../api/server-process.js';
import { chromiumAvailable, moveWithKeyboard, screenshot, useBrowserRun } from './browser.js';
import type { BrowserRun } from './browser.js';

const PLAN = join(ROOT, 'examples', 'platform-rollout.md');
const USER = { email: 'katherine@example.com', name: 'Katherine Johnson', password: 'orbital-mechanics' };

interface SprintList {
  sprints: { number: number; name: string; startDate: string; endDate: string; capacityPoints: number | null; items: { key: string }[] }[];
}

/** Presses Tab until `target` has the focus, as a keyboard user walks the page; fails when it never does. */
async function tabTo(page: Page, target: Locator, most = 200): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${String(target)} was not reached with ${most} presses of Tab.`);
}

/** Tabs to the item's handle, then carries it `steps` zones with Space, the arrows and Space. */
async function carry(page: Page, key: string, steps: number, target: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: `Move ${key}` }));
  await moveWithKeyboard(page, key, steps, target);
  await page.getByText(`${key} dropped on ${target}.`).waitFor({ state: 'attached' });
}

describe.skipIf(!chromiumAvailable())('the web app with the keyboard only', () => {
  let run: BrowserRun;
  let page: Page;
  let token: string;
  const sprints = async () => (await api<SprintList>(run.server.url, 'GET', '/api/v1/projects/portal/sprints', { token })).sprints;

  useBrowserRun(async (started) => {
    run = started;
    page = run.page;
    token = (await api<{ accessToken: string }>(run.server.url, 'POST', '/api/v1/auth/register', { json: USER })).accessToken;
    await api(run.server.url, 'POST', '/api/v1/projects', { token, json: { key: 'portal', name: 'Customer portal' } });
    await api(run.server.url, 'POST', '/api/v1/projects/portal/documents', { token, json: { name: 'platform-rollout.md', content: readFileSync(PLAN, 'utf8') } });
  });

  it('signs in', async () => {
    await page.goto('/p/portal/sprints');
    await page.waitForURL(/\/signin\?next=/);
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type(USER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(USER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/portal\/sprints$/);
  });

  it('carries an item from the backlog into a sprint, and back out', async () => {
    const sprint = page.getByRole('region', { name: /^Sprint 1:/ });
    await page.getByRole('region', { name: 'Backlog' }).getByTestId('plan-T003').waitFor();
    await carry(page, 'T003', 1, 'Sprint 1');
    await sprint.getByTestId('plan-T003').waitFor();
    await screenshot(page, 'keyboard-sprint-in', false);
    expect((await sprints()).find((s) => s.number === 1)!.items.map((item) => item.key)).toContain('T003');

    await carry(page, 'T003', -1, 'Backlog');
    await page.getByRole('region', { name: 'Backlog' }).getByTestId('plan-T003').waitFor();
    expect((await sprints()).find((s) => s.number === 1)!.items.map((item) => item.key)).not.toContain('T003');
  });

  it('creates a sprint with Tab, typing and Enter', async () => {
    const form = page.getByRole('form', { name: 'New sprint' });
    await tabTo(page, form.getByLabel('Sprint name'));
    await page.keyboard.type('Hardening');
    // A date field takes its digits in the browser's order (the context is en-US: month, day,
    // year), and Tab walks its parts before leaving it.
    await tabTo(page, form.getByLabel('Start'));
    await page.keyboard.type('01042027');
    await tabTo(page, form.getByLabel('End'));
    await page.keyboard.type('01152027');
    await tabTo(page, form.getByLabel('Capacity (points)'));
    await page.keyboard.type('18');
    expect(await form.getByLabel('Start').inputValue()).toBe('2027-01-04');
    expect(await form.getByLabel('End').inputValue()).toBe('2027-01-15');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Sprint 3: Hardening' }).waitFor();
    await screenshot(page, 'keyboard-sprint-created');
    expect((await sprints()).find((s) => s.name === 'Hardening')).toMatchObject({ number: 3, startDate: '2027-01-04', endDate: '2027-01-15', capacityPoints: 18 });
  });

  it('posts a standup with Tab, typing and Enter', async () => {
    await page.goto('/p/portal/standups');
    const form = page.getByRole('form', { name: /^Standup for / });
    await tabTo(page, form.getByLabel('Done'));
    await page.keyboard.type('Carried T003 around');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Plan the hardening sprint');
    await page.keyboard.press('Tab');
    await page.keyboard.type('None');
    await page.keyboard.press('Tab');
    // A closed select picks the option whose label starts with the letters typed.
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    expect(await form.getByRole('button', { name: 'Post standup' }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText("You have posted today's standup").waitFor();
    await screenshot(page, 'keyboard-standup-posted');
    const listed = await api<{ entries: { done: string; next: string; blockers: string; mood: number }[] }>(run.server.url, 'GET', '/api/v1/projects/portal/standups', { token });
    expect(listed.entries).toMatchObject([{ done: 'Carried T003 around', next: 'Plan the hardening sprint', blockers: 'None', mood: 5 }]);
  });
});
