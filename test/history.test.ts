// Plan history read from a scripted git repository (test/support/git-plan-history.ts): the
// timeline, burndown, burnup, velocity, throughput and cycle time are checked against values
// worked out by hand from the script, then the cache, the failure messages and the CLI.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrumdownError } from '../src/errors.js';
import { buildPlan } from '../src/engine/build.js';
import { readPlanHistory } from '../src/services/history/read.js';
import type { PlanHistory } from '../src/services/history/read.js';
import { historyBurndown, historyCycleTime, historyTimeline, historyVelocity } from '../src/services/history/report.js';
import type { ItemTimeline, TimelineEvent } from '../src/engine/history/types.js';
import { ANA, BEN, CEM, scriptHistory } from './support/git-plan-history.js';
import type { ScriptedHistory } from './support/git-plan-history.js';
import { createRepo } from './support/git-repo.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');

let scripted: ScriptedHistory;
let planPath: string;
let history: PlanHistory;

beforeAll(async () => {
  scripted = scriptHistory();
  planPath = join(scripted.repo.dir, 'docs', 'plan.md');
  history = await readPlanHistory(planPath, { env: scripted.repo.env, cache: false });
});

afterAll(() => {
  scripted.repo.remove();
});

function item(key: string): ItemTimeline {
  const found = history.timeline.items.find((entry) => entry.key === key);
  if (!found) throw new Error(`no item ${key}`);
  return found;
}

/** Events as short tuples: type, commit name, and what changed. */
function brief(events: readonly TimelineEvent[]): string[] {
  const names = new Map(Object.entries(scripted.commits).map(([name, hash]) => [hash, name]));
  return events.map((event) => {
    const at = `${event.type}@${names.get(event.commit)} by ${event.author.name} ${event.date}`;
    switch (event.type) {
      case 'added':
      case 'removed':
        return `${at}: ${event.status} ${event.points}`;
      case 'status':
        return `${at}: ${event.from} -> ${event.to}`;
      case 'points':
        return `${at}: ${event.from} -> ${event.to}`;
      case 'renamed':
        return `${at}: ${event.fromId} -> ${event.toId} by ${event.matchedBy}`;
    }
  });
}

