// `scrumdown push --with-history` against a real server process, on SQLite and PostgreSQL: the
// scripted repository of the history tests is pushed, and the server's item history, sprint
// burndown, cycle time, cumulative flow and velocity are what the CLI computes from git locally; authors map
// to users by e-mail (the others are kept as git gave them), a second push adds no rows, a viewer
// is refused, a file outside git is one line and exit 2, and a malformed history is a 400 naming
// the field.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cumulativeFlow, seriesFromTimeline, throughput, velocity } from '../../src/engine/history/index.js';
import type { Period, Timeline, Velocity } from '../../src/engine/history/index.js';
import type { HistoryEntry } from '../../src/services/items/history.js';
import { projectSeries } from '../../src/services/sprints/charts.js';
import { describeEachDatabase } from '../support/databases.js';
import { ANA, BEN, CEM, scriptHistory } from '../support/git-plan-history.js';
import type { ScriptedHistory } from '../support/git-plan-history.js';
import { api, runCli, startServerProcess } from './server-process.js';
import type { CliRun, ServerProcess } from './server-process.js';



const PASSWORD = 'a long enough password 123';

describeEachDatabase('push --with-history', (getHandle, suite) => {
  let server: ServerProcess;
  let scratch: string;
  let scripted: ScriptedHistory;
  let owner: string;
  let viewer: string;

  function run(args: string[], input = ''): Promise<CliRun> {
    const env = { ...process.env, ...scripted.repo.env, XDG_CONFIG_HOME: join(scratch, 'config'), NO_COLOR: '1', SCRUMDOWN_TOKEN: '' };
    return runCli(args, { cwd: scripted.repo.dir, env, input });
  }

  async function runJson<T>(args: string[]): Promise<T> {
    const result = await run([...args, '--json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  }

  async function register(email: string, name: string): Promise<{ token: string; id: string }> {
    const session = await api<{ accessToken: string; user: { id: string } }>(server.url, 'POST', '/api/v1/auth/register', { json: { email, name, password: PASSWORD } });
    return { token: session.accessToken, id: session.user.id };
  }

  async function entries(): Promise<HistoryEntry[]> {
    const page = await api<{ entries: HistoryEntry[]; nextCursor: string | null }>(server.url, 'GET', '/api/v1/projects/checkout/history?limit=200', { token: owner });
    expect(page.nextCursor).toBeNull();
    return page.entries;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-push-history-'));
    scripted = scriptHistory();
    server = await startServerProcess(suite.url());
    // Ana pushes and owns the project, Ben is a member; Cem has no account.
    owner = (await register(ANA.email, ANA.name)).token;
    await api(server.url, 'POST', '/api/v1/projects', { token: owner, json: { key: 'checkout', name: 'Checkout' } });
    const ben = await register(BEN.email.toUpperCase(), BEN.name);
    await api(server.url, 'PUT', `/api/v1/projects/checkout/members/${ben.id}`, { token: owner, json: { role: 'member' } });
    const vic = await register('vic@example.test', 'Vic');
    await api(server.url, 'PUT', `/api/v1/projects/checkout/members/${vic.id}`, { token: owner, json: { role: 'viewer' } });
    viewer = vic.token;
    const login = await run(['login', '--server', server.url, '--email', ANA.email], `${PASSWORD}\n`);
    expect(login.code, login.stderr).toBe(0);
  });

  afterAll(async () => {
    await server?.stop();
    scripted?.repo.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores the history from git: item history, burndown, cycle time, flow and velocity as the CLI computes them locally', async () => {
    const local = await runJson<Timeline>(['history', 'docs/plan.md']);
    const pushed = await runJson<{ created: boolean; historyCommits: number; document: { items: number } }>(['push', 'docs/plan.md', '--project', 'checkout', '--with-history']);
    expect(pushed).toMatchObject({ created: true, historyCommits: local.commits.length });

    // Every status and points change, and every item added and removed, dated by its commit.
    const expected: string[] = [];
    for (const item of local.items) {
      for (const event of item.events) {
        const at = new Date(event.date).toISOString();
        if (event.type === 'status') expected.push(`${item.id} status ${event.from}→${event.to} ${at}`);
        else if (event.type === 'points') expected.push(`${item.id} points ${event.from}→${event.to} ${at}`);
        else if (event.type === 'added' || event.type === 'removed') expected.push(`${item.id} ${event.type} ${event.status} ${at}`);
      }
    }
    const git = (await entries()).filter((entry) => entry.source === 'git');
    const stored = git
      .filter((entry) => entry.field !== 'id' && entry.field !== 'title')
      .map((entry) => {
        if (entry.field === 'added' || entry.field === 'removed') {
          const item = JSON.parse((entry.to ?? entry.from) as string) as { status: string };
          return `${entry.item} ${entry.field} ${item.status} ${entry.at}`;
        }
        return `${entry.item} ${entry.field} ${entry.from}→${entry.to} ${entry.at}`;
      });
    expect(stored.sort()).toEqual(expected.sort());
    expect(expected).toContain('PAY-3 removed todo 2026-01-08T15:00:00.000Z');
    expect(expected.filter((line) => line.includes(' added ') && line.endsWith('2026-01-05T09:00:00.000Z')).length).toBeGreaterThan(3);

    // Authors: Ana and Ben by e-mail (Ben's in another case), Cem kept as git gave him.
    const byCommit = (at: string): HistoryEntry[] => git.filter((entry) => entry.at === at);
    expect(byCommit('2026-01-06T10:00:00.000Z').every((entry) => entry.user?.email === BEN.email)).toBe(true);
    expect(byCommit('2026-01-05T09:00:00.000Z').every((entry) => entry.user?.email === ANA.email)).toBe(true);
    const cem = byCommit('2026-01-14T10:00:00.000Z');
    expect(cem.length).toBeGreaterThan(0);
    for (const entry of cem) expect(entry).toMatchObject({ user: null, author: `${CEM.name} <${CEM.email}>` });

    // The sprint the plan declares was created with the upload, and its burndown is the local one.
    const localBurndown = await runJson<{ burndown: Record<string, unknown> }>(['burndown', 'docs/plan.md', '--sprint', 'Sprint 1']);
    const serverBurndown = await api<{ chart: Record<string, unknown> }>(server.url, 'GET', '/api/v1/projects/checkout/sprints/1/burndown', { token: owner });
    for (const key of ['measure', 'days', 'remaining', 'completed', 'scopeAdded', 'scopeRemoved']) expect(serverBurndown.chart[key], key).toEqual(localBurndown.burndown[key]);

    const localCycle = await runJson<{ items: unknown[]; median: number | null }>(['cycle-time', 'docs/plan.md']);
    const serverCycle = await api<{ items: unknown[]; median: number | null }>(server.url, 'GET', '/api/v1/projects/checkout/cycle-time', { token: owner });
    expect(serverCycle.median).toEqual(localCycle.median);
    // Items are keyed by their id on the server, by the id they first had locally.
    const unkeyed = (items: unknown[]): unknown[] => items.map((item) => ({ ...(item as object), key: undefined }));
    expect(unkeyed(serverCycle.items)).toEqual(unkeyed(localCycle.items));

    // Velocity and throughput, per week and per sprint, from the server's rows (the series its
    // reports read) and from git.
    const project = await api<{ id: string }>(server.url, 'GET', '/api/v1/projects/checkout', { token: owner });
    const series = await projectSeries(getHandle().db, project.id, { existedBefore: true });
    for (const period of ['week', 'sprint']) {
      const local = await runJson<{ velocity: Velocity; throughput: Velocity; windows?: Period[] }>(['velocity', 'docs/plan.md', '--period', period]);
      const periods = local.windows ?? local.velocity.periods;
      expect(velocity(series, periods, 'points').periods.map((p) => p.value), period).toEqual(local.velocity.periods.map((p) => p.value));
      expect(throughput(series, periods).periods.map((p) => p.value), period).toEqual(local.throughput.periods.map((p) => p.value));
    }
    expect(series.length).toBe(local.items.length);
    // The weekly route answers the same weeks as git.
    const localWeeks = await runJson<{ velocity: Velocity; throughput: Velocity }>(['velocity', 'docs/plan.md', '--period', 'week']);
    const weeks = localWeeks.velocity.periods;
    const weekly = await api<{ from: string; to: string; velocity: Velocity; throughput: Velocity }>(server.url, 'GET', `/api/v1/projects/checkout/velocity/weekly?from=${weeks[0].start}&to=${weeks[weeks.length - 1].end}`, { token: owner });
    expect(weeks.length).toBeGreaterThan(1);
    expect(weekly.velocity).toEqual(localWeeks.velocity);
    expect(weekly.throughput).toEqual(localWeeks.throughput);

    const range = { from: '2026-01-05', to: '2026-01-16' };
    const flow = await api<unknown>(server.url, 'GET', `/api/v1/projects/checkout/flow?from=${range.from}&to=${range.to}`, { token: owner });
    expect(flow).toEqual(cumulativeFlow(seriesFromTimeline(local), range));
  });

  it('adds no rows when the same history is pushed again', async () => {
    const before = await entries();
    const again = await run(['push', 'docs/plan.md', '--project', 'checkout', '--with-history']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Replaced plan\.md in checkout .*version 2, .*history of \d+ commits/);
    const after = await entries();
    expect(after.map(({ item, field, from, to, at, source }) => ({ item, field, from, to, at, source })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      before.map(({ item, field, from, to, at, source }) => ({ item, field, from, to, at, source })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it('says in one line, with exit 2, when the file has no history in git', async () => {
    writeFileSync(join(scratch, 'loose.md'), '# Loose\n\n- [ ] T001 Nothing committed\n');
    const result = await run(['push', join(scratch, 'loose.md'), '--project', 'checkout', '--with-history']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*loose\.md is not in a git repository/);
    const documents = await api<{ documents: Array<{ name: string }> }>(server.url, 'GET', '/api/v1/projects/checkout/documents', { token: owner });
    expect(documents.documents.map((document) => document.name)).toEqual(['plan.md']);
  });

  it('refuses a viewer, and a history that does not validate', async () => {
    const history = await runJson<Timeline>(['history', 'docs/plan.md']);
    const documents = await api<{ documents: Array<{ id: string }> }>(server.url, 'GET', '/api/v1/projects/checkout/documents', { token: owner });
    const path = `/api/v1/projects/checkout/documents/${documents.documents[0].id}`;
    const content = 'x';
    await expect(api(server.url, 'PUT', path, { token: viewer, json: { content, history: { commits: history.commits, items: history.items } } })).rejects.toThrow(/: 403 /);
    const broken = { commits: history.commits, items: [{ ...history.items[0], events: [{ ...history.items[0].events[0], status: 'finished' }] }] };
    await expect(api(server.url, 'PUT', path, { token: owner, json: { content, history: broken } })).rejects.toThrow(/: 400 .*history\.items\.0\.events\.0\.status/);
    expect((await entries()).filter((entry) => entry.source === 'git').length).toBeGreaterThan(0);
  });
});
