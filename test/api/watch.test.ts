// `scrumdown watch` and `scrumdown resolve` against a real server process (SQLite), on temporary
// folders: saves reach the server and server changes reach the file within two seconds, a burst of
// saves is one push, edits of the same item on both sides lose nothing and wait for resolve,
// edits of different items merge, editor and git files are ignored, renames are followed, and the
// command stops cleanly on SIGINT and SIGTERM.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RemoteClient } from '../../src/services/remote/client.js';
import { resolveConflicts } from '../../src/services/sync/resolve.js';
import type { SyncState } from '../../src/services/sync/state.js';
import { startWatch } from '../../src/services/sync/watch.js';
import type { Watcher, WatchOptions } from '../../src/services/sync/watch.js';
import { api, CLI, startServerProcess } from './server-process.js';
import type { ServerProcess } from './server-process.js';

const PLAN = [
  '# Orchard plan',
  '',
  '## Phase 1: Trees',
  '',
  '- [ ] T001 Prune the apple trees',
  '- [ ] T002 Graft the pear',
  '- [ ] T003 Net the cherries',
  '- [ ] T004 Mulch the plums',
  '',
].join('\n');

interface Listed {
  id: string;
  name: string;
  version: number;
}

describe('watch and resolve against a server', () => {
  let server: ServerProcess;
  let scratch: string;
  let token: string;
  let projects = 0;
  const running: Watcher[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-watch-'));
    server = await startServerProcess(`sqlite:${join(scratch, 'db.sqlite')}`);
    const session = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'ada@example.test', name: 'Ada', password: 'a long enough password 123' } });
    token = session.accessToken;
  }, 60_000);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((watcher) => watcher.stop()));
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A new project and an empty folder for one test. */
  async function setup(): Promise<{ project: string; dir: string }> {
    const project = `orchard${++projects}`;
    await api(server.url, 'POST', '/api/v1/projects', { token, json: { key: project, name: `Orchard ${projects}` } });
    const dir = join(scratch, project);
    mkdirSync(dir);
    return { project, dir };
  }

  interface Started {
    watcher: Watcher;
    infos: string[];
    warnings: string[];
  }

  async function watch(dir: string, project: string, options: Partial<WatchOptions> = {}): Promise<Started> {
    const infos: string[] = [];
    const warnings: string[] = [];
    const watcher = startWatch({
      dir,
      project,
      client: new RemoteClient({ server: server.url, token }),
      report: { info: (message) => infos.push(message), warn: (message) => warnings.push(message) },
      ...options,
    });
    running.push(watcher);
    await watcher.ready;
    return { watcher, infos, warnings };
  }

  async function documents(project: string): Promise<Listed[]> {
    return (await api<{ documents: Listed[] }>(server.url, 'GET', `/api/v1/projects/${project}/documents`, { token })).documents;
  }

  async function serverText(project: string, name: string): Promise<string> {
    const response = await fetch(`${server.url}/api/v1/projects/${project}/documents/${encodeURIComponent(name)}?format=raw`, { headers: { authorization: `Bearer ${token}` } });
    return response.text();
  }

  async function patchItem(project: string, id: string, patch: Record<string, unknown>): Promise<void> {
    await api(server.url, 'PATCH', `/api/v1/projects/${project}/items/${encodeURIComponent(id)}`, { token, json: patch });
  }

  function state(dir: string): SyncState {
    return JSON.parse(readFileSync(join(dir, '.scrumdown', 'sync.json'), 'utf8')) as SyncState;
  }

  /** Waits until `check` holds and gives the milliseconds it took; fails after `limit`. */
  async function within(limit: number, check: () => boolean | Promise<boolean>): Promise<number> {
    const start = Date.now();
    for (;;) {
      if (await check()) return Date.now() - start;
      if (Date.now() - start > limit) throw new Error(`not within ${limit} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('sends a saved file to the server within 2 s, one push per burst of saves', async () => {
    const { project, dir } = await setup();
    writeFileSync(join(dir, 'orchard.md'), PLAN);
    await watch(dir, project);
    const [created] = await documents(project);
    expect(created).toMatchObject({ name: 'orchard.md', version: 1 });
    expect(await serverText(project, 'orchard.md')).toBe(PLAN);

    // Five saves 40 ms apart, as an editor saving repeatedly would make.
    let text = PLAN;
    for (const id of ['T001', 'T002', 'T003', 'T004']) {
      text = text.replace(`- [ ] ${id}`, `- [x] ${id}`);
      writeFileSync(join(dir, 'orchard.md'), text);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const elapsed = await within(2000, async () => (await serverText(project, 'orchard.md')) === text);
    expect(elapsed).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await documents(project))[0].version).toBe(2);
  });

  it('writes a change made on the server into the file within 2 s, atomically', async () => {
    const { project, dir } = await setup();
    const file = join(dir, 'orchard.md');
    writeFileSync(file, PLAN);
    await watch(dir, project);
    const inode = statSync(file).ino;

    await patchItem(project, 'T002', { status: 'done' });
    const elapsed = await within(2000, () => readFileSync(file, 'utf8') === PLAN.replace('- [ ] T002', '- [x] T002'));
    expect(elapsed).toBeLessThan(2000);
    // Replaced by a rename, never rewritten in place.
    expect(statSync(file).ino).not.toBe(inode);

    // A teammate replaces the whole document.
    const replaced = `${PLAN}- [ ] T005 Pick the apples\n`;
    const [listed] = await documents(project);
    await fetch(`${server.url}/api/v1/projects/${project}/documents/${listed.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${listed.version}"` },
      body: JSON.stringify({ content: replaced }),
    });
    await within(2000, () => readFileSync(file, 'utf8') === replaced && state(dir).documents[listed.id].version === listed.version + 1);
    expect(state(dir).documents[listed.id]).toMatchObject({ path: 'orchard.md', conflicts: [] });
  });

  it('merges edits of different items made on the two sides', async () => {
    const { project, dir } = await setup();
    const file = join(dir, 'orchard.md');
    writeFileSync(file, PLAN);
    // A long poll, so that both edits are made before the watcher hears of either.
    await watch(dir, project, { pollMs: 60_000 });
    await patchItem(project, 'T001', { status: 'done' });
    writeFileSync(file, PLAN.replace('T002 Graft the pear', 'T002 Graft the pear onto quince'));

    const both = PLAN.replace('- [ ] T001', '- [x] T001').replace('T002 Graft the pear', 'T002 Graft the pear onto quince');
    await within(3000, async () => readFileSync(file, 'utf8') === both && (await serverText(project, 'orchard.md')) === both);
    expect(state(dir).documents[(await documents(project))[0].id].conflicts).toEqual([]);
  });

  it('keeps both sides of an edit of the same item: the file keeps its text, the server its change, and resolve takes either', async () => {
    const { project, dir } = await setup();
    const file = join(dir, 'orchard.md');
    writeFileSync(file, PLAN);
    const first = await watch(dir, project);
    const [document] = await documents(project);
    // Both sides edit while the folder is not watched; the next watch meets both edits at once.
    await first.watcher.stop();
    await patchItem(project, 'T002', { status: 'done' });
    await patchItem(project, 'T003', { status: 'done' });
    const ours = PLAN.replace('T002 Graft the pear', 'T002 Graft the pear (spring)').replace('T003 Net the cherries', 'T003 Net the cherries twice');
    writeFileSync(file, ours);
    const { warnings } = await watch(dir, project);

    const conflicts = state(dir).documents[document.id].conflicts;
    expect(conflicts.map((conflict) => conflict.items)).toEqual([['T002'], ['T003']]);
    expect(conflicts[0]).toMatchObject({ file: '- [ ] T002 Graft the pear (spring)\n', server: '- [x] T002 Graft the pear\n', changes: ['T002 status todo → done'], serverVersion: 3 });
    expect(readFileSync(file, 'utf8')).toBe(ours);
    expect(warnings.join('\n')).toContain('conflict: orchard.md:6: T002 changed both here and on the server');
    expect(warnings.join('\n')).toContain(`scrumdown resolve ${dir} orchard.md --take file|server T002`);
    // The server's change is not overwritten while the conflict waits; the file's other changes go.
    const ticked = ours.replace('- [ ] T004', '- [x] T004');
    writeFileSync(file, ticked);
    const serverSide = PLAN.replace('- [ ] T002', '- [x] T002').replace('- [ ] T003', '- [x] T003').replace('- [ ] T004', '- [x] T004');
    await within(3000, async () => (await serverText(project, 'orchard.md')) === serverSide && state(dir).documents[document.id].version === 4);
    expect(state(dir).documents[document.id].conflicts).toHaveLength(2);

    // The server's text for T002, the file's for T003.
    expect(await resolveConflicts({ dir, take: 'server', targets: ['orchard.md', 'T002'] })).toEqual([{ path: 'orchard.md', items: ['T002'], written: true }]);
    expect(readFileSync(file, 'utf8')).toBe(ticked.replace('- [ ] T002 Graft the pear (spring)', '- [x] T002 Graft the pear'));
    expect(await resolveConflicts({ dir, take: 'file', targets: ['T003'] })).toEqual([{ path: 'orchard.md', items: ['T003'], written: false }]);
    const settled = PLAN.replace('- [ ] T002', '- [x] T002').replace('T003 Net the cherries', 'T003 Net the cherries twice').replace('- [ ] T004', '- [x] T004');
    await within(3000, async () => (await serverText(project, 'orchard.md')) === settled);
    expect(readFileSync(file, 'utf8')).toBe(settled);
    expect(state(dir).documents[document.id].conflicts).toEqual([]);
    await expect(resolveConflicts({ dir, take: 'file', targets: [] })).rejects.toThrow(/No conflicts to resolve/);
  });

  it("meets a server document of the file's name: the same text is adopted, a different one is one conflict", async () => {
    const { project, dir } = await setup();
    const theirs = PLAN.replace('- [ ] T001', '- [x] T001');
    for (const name of ['same.md', 'other.md']) await api(server.url, 'POST', `/api/v1/projects/${project}/documents`, { token, json: { name, content: theirs } });
    writeFileSync(join(dir, 'same.md'), theirs);
    writeFileSync(join(dir, 'other.md'), PLAN);
    const { warnings } = await watch(dir, project);
    const byPath = new Map(Object.values(state(dir).documents).map((document) => [document.path, document]));
    expect(byPath.get('same.md')).toMatchObject({ version: 1, conflicts: [] });
    expect(byPath.get('other.md')?.conflicts).toHaveLength(1);
    expect(warnings.join('\n')).toContain('conflict: other.md:1:');
    expect(readFileSync(join(dir, 'other.md'), 'utf8')).toBe(PLAN);
    expect(await serverText(project, 'other.md')).toBe(theirs);

    await resolveConflicts({ dir, take: 'server', targets: ['other.md'] });
    expect(readFileSync(join(dir, 'other.md'), 'utf8')).toBe(theirs);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await documents(project)).map((document) => document.version)).toEqual([1, 1]);
  });

  it('ignores .git, node_modules and editor swap and backup files', async () => {
    const { project, dir } = await setup();
    writeFileSync(join(dir, 'orchard.md'), PLAN);
    await watch(dir, project, { pollMs: 200 });
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    for (const name of ['.git/notes.md', 'node_modules/pkg/README.md', '.orchard.md.swp', 'orchard.md~', '.#orchard.md', '#orchard.md#', '4913', 'orchard.md.bak']) {
      writeFileSync(join(dir, name), PLAN);
    }
    writeFileSync(join(dir, 'second.md'), PLAN);
    await within(3000, async () => (await documents(project)).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await documents(project)).map((document) => document.name).sort()).toEqual(['orchard.md', 'second.md']);
    expect(Object.values(state(dir).documents).map((document) => document.path).sort()).toEqual(['orchard.md', 'second.md']);
  });

  it('follows a renamed file: the document keeps its identity', async () => {
    const { project, dir } = await setup();
    writeFileSync(join(dir, 'orchard.md'), PLAN);
    const { infos } = await watch(dir, project, { pollMs: 200 });
    const [document] = await documents(project);
    mkdirSync(join(dir, 'plans'));
    renameSync(join(dir, 'orchard.md'), join(dir, 'plans', 'trees.md'));
    await within(3000, () => state(dir).documents[document.id]?.path === 'plans/trees.md');
    expect(infos.join('\n')).toContain('orchard.md → plans/trees.md: followed the rename');

    const edited = PLAN.replace('- [ ] T004', '- [x] T004');
    writeFileSync(join(dir, 'plans', 'trees.md'), edited);
    await within(3000, async () => (await serverText(project, document.id)) === edited);
    expect((await documents(project)).map((listed) => listed.id)).toEqual([document.id]);

    // A deleted file stops being synced; its document stays, and is not written back.
    rmSync(join(dir, 'plans', 'trees.md'));
    await within(3000, () => state(dir).documents[document.id].path === null);
    await patchItem(project, 'T001', { status: 'done' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(readdirSync(join(dir, 'plans'))).toEqual([]);
    expect(await documents(project)).toHaveLength(1);
  });

  it('writes a document added on the server into the folder, and closes its file watch once stopped', async () => {
    const { project, dir } = await setup();
    // Timers are checked by the command's own exit below; request time-outs are unref'd timers here.
    const watches = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;
    const before = watches();
    const { watcher } = await watch(dir, project, { pollMs: 200 });
    await api(server.url, 'POST', `/api/v1/projects/${project}/documents`, { token, json: { name: 'specs/new.md', content: PLAN } });
    await within(3000, () => {
      try {
        return readFileSync(join(dir, 'specs', 'new.md'), 'utf8') === PLAN;
      } catch {
        return false;
      }
    });
    expect(watches()).toBeGreaterThan(before);
    await watcher.stop();
    // Handles close on the next turns of the event loop.
    await within(1000, () => watches() === before);
  });

  describe('the command', () => {
    function start(args: string[]) {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: scratch, env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), NO_COLOR: '1', SCRUMDOWN_TOKEN: token } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      return { child, exited, stdout: () => stdout, stderr: () => stderr };
    }

    it('refuses a second watch of a folder, naming the first, with exit 2; once the first stops, a new one starts', async () => {
      const { project, dir } = await setup();
      writeFileSync(join(dir, 'orchard.md'), PLAN);
      const first = start(['watch', dir, '--project', project, '--server', server.url]);
      await within(15_000, () => first.stdout().includes('Watching'));
      const second = start(['watch', dir, '--project', project, '--server', server.url]);
      expect(await second.exited).toBe(2);
      expect(second.stderr()).toMatch(new RegExp(`^error: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is already being watched by process ${first.child.pid} on `));
      expect(second.stderr().trim().split('\n')).toHaveLength(1);
      // The same in-process, and the first watch has not been disturbed.
      await expect(watch(dir, project)).rejects.toMatchObject({ code: 'conflict' });
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      expect(existsSync(join(dir, '.scrumdown', 'watch.lock'))).toBe(false);
      const again = await watch(dir, project);
      expect(again.warnings).toEqual([]);
    });

    // The process ends by itself once the watcher stops: no timer or watch is left holding it.
    it.each(['SIGINT', 'SIGTERM'] as const)('stops cleanly on %s', async (signal) => {
      const { project, dir } = await setup();
      writeFileSync(join(dir, 'orchard.md'), PLAN);
      const watching = start(['watch', dir, '--project', project, '--server', server.url]);
      await within(15_000, () => watching.stdout().includes('Watching'));
      expect(watching.stdout()).toContain('orchard.md → created document orchard.md (version 1)');
      watching.child.kill(signal);
      const started = Date.now();
      expect(await watching.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(watching.stdout()).toContain(`Stopped watching ${dir} (${signal}).`);
      expect(watching.stderr()).toBe('');
    });

    it('refuses a missing folder, a folder never watched and one synced with another project, with one line and exit 2', async () => {
      const missing = start(['watch', join(scratch, 'nowhere'), '--project', 'orchard1', '--server', server.url]);
      expect(await missing.exited).toBe(2);
      expect(missing.stderr()).toMatch(/^error: .*nowhere: no such folder/);
      const never = start(['resolve', scratch, '--take', 'server']);
      expect(await never.exited).toBe(2);
      expect(never.stderr()).toContain('has no sync state');
      const { project, dir } = await setup();
      const second = await setup();
      const first = await watch(dir, project);
      await first.watcher.stop();
      const other = start(['watch', dir, '--project', second.project, '--server', server.url]);
      expect(await other.exited).toBe(2);
      expect(other.stderr()).toContain(`${dir} is synced with project ${project} on ${server.url}, not ${second.project}`);
    });
  });
});