describe('timeline', () => {
  it('lists the first-parent commits oldest first, following the rename', () => {
    const { commits } = history.timeline;
    const c = scripted.commits;
    expect(commits.map((commit) => commit.hash)).toEqual([c.C1, c.C2, c.C3, c.C4, c.M, c.C6, c.C7]);
    expect(commits.map((commit) => commit.path)).toEqual(['plan.md', 'plan.md', 'docs/plan.md', 'docs/plan.md', 'docs/plan.md', 'docs/plan.md', 'docs/plan.md']);
    expect(commits.map((commit) => commit.author.email)).toEqual([ANA.email, BEN.email, ANA.email, ANA.email, ANA.email, BEN.email, CEM.email]);
    expect(commits[4]).toMatchObject({ date: '2026-01-09T16:00:00+00:00', subject: "Merge branch 'refunds'" });
    expect(history.path).toBe('docs/plan.md');
    expect(history.warnings).toEqual([]);
  });

  it('records every status change, addition and removal with its commit, date and author', () => {
    expect(history.timeline.items.map((entry) => entry.key)).toEqual(['PAY-1', 'PAY-3', 'PAY-2', 'chores.1', 'chores.2', 'chores.1@2', 'PAY-4']);
    expect(brief(item('PAY-1').events)).toEqual([
      'added@C1 by Ana Lima 2026-01-05T09:00:00+00:00: todo 5',
      'status@C2 by Ben Okafor 2026-01-06T10:00:00+00:00: todo -> in_progress',
      // The branch commit F1 made it done; on the first-parent line the merge brings it.
      'status@M by Ana Lima 2026-01-09T16:00:00+00:00: in_progress -> done',
    ]);
    expect(brief(item('PAY-3').events)).toEqual(['added@C1 by Ana Lima 2026-01-05T09:00:00+00:00: todo 2', 'removed@C4 by Ana Lima 2026-01-08T15:00:00+00:00: todo 2']);
    expect(item('PAY-3').present).toBe(false);
    expect(brief(item('PAY-2').events)).toEqual([
      'added@C1 by Ana Lima 2026-01-05T09:00:00+00:00: todo 3',
      'status@C3 by Ana Lima 2026-01-07T11:00:00+00:00: todo -> in_progress',
      'status@C6 by Ben Okafor 2026-01-12T10:00:00+00:00: in_progress -> done',
    ]);
    expect(brief(item('PAY-4').events)).toEqual(['added@M by Ana Lima 2026-01-09T16:00:00+00:00: todo 8', 'status@C7 by Cem Aydin 2026-01-14T10:00:00+00:00: todo -> in_progress']);
  });

  it('follows ID-less chores whose outline number shifted, by title', () => {
    expect(item('chores.1')).toMatchObject({ id: 'chores.2', title: 'Rotate staging keys', status: 'done' });
    expect(brief(item('chores.1').events)).toEqual([
      'added@C1 by Ana Lima 2026-01-05T09:00:00+00:00: todo null',
      'renamed@C2 by Ben Okafor 2026-01-06T10:00:00+00:00: chores.1 -> chores.2 by title',
      'status@C2 by Ben Okafor 2026-01-06T10:00:00+00:00: todo -> done',
    ]);
    expect(item('chores.2')).toMatchObject({ id: 'chores.3', title: 'Update the runbook', status: 'done' });
    expect(brief(item('chores.2').events).slice(2)).toEqual(['status@C6 by Ben Okafor 2026-01-12T10:00:00+00:00: todo -> done']);
    // The inserted chore took the id chores.1, but it is a new item with its own key.
    expect(item('chores.1@2')).toMatchObject({ id: 'chores.1', title: 'Renew TLS certificate', status: 'todo' });
    expect(brief(item('chores.1@2').events)).toEqual(['added@C2 by Ben Okafor 2026-01-06T10:00:00+00:00: todo null']);
  });

  it('narrows to a date range', () => {
    const narrowed = historyTimeline(history, { since: '2026-01-08', until: '2026-01-09' });
    expect(narrowed.commits.map((commit) => commit.hash)).toEqual([scripted.commits.C4, scripted.commits.M]);
    expect(narrowed.items.map((entry) => [entry.key, entry.events.map((event) => event.type)])).toEqual([
      ['PAY-1', ['status']],
      ['PAY-3', ['removed']],
      ['PAY-4', ['added']],
    ]);
  });

  it('walks every parent in date order with --all-parents', async () => {
    const all = await readPlanHistory(planPath, { env: scripted.repo.env, cache: false, allParents: true });
    const c = scripted.commits;
    expect(all.timeline.commits.map((commit) => commit.hash)).toEqual([c.C1, c.C2, c.C3, c.F1, c.C4, c.M, c.C6, c.C7]);
    const pay1 = all.timeline.items.find((entry) => entry.key === 'PAY-1');
    // On the branch commit Cem made it done; the main line's next commit still had it in progress.
    expect(pay1?.events.filter((event) => event.type === 'status').map((event) => `${event.author.name}: ${(event as { to: string }).to}`)).toEqual([
      'Ben Okafor: in_progress',
      'Cem Aydin: done',
      'Ana Lima: in_progress',
      'Ana Lima: done',
    ]);
  });
});

