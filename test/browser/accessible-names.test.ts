// Every control of the web app has an accessible name: on every page, in the item drawer and in
// each dialog and form a page opens, each input, select, textarea and button, and each element
// with a widget role, is named (by a label, aria-label, aria-labelledby, or a button's text) in
// Chromium's own accessibility tree, the one screen readers read.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, api } from '../api/server-process.js';
import { accessToken, chromiumAvailable, moveWithKeyboard, screenshot, useBrowserRun } from './browser.js';
import type { BrowserRun } from './browser.js';

const PLAN = join(ROOT, 'examples', 'platform-rollout.md');
const USER = { email: 'ada@example.com', name: 'Ada Lovelace', password: 'analytical-engine' };

/** Roles of interactive elements (WAI-ARIA widgets and composite widgets), as Chromium names them. */
const WIDGET_ROLES = new Set([
  'button', 'checkbox', 'combobox', 'gridcell', 'link', 'listbox', 'menu', 'menubar', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'progressbar', 'radio', 'radiogroup', 'scrollbar', 'searchbox', 'slider', 'spinbutton',
  'switch', 'tab', 'tablist', 'textbox', 'tree', 'treeitem', 'grid', 'treegrid', 'date', 'time', 'inputtime', 'datetime',
]);
const FORM_ELEMENTS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function describeElement(node: DomNode): string {
  const attributes = node.attributes ?? [];
  const shown = [];
  for (let i = 0; i < attributes.length; i += 2) {
    if (['id', 'class', 'type', 'name', 'data-testid', 'role'].includes(attributes[i])) shown.push(`${attributes[i]}="${attributes[i + 1].slice(0, 80)}"`);
  }
  return `<${node.nodeName.toLowerCase()}${shown.length > 0 ? ' ' + shown.join(' ') : ''}>`;
}

/**
 * The controls of the page that have no accessible name, or one that comes only from a
 * placeholder or a tooltip (title), each as `role <element …>`, from the accessibility tree
 * Chromium computes (hidden elements are left out of it, as they are for a screen reader).
 */
async function unnamedControls(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const elements = new Map<number, DomNode>();
    // The browser's own parts of a control (a date field's picker button) are its to name.
    const browsers = new Set<number>();
    const walk = (node: DomNode, browser: boolean) => {
      elements.set(node.backendNodeId, node);
      if (browser) browsers.add(node.backendNodeId);
      for (const child of node.children ?? []) walk(child, browser);
      for (const shadow of node.shadowRoots ?? []) walk(shadow, browser || shadow.shadowRootType === 'user-agent');
      if (node.contentDocument) walk(node.contentDocument, browser);
    };
    walk(root, false);
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    const unnamed: string[] = [];
    for (const node of nodes) {
      if (node.ignored || node.backendDOMNodeId === undefined || browsers.has(node.backendDOMNodeId)) continue;
      const role = String(node.role?.value ?? '').toLowerCase();
      const element = elements.get(node.backendDOMNodeId);
      if (!WIDGET_ROLES.has(role) && !(element && FORM_ELEMENTS.has(element.nodeName))) continue;
      const what = `${role} ${element ? describeElement(element) : `(node ${node.backendDOMNodeId})`}`;
      const name = String(node.name?.value ?? '').trim();
      // The source Chromium took the name from: the first one with a value that nothing overrides.
      const source = node.name?.sources?.find((candidate) => candidate.value !== undefined && !candidate.superseded);
      if (name === '') unnamed.push(what);
      else if (source && (source.type === 'placeholder' || source.attribute === 'placeholder' || source.attribute === 'title')) unnamed.push(`${what} (only a ${source.attribute ?? source.type})`);
    }
    return unnamed;
  } finally {
    await session.detach();
  }
}

async function expectEveryControlNamed(page: Page, where: string): Promise<void> {
  // Let the page settle: queries answered, dialogs done animating in.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await screenshot(page, `names-${where}`, false);
  expect(await unnamedControls(page), `controls without an accessible name on ${where}`).toEqual([]);
}

