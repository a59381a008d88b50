// Plans and helpers shared by the document and item API tests: small plans written for these
// tests in the dialects the engine reads, and a few request shorthands.

import type { ProjectView } from '../../src/services/projects/index.js';
import type { TestApp, TestResponse } from '../support/factories.js';

/** A checklist plan: 3 phases' worth of tasks with checkboxes, one dependency. */
export const CHECKLIST_PLAN = [
  '# Bakery Website - Work Plan',
  '',
  '## Phase 1: Setup',
  '',
  '### 1.1 Hosting',
  '- [x] Register the domain',
  '- [ ] Pick a host',
  '- [ ] Configure DNS',
  '',
  '### 1.2 Content',
  '- [ ] Write the menu page',
  '- [ ] Photograph the cakes',
  '',
  '## Phase 2: Launch',
  '',
  '### 2.1 Go live',
  '- [ ] Announce the opening',
  '',
].join('\n');

/** A tracker plan: heading items with bold status, assignee, points and hours fields. */
export const TRACKER_PLAN = [
  '# Library App - Task Tracker',
  '',
  '## Current Sprint: Loans',
  '',
  '#### TASK-201: Loan a book',
  '- **Status**: 🟡 In Progress',
  '- **Assignee**: Priya',
  '- **Story Points**: 5',
  '- **Priority**: High',
  '',
  '#### TASK-202: Return a book',
  '- **Status**: 📋 Todo',
  '- **Assignee**: Marco',
  '- **Story Points**: 3',
  '- **Dependencies**: TASK-201',
  '',
  '#### TASK-203: Overdue reminders',
  '- **Status**: 📋 Todo',
  '- **Assignee**: Priya, Marco',
  '- **Story Points**: 8',
  '- **Priority**: Low',
  '',
  '#### TASK-204: Barcode scanner',
  '- **Status**: ✅ Done',
  '- **Assignee**: Lena',
  '- **Story Points**: 2',
  '',
].join('\n');

export function base(project: ProjectView): string {
  return `/api/v1/projects/${project.key}`;
}

export async function upload(t: TestApp, project: ProjectView, token: string, name: string, content: string | Uint8Array): Promise<TestResponse> {
  const json =
    typeof content === 'string' ? { name, content } : { name, content: Buffer.from(content).toString('base64'), encoding: 'base64' };
  return t.request('POST', `${base(project)}/documents`, { token, json });
}

export async function download(t: TestApp, project: ProjectView, token: string, name: string): Promise<{ status: number; bytes: Buffer; etag: string | null }> {
  const response = await t.app.request(`${base(project)}/documents/${encodeURIComponent(name)}?format=raw`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), etag: response.headers.get('etag') };
}

export function itemPath(project: ProjectView, id: string): string {
  return `${base(project)}/items/${encodeURIComponent(id)}`;
}