describe('metrics from the history', () => {
  const plan = () => buildPlan(readFileSync(planPath, 'utf8'), planPath);

  it('burndown and burnup of the whole plan over two working weeks', () => {
    const report = historyBurndown(history, plan(), { from: '2026-01-05', to: '2026-01-16' });
    expect(report.burndown).toEqual({
      measure: 'points',
      days: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'],
      // Planning day: the plan appears with PAY-1 5 + PAY-3 2 + PAY-2 3 = 10 points.
      commitment: 10,
      // Thu: PAY-3 (2) removed; Fri: PAY-1 (5) done and PAY-4 (8) added; Mon: PAY-2 (3) done.
      remaining: [10, 10, 10, 8, 11, 8, 8, 8, 8, 8],
      ideal: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
      completed: [0, 0, 0, 0, 5, 3, 0, 0, 0, 0],
      scopeAdded: [0, 0, 0, 0, 8, 0, 0, 0, 0, 0],
      scopeRemoved: [0, 0, 0, 2, 0, 0, 0, 0, 0, 0],
    });
    expect(report.burnup.scope).toEqual([10, 10, 10, 8, 16, 16, 16, 16, 16, 16]);
    expect(report.burnup.completed).toEqual([0, 0, 0, 0, 5, 8, 8, 8, 8, 8]);
    expect(report.source).toBe('options');
  });

  it('burndown of a sprint: dates from its heading, items it commits to now', () => {
    const report = historyBurndown(history, plan(), { sprint: '1' });
    expect(report).toMatchObject({ from: '2026-01-05', to: '2026-01-16', source: 'heading-dates', sprint: { id: 'sprint-1', items: ['PAY-1', 'PAY-2', 'PAY-4'] } });
    expect(report.burndown.commitment).toBe(8);
    expect(report.burndown.remaining).toEqual([8, 8, 8, 8, 11, 8, 8, 8, 8, 8]);
    expect(report.burndown.ideal).toEqual([7.2, 6.4, 5.6, 4.8, 4, 3.2, 2.4, 1.6, 0.8, 0]);
    expect(report.burndown.scopeAdded).toEqual([0, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    expect(report.burndown.scopeRemoved).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses a sprint that does not exist, naming the ones that do', () => {
    expect(() => historyBurndown(history, plan(), { sprint: '7' })).toThrow(/No sprint "7".*"Sprint 1 \(2026-01-05 to 2026-01-16\)"/);
  });

  it('velocity and throughput per week and per sprint', () => {
    const weekly = historyVelocity(history, plan(), 'week');
    expect(weekly.velocity).toEqual({
      measure: 'points',
      periods: [
        { name: '2026-W02', start: '2026-01-05', end: '2026-01-11', value: 5 },
        { name: '2026-W03', start: '2026-01-12', end: '2026-01-18', value: 3 },
      ],
      average: 4,
      median: 4,
    });
    // PAY-1 and the keys rotation in week 2; PAY-2 and the runbook in week 3.
    expect(weekly.throughput.periods.map((period) => period.value)).toEqual([2, 2]);
    const sprints = historyVelocity(history, plan(), 'sprint');
    expect(sprints.velocity.periods).toEqual([{ name: 'Sprint 1 (2026-01-05 to 2026-01-16)', start: '2026-01-05', end: '2026-01-16', sprintId: 'sprint-1', source: 'heading-dates', value: 8 }]);
    expect(sprints.throughput.periods[0].value).toBe(4);
  });

  it('cycle time per item, median and P85', () => {
    const report = historyCycleTime(history);
    expect(report.items.map((entry) => [entry.id, entry.start, entry.started, entry.finished, entry.days])).toEqual([
      // Tue 06 10:00 in progress → Fri 09 16:00 done (the merge): 3 days 6 hours.
      ['PAY-1', 'in_progress', '2026-01-06T10:00:00.000Z', '2026-01-09T16:00:00.000Z', 3.25],
      // Wed 07 11:00 → Mon 12 10:00: 119 hours.
      ['PAY-2', 'in_progress', '2026-01-07T11:00:00.000Z', '2026-01-12T10:00:00.000Z', 4.958333],
      // Never marked in progress: from the first commit that showed it open, 25 hours.
      ['chores.2', 'opened', '2026-01-05T09:00:00.000Z', '2026-01-06T10:00:00.000Z', 1.041667],
      ['chores.3', 'opened', '2026-01-05T09:00:00.000Z', '2026-01-12T10:00:00.000Z', 7.041667],
    ]);
    expect(report.median).toBeCloseTo((3.25 + 4.958333) / 2, 9);
    expect(report.p85).toBe(7.041667);
    expect([report.fromInProgress, report.fromOpened, report.unknownStart]).toEqual([2, 2, 0]);
    expect(historyCycleTime(history, { from: '2026-01-09', to: '2026-01-09' }).items.map((entry) => entry.id)).toEqual(['PAY-1']);
  });
});

describe('cache', () => {
  it('parses each blob once, and a second run reads only the new commits', async () => {
    const repo = createRepo();
    try {
      const cacheDir = join(repo.dir, '.git', 'scrumdown', 'history');
      repo.write('tasks.md', '# T\n\n- [ ] T001 One\n- [ ] T002 Two\n');
      repo.commit('one', '2026-02-02T09:00:00Z', ANA);
      repo.write('notes.md', 'unrelated\n');
      repo.commit('notes', '2026-02-02T10:00:00Z', ANA);
      repo.write('tasks.md', '# T\n\n- [x] T001 One\n- [ ] T002 Two\n');
      repo.commit('two', '2026-02-03T09:00:00Z', BEN);
      // Back to the first text: the same blob as commit one.
      repo.write('tasks.md', '# T\n\n- [ ] T001 One\n- [ ] T002 Two\n');
      repo.commit('revert', '2026-02-04T09:00:00Z', BEN);
      const file = join(repo.dir, 'tasks.md');
      const cold = await readPlanHistory(file, { env: repo.env });
      expect(cold.stats).toMatchObject({ commits: 3, resumed: 0, parsed: 2, cached: 0 });
      expect(existsSync(cacheDir)).toBe(true);
      const warm = await readPlanHistory(file, { env: repo.env });
      expect(warm.stats).toMatchObject({ commits: 3, resumed: 3, parsed: 0, cached: 0 });
      expect(warm.timeline).toEqual(cold.timeline);

      repo.write('tasks.md', '# T\n\n- [ ] T001 One\n- [x] T002 Two\n');
      repo.commit('three', '2026-02-05T09:00:00Z', CEM);
      const next = await readPlanHistory(file, { env: repo.env });
      expect(next.stats).toMatchObject({ commits: 4, resumed: 3, parsed: 1, cached: 0 });
      const fresh = await readPlanHistory(file, { env: repo.env, cache: false });
      expect(next.timeline).toEqual(fresh.timeline);

      // Another walk (all parents) has no checkpoint yet, but finds every revision cached.
      const other = await readPlanHistory(file, { env: repo.env, allParents: true });
      expect(other.stats).toMatchObject({ commits: 4, resumed: 0, parsed: 0, cached: 3 });
      expect(other.timeline).toEqual(fresh.timeline);
    } finally {
      repo.remove();
    }
  });

  it('starts over when history was rewritten under the checkpoint', async () => {
    const repo = createRepo();
    try {
      repo.write('tasks.md', '- [ ] T001 One\n');
      repo.commit('one', '2026-02-02T09:00:00Z', ANA);
      repo.write('tasks.md', '- [x] T001 One\n');
      repo.commit('two', '2026-02-03T09:00:00Z', ANA);
      const file = join(repo.dir, 'tasks.md');
      await readPlanHistory(file, { env: repo.env });
      repo.git('reset', '-q', '--hard', 'HEAD~1');
      repo.write('tasks.md', '- [-] T001 One\n');
      repo.commit('two again', '2026-02-03T10:00:00Z', BEN);
      const again = await readPlanHistory(file, { env: repo.env });
      expect(again.stats).toMatchObject({ resumed: 0, parsed: 1, cached: 1 });
      expect(again.timeline.items[0].status).toBe('in_progress');
    } finally {
      repo.remove();
    }
  });
});

describe('when git cannot give the history', () => {
  async function failure(file: string, options: Parameters<typeof readPlanHistory>[1]): Promise<ScrumdownError> {
    try {
      await readPlanHistory(file, options);
    } catch (error) {
      if (error instanceof ScrumdownError) return error;
      throw error;
    }
    throw new Error('expected a failure');
  }

  it('says the file is not in a repository', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'scrumdown-history-norepo-'));
    try {
      writeFileSync(join(folder, 'plan.md'), '- [ ] One\n');
      const error = await failure(join(folder, 'plan.md'), { env: { ...scripted.repo.env, GIT_CEILING_DIRECTORIES: dirname(folder) } });
      expect(error.code).toBe('git_error');
      expect(error.details.missing).toBe('repository');
      expect(error.message).toMatch(/is not in a git repository.*git init/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says the file was never committed, in an empty repository and beside other commits', async () => {
    const repo = createRepo();
    try {
      repo.write('plan.md', '- [ ] One\n');
      const empty = await failure(join(repo.dir, 'plan.md'), { env: repo.env });
      expect([empty.code, empty.details.missing]).toEqual(['git_error', 'commit']);
      expect(empty.message).toMatch(/has never been committed.*git add plan\.md && git commit/);
      // Other files have commits; this one is kept out of them.
      writeFileSync(join(repo.dir, '.git', 'info', 'exclude'), 'plan.md\n');
      repo.write('other.md', 'x\n');
      repo.commit('other', '2026-02-02T09:00:00Z', ANA);
      const never = await failure(join(repo.dir, 'plan.md'), { env: repo.env });
      expect(never.details.missing).toBe('commit');
    } finally {
      repo.remove();
    }
  });

  it('says git is missing', async () => {
    const error = await failure(planPath, { env: scripted.repo.env, git: join(tmpdir(), 'no-such-git-program') });
    expect([error.code, error.details.missing]).toEqual(['git_error', 'git']);
    expect(error.message).toMatch(/git is not installed/);
  });

  it('reads a shallow clone as far as it goes, with a warning', async () => {
    const target = mkdtempSync(join(tmpdir(), 'scrumdown-history-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${scripted.repo.dir}`, join(target, 'clone')], { env: scripted.repo.env, stdio: 'ignore' });
      const shallow = await readPlanHistory(join(target, 'clone', 'docs', 'plan.md'), { env: scripted.repo.env, cache: false });
      expect(shallow.timeline.commits.map((commit) => commit.hash)).toEqual([scripted.commits.C6, scripted.commits.C7]);
      expect(shallow.warnings).toEqual([
        `The repository is a shallow clone, so the history of ${join(target, 'clone', 'docs', 'plan.md')} starts at 2026-01-12 (commit ${scripted.commits.C6.slice(0, 7)}); run "git fetch --unshallow" to read all of it.`,
      ]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('command line', () => {
  interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
  }
  function run(args: string[], env: NodeJS.ProcessEnv = scripted.repo.env): Run {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: scripted.repo.dir, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('Build the CLI first (npm run build).');
  });

  it('history --json is the timeline', () => {
    const result = run(['history', 'docs/plan.md', '--json', '--no-cache']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { schema: string; commits: unknown[]; items: ItemTimeline[] };
    expect(document.schema).toBe('scrumdown/history@1');
    expect(document.commits).toHaveLength(7);
    expect(document.items.map((entry) => entry.key)).toEqual(history.timeline.items.map((entry) => entry.key));
  });

  it('history prints the changes of each commit', () => {
    const result = run(['history', 'docs/plan.md', '--since', '2026-01-14']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'History of docs/plan.md  1 commit, 2026-01-14 to 2026-01-14',
        '',
        `${scripted.commits.C7.slice(0, 7)}  2026-01-14  Cem Aydin <cem@example.com>  Start refunds`,
        '  ~  PAY-4  Refund flow  todo → in_progress',
        '',
        '0 added, 0 removed, 1 status change over 1 items.',
        '',
      ].join('\n'),
    );
  });

  it('burndown draws the days and writes an SVG', () => {
    const svg = join(scripted.repo.dir, 'burndown.svg');
    const result = run(['burndown', 'docs/plan.md', '--sprint', '1', '--svg', svg]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe("Burndown: Sprint 1 (2026-01-05 to 2026-01-16)  2026-01-05 to 2026-01-16, points (dates from the sprint's heading)");
    expect(lines[1]).toBe('Commitment: 8 points');
    expect(lines[8]).toMatch(/^2026-01-09 +11 +4 +5 +\+8 +0 +█+/);
    expect(result.stdout).toContain('Burnup    ');
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain('<title>Burndown: Sprint 1 (2026-01-05 to 2026-01-16) (points)</title>');
    expect(text).not.toMatch(/<script|href=/);
  });

  it('velocity and cycle-time print JSON with their schemas', () => {
    const velocity = JSON.parse(run(['velocity', 'docs/plan.md', '--json']).stdout) as { schema: string; velocity: { average: number } };
    expect([velocity.schema, velocity.velocity.average]).toEqual(['scrumdown/velocity@1', 4]);
    const cycle = JSON.parse(run(['cycle-time', 'docs/plan.md', '--json']).stdout) as { schema: string; p85: number };
    expect([cycle.schema, cycle.p85]).toEqual(['scrumdown/cycle-time@1', 7.041667]);
  });

  it('without git, says so and still prints where the plan stands now (exit 2)', () => {
    const result = run(['burndown', 'docs/plan.md'], { ...scripted.repo.env, PATH: join(tmpdir(), 'no-such-folder') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: git is not installed or not on the PATH/);
    expect(result.stdout).toBe(
      ['Checkout revamp (docs/plan.md, current file only: no history)', 'Items: todo 1, in_progress 1, done 4', 'Points: 8 of 16 done', ''].join('\n'),
    );
  });
});