describe.skipIf(!chromiumAvailable())('accessible names in the web app', () => {
  let run: BrowserRun;
  let page: Page;
  let token: string;
  useBrowserRun((started) => {
    run = started;
    page = run.page;
  });

  it('names every control of sign in and sign up', async () => {
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectEveryControlNamed(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('button', { name: 'Sign up' }).waitFor();
    await expectEveryControlNamed(page, 'sign-up');
    await page.getByLabel('E-mail').fill(USER.email);
    await page.getByLabel('Name').fill(USER.name);
    await page.getByRole('textbox', { name: 'Password' }).fill(USER.password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/$/);
    token = await accessToken(page);
  });

  it('names every control of the projects page and of settings, with a plan, a member and a new token', async () => {
    await page.getByText('No projects yet').waitFor();
    await expectEveryControlNamed(page, 'projects');
    await page.getByLabel('Key').fill('portal');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Customer portal');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/p\/portal\/settings$/);
    await page.getByText('No documents yet').waitFor();
    await expectEveryControlNamed(page, 'settings-empty');
    await page.locator('input[type=file]').setInputFiles(PLAN);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('cell', { name: 'platform-rollout.md', exact: true }).waitFor();

    await api(run.server.url, 'POST', '/api/v1/auth/register', { json: { email: 'alan@example.com', name: 'Alan Turing', password: 'enigma-machine' } });
    await page.getByLabel('E-mail of an account').fill('alan@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('cell', { name: 'alan@example.com' }).waitFor();
    await page.getByLabel('Token name').fill('laptop CLI');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('new-token').waitFor();
    await expectEveryControlNamed(page, 'settings');
    await page.goto('/');
    await page.getByRole('link', { name: /Customer portal/ }).waitFor();
    await expectEveryControlNamed(page, 'projects-list');
  });

  it('names every control of the overview, the item drawer and the board, and of its conflict dialog', async () => {
    await page.goto('/p/portal');
    await page.getByRole('table', { name: 'Progress by section' }).waitFor();
    await expectEveryControlNamed(page, 'overview');

    await page.goto('/p/portal/board?item=PORTAL-101');
    await page.getByRole('dialog').getByText('Single sign-on for customers').waitFor();
    await expectEveryControlNamed(page, 'item-drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectEveryControlNamed(page, 'board');

    // A move on a stale board opens the conflict dialog.
    await api(run.server.url, 'PATCH', '/api/v1/projects/portal/items/PORTAL-203', { token, json: { assignee: 'Someone Else' } });
    await moveWithKeyboard(page, 'T002', 1, 'In Progress');
    await page.getByRole('dialog', { name: 'Changed by someone else' }).waitFor();
    await expectEveryControlNamed(page, 'board-conflict');
    await page.getByRole('button', { name: 'Reload' }).click();
  });

  it('names every control of the backlog and its inline edit', async () => {
    await page.goto('/p/portal/backlog');
    await page.getByTestId('row-PORTAL-101').waitFor();
    await expectEveryControlNamed(page, 'backlog');
    await page.getByRole('button', { name: 'Edit PORTAL-204' }).click();
    await page.getByRole('form', { name: 'Edit PORTAL-204' }).waitFor();
    await expectEveryControlNamed(page, 'backlog-edit');
  });

  it('names every control of sprint planning, its capacity form, the overview of an active sprint and the graph', async () => {
    await page.goto('/p/portal/sprints');
    const sprint = page.getByRole('region', { name: /^Sprint 1:/ });
    await sprint.waitFor();
    await expectEveryControlNamed(page, 'sprints');
    await sprint.getByRole('button', { name: 'Edit capacity' }).click();
    await sprint.getByLabel('Hours a day of Ada Lovelace').waitFor();
    await expectEveryControlNamed(page, 'sprints-capacity');

    // An active sprint adds its burndown and velocity charts to the overview.
    await api(run.server.url, 'POST', '/api/v1/projects/portal/sprints/1/start', { token });
    await page.goto('/p/portal');
    await page.getByRole('img', { name: /^Burndown of Sprint 1/ }).locator('svg path.recharts-curve').first().waitFor();
    await expectEveryControlNamed(page, 'overview-active-sprint');

    await page.goto('/p/portal/graph');
    await page.getByRole('group', { name: 'Dependency graph' }).waitFor();
    await expectEveryControlNamed(page, 'graph');
  });

  it('names every control of standups, an entry being edited and the delete confirmation', async () => {
    await api(run.server.url, 'POST', '/api/v1/projects/portal/standups', { token, json: { done: 'Sign-in spike', next: 'Account page', blockers: 'Waiting for the identity provider', mood: 3 } });
    await page.goto('/p/portal/standups');
    const entry = page.locator('[data-testid^="standup-"]').first();
    await entry.getByText('Sign-in spike').waitFor();
    await expectEveryControlNamed(page, 'standups');
    await entry.getByRole('button', { name: 'Edit' }).click();
    await entry.getByRole('button', { name: 'Save changes' }).waitFor();
    await expectEveryControlNamed(page, 'standups-edit');
    await entry.getByRole('button', { name: 'Cancel' }).click();
    await entry.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this standup?' }).waitFor();
    await expectEveryControlNamed(page, 'standups-delete');
    await page.keyboard.press('Escape');
  });

  it('names every control of the weekly and monthly reports', async () => {
    await page.goto('/p/portal/reports');
    await page.getByRole('table', { name: 'Team' }).waitFor();
    await expectEveryControlNamed(page, 'reports-weekly');
    await page.locator('label', { hasText: 'Monthly' }).click();
    await page.locator('input[type=month]').waitFor();
    await expectEveryControlNamed(page, 'reports-monthly');
  });

  it('finds a control without a name (the check can fail)', async () => {
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.innerHTML = '<svg width="10" height="10"></svg>';
      document.body.append(button);
      const input = document.createElement('input');
      input.className = 'unlabelled';
      const hinted = document.createElement('input');
      hinted.placeholder = 'Search';
      document.body.append(input, hinted);
    });
    expect(await unnamedControls(page)).toEqual(['button <button>', 'textbox <input class="unlabelled">', 'textbox <input> (only a placeholder)']);
  });
});
