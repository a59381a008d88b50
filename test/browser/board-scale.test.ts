// The board of a 5,000-item plan in a real browser: interactive (the first cards drawn and their
// handles focusable) within 2 s of navigation, with only the visible cards in the page; then the
// session's access token refreshed when it expires, and the offline notice.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api } from '../api/server-process.js';
import { chromiumAvailable, screenshot, useBrowserRun } from './browser.js';
import type { BrowserRun } from './browser.js';

const ITEMS = 5_000;

function bigPlan(): string {
  const lines = ['# Large plan', ''];
  for (let index = 1; index <= ITEMS; index += 1) {
    if (index % 500 === 1) lines.push('', `## Phase ${Math.ceil(index / 500)}`, '');
    const id = `T${String(index).padStart(4, '0')}`;
    lines.push(`- [${index % 5 === 0 ? 'x' : ' '}] ${id} Task number ${index}`);
  }
  return `${lines.join('\n')}\n`;
}

interface SessionAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

async function useSession(page: Page, session: SessionAnswer, expiresAt: number): Promise<void> {
  await page.evaluate(([value]) => localStorage.setItem('scrumdown.session', value), [JSON.stringify({ ...session, expiresAt, user: { id: '', email: '', name: 'Load Tester', isAdmin: true } })]);
}

describe.skipIf(!chromiumAvailable())('the board of a large plan', () => {
  let run: BrowserRun;
  let session: SessionAnswer;
  useBrowserRun(async (started) => {
    run = started;
    session = await api<SessionAnswer>(run.server.url, 'POST', '/api/v1/auth/register', { json: { email: 'load@example.com', name: 'Load Tester', password: 'many-many-items' } });
    await api(run.server.url, 'POST', '/api/v1/projects', { token: session.accessToken, json: { key: 'big', name: 'Big plan' } });
    await api(run.server.url, 'POST', '/api/v1/projects/big/documents', { token: session.accessToken, json: { name: 'tasks.md', content: bigPlan() } });
    await run.page.goto('/signin');
    await useSession(run.page, session, Date.now() + 600_000);
  });

  it('is interactive within 2 s and draws only the cards in view', async () => {
    const { page } = run;
    const started = Date.now();
    await page.goto('/p/big/board');
    await page.getByRole('button', { name: 'Move T0001' }).focus();
    await expect.poll(() => page.getByTestId('count-todo').textContent()).toBe(String(ITEMS - ITEMS / 5));
    const elapsed = Date.now() - started;
    console.log(`board of ${ITEMS} items: interactive in ${elapsed} ms`);
    const cards = await page.locator('[data-testid^="card-"]').count();
    console.log(`cards in the page: ${cards}`);
    expect(cards).toBeLessThan(100);
    expect(elapsed).toBeLessThan(2_000);
    await screenshot(page, 'board-5000');
  });

  it('loads further pages as a column is scrolled', async () => {
    const { page } = run;
    const column = page.getByTestId('column-todo');
    for (let step = 0; step < 120 && (await column.getByTestId('card-T0401').count()) === 0; step += 1) {
      await column.locator('.mantine-ScrollArea-viewport').evaluate((viewport) => viewport.scrollBy(0, 600));
      await page.waitForTimeout(50);
    }
    await column.getByTestId('card-T0401').waitFor();
  });

  it('refreshes an expired access token and carries on', async () => {
    const { page } = run;
    // A token the server refuses (as an expired one is) with a refresh token that still works.
    await useSession(page, { ...session, accessToken: 'expired.access.token' }, Date.now() + 600_000);
    await page.goto('/p/big/settings');
    await page.getByRole('cell', { name: 'tasks.md', exact: true }).waitFor();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('scrumdown.session') ?? '{}') as SessionAnswer);
    expect(stored.accessToken).not.toBe('expired.access.token');
    expect(stored.refreshToken).not.toBe(session.refreshToken);
    // The spent refresh token is refused; the page's own session is the one that lives on.
    await page.reload();
    await page.getByRole('cell', { name: 'tasks.md', exact: true }).waitFor();
  });

  it('says when the browser is offline', async () => {
    const { page } = run;
    await page.context().setOffline(true);
    await page.getByText('You are offline').waitFor();
    await screenshot(page, 'offline');
    await page.context().setOffline(false);
    await page.getByText('You are offline').waitFor({ state: 'detached' });
  });
});
