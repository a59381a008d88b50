// Debian's Chromium driven by playwright-core, for the web app's browser tests, against a real
// `scrumdown serve` (the built CLI and dist/web) on a temporary SQLite file. Without Chromium the
// tests are skipped with a notice, except in CI (CI set), where a missing browser is a failure.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, startServerProcess } from '../api/server-process.js';
import type { ServerProcess } from '../api/server-process.js';

export const CHROMIUM = process.env.SCRUMDOWN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** True when the browser tests can run; false (with a notice) when they are to be skipped. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests cannot run in CI without it (.ci/run installs the "chromium" package).`);
  console.warn(`NOTICE: the web app's browser tests are SKIPPED: no Chromium at ${CHROMIUM} (install Debian's "chromium" package or set SCRUMDOWN_CHROMIUM).`);
  return false;
}

export interface BrowserRun {
  server: ServerProcess;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startBrowserRun(): Promise<BrowserRun> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('The web app is not built (dist/web/index.html): run npm run build first.');
  const folder = mkdtempSync(join(tmpdir(), 'scrumdown-browser-'));
  const server = await startServerProcess(`sqlite:${join(folder, 'web.db')}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: server.url, acceptDownloads: true, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A browser run for the suite it is called in: started before its tests (then `ready` sets the
 * suite up with it), closed after them.
 */
export function useBrowserRun(ready: (run: BrowserRun) => Promise<void> | void): void {
  let run: BrowserRun | undefined;
  beforeAll(async () => {
    run = await startBrowserRun();
    await ready(run);
  }, 120_000);
  afterAll(async () => {
    await run?.close();
  });
}

/** `fullPage` resizes the viewport for a moment, which ends a keyboard drag: pass false mid-drag. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The access token of the page's session, to ask the API what the page should show. */
export async function accessToken(page: Page): Promise<string> {
  const text = await page.evaluate(() => localStorage.getItem('scrumdown.session'));
  if (!text) throw new Error('The page has no session.');
  return (JSON.parse(text) as { accessToken: string }).accessToken;
}

/**
 * Space picks the card up by its handle, the arrow keys carry it `steps` drop zones right (left
 * when negative), Space drops it: as a keyboard user does, waiting for each announcement.
 */
export async function moveWithKeyboard(page: Page, id: string, steps: number, target: string): Promise<void> {
  await page.getByRole('button', { name: `Move ${id}` }).focus();
  await page.keyboard.press('Space');
  await page.getByText(`${id} is over`).waitFor({ state: 'attached' });
  for (let step = 0; step < Math.abs(steps); step += 1) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.getByText(`${id} is over ${target}.`).waitFor({ state: 'attached' });
  await screenshot(page, `keyboard-drag-${id}`, false);
  await page.keyboard.press('Space');
}
