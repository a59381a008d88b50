// The project plan source on the real store (SQLite and PostgreSQL), through the server's own
// backend: set_status of several items writes them in one version; an edit someone else makes
// between set_status reading the document and writing it stops the change (409 from the writer,
// stale_edit for the agent) instead of overwriting theirs, and none of the items is written; a
// subscribed source notices edits made on the server; update_standup without a day changes the
// entry of today on the server's clock.

import { expect, it } from 'vitest';
import { LocalProject } from '../src/api/mcp/local-project.js';
import type { Status } from '../src/engine/model.js';
import { isScrumdownError } from '../src/errors.js';
import type { ProjectBackend } from '../src/mcp/project-source.js';
import { ProjectPlanSource } from '../src/mcp/project-source.js';
import { toolError } from '../src/mcp/tool-result.js';
import { importDocument } from '../src/services/documents/import.js';
import { downloadDocument, listDocuments } from '../src/services/documents/read.js';
import { patchProjectItem } from '../src/services/items/item.js';
import { projectAccess } from '../src/services/projects/index.js';
import { TRACKER_PLAN } from './api/plans.js';
import { describeEachDatabase } from './support/databases.js';
import { createProject, createTestApp, createUser } from './support/factories.js';

/** The real backend, with `before(n)` run just before its n-th write (1-based). */
function interleaved(backend: ProjectBackend, before: (write: number) => Promise<unknown>): ProjectBackend {
  let writes = 0;
  return {
    label: backend.label,
    uri: backend.uri,
    document: () => backend.document(),
    version: () => backend.version(),
    addStandup: (input) => backend.addStandup(input),
    ownStandup: (day) => backend.ownStandup(day),
    updateStandup: (id, changes) => backend.updateStandup(id, changes),
    async setItemStatuses(keys: readonly string[], status: Status, ifMatch: number) {
      writes += 1;
      await before(writes);
      return backend.setItemStatuses(keys, status, ifMatch);
    },
  };
}

describeEachDatabase('MCP project source on the store', (getHandle) => {
  async function setup() {
    const t = createTestApp(getHandle());
    const agent = await createUser(t, { name: 'Agent' });
    const colleague = await createUser(t, { name: 'Colleague' });
    const project = await createProject(t, agent);
    const { db } = t.handle;
    await importDocument(db, { projectId: project.id, name: 'tracker.md', bytes: new TextEncoder().encode(TRACKER_PLAN), userId: agent.id });
    const [document] = await listDocuments(db, project.id);
    const user = { id: agent.id, email: agent.email, name: agent.name, isAdmin: false, via: 'api_token' as const };
    const access = await projectAccess({ db, handle: t.handle, clock: t.clock }, user, project.key);
    const backend = new LocalProject({ db, clock: t.clock, user, access, document, origin: 'http://scrumdown.test' });
    const colleagueEdit = (key: string, status: string) => patchProjectItem(db, { projectId: project.id, key, patch: { status }, userId: colleague.id });
    const text = async () => new TextDecoder().decode((await downloadDocument(db, project.id, document.id)).bytes);
    return { backend, colleagueEdit, text, clock: t.clock };
  }

  it('writes several items in one version', async () => {
    const { backend, text } = await setup();
    const before = await backend.version();
    const result = await new ProjectPlanSource(backend).setStatus(['TASK-202', 'TASK-203'], 'done');
    expect(result).toMatchObject({ written: true, changes: [{ id: 'TASK-202', to: 'done' }, { id: 'TASK-203', to: 'done' }] });
    expect(await backend.version()).toBe(before + 1);
    const after = await text();
    expect(after).toContain('#### TASK-202: Return a book\n- **Status**: ✅ Done');
    expect(after).toContain('#### TASK-203: Overdue reminders\n- **Status**: ✅ Done');
  });

  it('an edit made between reading and writing stops set_status: none of its items is written, and it asks to re-read', async () => {
    const { backend, colleagueEdit, text } = await setup();
    // A colleague's edit lands just before the agent's write.
    const source = new ProjectPlanSource(interleaved(backend, () => colleagueEdit('TASK-203', 'review')));
    const failure = await source.setStatus(['TASK-202', 'TASK-203'], 'done').catch((error: unknown) => error);
    expect(isScrumdownError(failure) && failure.code).toBe('stale_edit');
    // What the agent reads: what happened, and to re-read and retry.
    expect((toolError(failure).content[0] as { text: string }).text).toMatch(
      /^stale_edit: tracker\.md in project .* changed on the server while set_status ran .*; nothing was written\. Read the items again \(get_item\) and call set_status again\. Call the tool again\.$/,
    );

    // The colleague's change stands, and neither of the agent's.
    const after = await text();
    expect(after).toContain('#### TASK-202: Return a book\n- **Status**: 📋 Todo');
    expect(after).not.toContain('#### TASK-203: Overdue reminders\n- **Status**: ✅ Done');
    const { plan } = await new ProjectPlanSource(backend).load();
    expect(plan.items.find((item) => item.id === 'TASK-203')?.status).toBe('review');

    // Called again, it reads the plan afresh and finishes the job.
    const retried = await new ProjectPlanSource(backend).setStatus(['TASK-202', 'TASK-203'], 'done');
    expect(retried).toMatchObject({ written: true, changes: [{ id: 'TASK-202', from: 'todo', to: 'done' }, { id: 'TASK-203', from: 'review', to: 'done' }] });
  });

  it("update_standup without id or day changes the caller's entry of today on the server's clock", async () => {
    const { backend, clock } = await setup();
    const source = new ProjectPlanSource(backend);
    const today = clock().toISOString().slice(0, 10);
    const yesterday = new Date(clock().getTime() - 86_400_000).toISOString().slice(0, 10);
    const older = await source.addStandup({ done: 'Yesterday', day: yesterday });
    const entry = await source.addStandup({ done: 'Loans page', items: ['TASK-202'] });
    expect(entry.day).toBe(today);

    const updated = await source.updateStandup({}, { mood: 2, items: ['TASK-203'] });
    expect(updated).toMatchObject({ id: entry.id, day: today, done: 'Loans page', mood: 2, items: ['TASK-203'] });
    expect(await backend.ownStandup(yesterday)).toMatchObject({ id: older.id, done: 'Yesterday', mood: null });

    clock.advance(86_400_000);
    const failure = await source.updateStandup({}, { mood: 3 }).catch((error: unknown) => error);
    expect((toolError(failure).content[0] as { text: string }).text).toMatch(/^not_found: You have no standup entry for today in project .*; write one with add_standup\./);
  });

  it('a source that polls tells its subscriber when the document changes on the server', async () => {
    const { backend, colleagueEdit } = await setup();
    const source = new ProjectPlanSource(backend, { pollMs: 20 });
    expect(new ProjectPlanSource(backend).watch).toBeUndefined();
    let changes = 0;
    const stop = source.watch!(() => (changes += 1));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(changes).toBe(0);
      await colleagueEdit('TASK-204', 'todo');
      await expect.poll(() => changes, { timeout: 2000 }).toBe(1);
    } finally {
      stop();
    }
  });
});
