// Conversion round trips: each source format, written fresh in test/fixtures/convert, goes through
// `convertSource` and back through the engine's buildPlan; the plan must hold the same tasks, with
// the same statuses, priorities, points, parents and dependencies as the source says (expected
// values written out by hand from the fixtures). Then the CLI: output, --out, and bad input.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import type { Plan } from '../src/engine/model.js';
import { convertSource } from '../src/services/convert/index.js';
import { dependencyIds } from '../src/services/items.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const fixtures = join(root, 'test', 'fixtures', 'convert');

interface Expected {
  id: string;
  title: string;
  status: string;
  priority?: string;
  points?: number;
  parent: string | null;
  deps: string[];
}

/** Every item but checks, as the fields the round trip must keep. */
function readBack(plan: Plan): Expected[] {
  return plan.items
    .filter((item) => item.kind !== 'check')
    .map((item) => {
      const row: Expected = { id: item.id, title: item.title, status: item.status, parent: item.parent, deps: dependencyIds(item) };
      if (item.priority !== undefined) row.priority = item.priority;
      if (item.points !== undefined) row.points = item.points;
      return row;
    });
}

function checksOf(plan: Plan, id: string): Array<[string, string]> {
  return plan.items.filter((item) => item.kind === 'check' && item.parent === id).map((item) => [item.title, item.status]);
}

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'scrumdown-convert-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('Taskmaster tasks.json round trip', () => {
  it('keeps tasks, subtasks, statuses, priorities and dependencies (dotted and sibling ones)', async () => {
    const result = await convertSource(join(fixtures, 'taskmaster', 'tasks.json'));
    expect(result.format).toBe('taskmaster');
    const plan = buildPlan(result.markdown);
    expect(plan.findings).toEqual([]);
    expect(readBack(plan)).toEqual([
      { id: 'TASK-1', title: 'Set up the weather station repository', status: 'done', priority: 'High', parent: null, deps: [] },
      { id: 'TASK-1.1', title: 'Create the repository', status: 'done', parent: 'TASK-1', deps: [] },
      { id: 'TASK-1.2', title: 'Add the build script', status: 'done', parent: 'TASK-1', deps: ['TASK-1.1'] },
      { id: 'TASK-2', title: 'Read the temperature sensor', status: 'in_progress', priority: 'High', parent: null, deps: ['TASK-1'] },
      { id: 'TASK-2.1', title: 'Write the I2C driver', status: 'done', parent: 'TASK-2', deps: [] },
      { id: 'TASK-2.2', title: 'Smooth noisy readings', status: 'in_progress', parent: 'TASK-2', deps: ['TASK-2.1'] },
      { id: 'TASK-2.3', title: 'Report sensor faults', status: 'blocked', parent: 'TASK-2', deps: ['TASK-2.2'] },
      { id: 'TASK-3', title: 'Store readings in a time-series table', status: 'todo', priority: 'Medium', parent: null, deps: ['TASK-2'] },
      { id: 'TASK-4', title: 'Dashboard chart of the last day', status: 'review', priority: 'Medium', parent: null, deps: ['TASK-3', 'TASK-2.1'] },
      { id: 'TASK-5', title: 'Humidity sensor support', status: 'deferred', priority: 'Low', parent: null, deps: ['TASK-2'] },
      { id: 'TASK-6', title: 'Export readings as a spreadsheet', status: 'cancelled', priority: 'Low', parent: null, deps: [] },
      { id: 'TASK-7', title: 'Alert when the station goes quiet', status: 'blocked', priority: 'High', parent: null, deps: ['TASK-3'] },
    ]);
    expect(plan.items.find((item) => item.id === 'TASK-2.1')?.kind).toBe('subtask');
    expect(result.tasks).toBe(12);
    // Task 7 names task 42, which the file does not have.
    expect(result.warnings).toEqual([expect.stringContaining('TASK-7 depends on 42')]);
    expect(result.markdown).toContain('**Test Strategy:**\n> The build script runs green on a fresh clone.');
  });

  it('converts another tag with --tag, and the legacy untagged layout with its project name', async () => {
    const solar = await convertSource(join(fixtures, 'taskmaster', 'tasks.json'), { tag: 'solar-panel' });
    expect(readBack(buildPlan(solar.markdown)).map((row) => [row.id, row.status, row.deps])).toEqual([
      ['TASK-1', 'todo', []],
      ['TASK-2', 'todo', ['TASK-1']],
    ]);
    const legacy = await convertSource(join(fixtures, 'taskmaster', 'legacy.json'));
    const plan = buildPlan(legacy.markdown);
    expect(plan.title).toBe('Greenhouse Controller');
    expect(readBack(plan).map((row) => [row.id, row.status, row.parent])).toEqual([
      ['TASK-1', 'todo', null],
      ['TASK-2', 'done', null],
      ['TASK-2.1', 'done', 'TASK-2'],
    ]);
  });
});

describe('Backlog.md folder round trip', () => {
  it('keeps tasks, subtasks, milestones as epics, acceptance criteria and dependencies', async () => {
    const result = await convertSource(join(fixtures, 'backlog-md', 'backlog'));
    expect(result.format).toBe('backlog-md');
    const plan = buildPlan(result.markdown);
    expect(plan.title).toBe('Bike Rental Kiosk');
    expect(plan.findings).toEqual([]);
    expect(readBack(plan)).toEqual([
      { id: 'EPIC-1', title: 'Pilot station', status: 'in_progress', parent: null, deps: [] },
      { id: 'TASK-1', title: 'Kiosk hardware list', status: 'done', priority: 'High', parent: 'EPIC-1', deps: [] },
      { id: 'TASK-2', title: 'Unlock a bike with a card', status: 'in_progress', priority: 'High', parent: 'EPIC-1', deps: ['TASK-1'] },
      { id: 'TASK-2.1', title: 'Dock controller protocol', status: 'done', parent: 'TASK-2', deps: [] },
      { id: 'TASK-2.2', title: 'Card reader driver', status: 'in_progress', parent: 'TASK-2', deps: ['TASK-2.1'] },
      { id: 'TASK-3', title: 'Return a bike', status: 'todo', priority: 'Medium', parent: 'EPIC-1', deps: ['TASK-2'] },
      { id: 'TASK-4', title: 'Pick a payment provider', status: 'done', priority: 'High', parent: 'EPIC-1', deps: [] },
      { id: 'TASK-10', title: 'Maintenance report', status: 'blocked', priority: 'Low', parent: null, deps: ['TASK-3'] },
      { id: 'DRAFT-1', title: 'Loyalty points', status: 'deferred', parent: null, deps: [] },
    ]);
    expect(checksOf(plan, 'TASK-2')).toEqual([
      ['A valid card opens a dock within two seconds', 'done'],
      ['An expired card shows a message', 'todo'],
    ]);
    expect(checksOf(plan, 'TASK-3')).toHaveLength(2);
    const task2 = plan.items.find((item) => item.id === 'TASK-2')!;
    expect(task2.assignee).toBe('tomas');
    expect(task2.tags).toEqual(['kiosk', 'payments']);
    // The fenced "## not a section" and "- [ ]" stay quoted text of the description.
    expect(result.markdown).toContain('> ## not a section: inside a fence');
    expect(result.warnings).toEqual([expect.stringContaining('TASK-3 depends on task-9'), expect.stringContaining('archived task files')]);
  });

  it('finds backlog/ inside a project folder', async () => {
    const project = join(scratch, 'kiosk-project');
    cpSync(join(fixtures, 'backlog-md'), project, { recursive: true });
    const result = await convertSource(project);
    expect(result.format).toBe('backlog-md');
    expect(result.tasks).toBe(8);
  });
});

describe('GitHub issues export round trip', () => {
  it('keeps issues, milestones as epics, label fields, closed as done and body dependencies', async () => {
    const result = await convertSource(join(fixtures, 'github', 'issues.json'));
    expect(result.format).toBe('github');
    const plan = buildPlan(result.markdown);
    expect(plan.findings).toEqual([]);
    expect(readBack(plan)).toEqual([
      { id: 'EPIC-1', title: 'Catalogue v1', status: 'in_progress', parent: null, deps: [] },
      { id: 'TASK-11', title: 'Search the catalogue by title', status: 'done', priority: 'High', points: 5, parent: 'EPIC-1', deps: [] },
      { id: 'TASK-12', title: 'Book detail page', status: 'todo', priority: 'P2', parent: 'EPIC-1', deps: ['TASK-11'] },
      { id: 'EPIC-2', title: 'Lending', status: 'in_progress', parent: null, deps: [] },
      { id: 'TASK-13', title: 'Borrow a book', status: 'in_progress', points: 3, parent: 'EPIC-2', deps: ['TASK-12', 'TASK-14'] },
      { id: 'TASK-14', title: 'Member accounts', status: 'blocked', parent: null, deps: [] },
      { id: 'TASK-15', title: 'Fax the overdue notices', status: 'cancelled', parent: null, deps: [] },
    ]);
    const borrow = plan.items.find((item) => item.id === 'TASK-13')!;
    expect(borrow.assignee).toBe('olu, maya');
    expect(plan.items.find((item) => item.id === 'TASK-12')!.tags).toEqual(['frontend']);
    // The body's own checkbox is quoted prose, not a task of the plan.
    expect(plan.items.some((item) => item.title.includes('works offline'))).toBe(false);
    expect(result.warnings).toEqual([expect.stringContaining('TASK-13 depends on #99')]);
  });
});

describe('scrumdown convert (CLI)', () => {
  function run(args: string[], cwd = scratch): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function expectUsageError(result: { code: number | null; stdout: string; stderr: string }, ...fragments: string[]): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: /);
    for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  }

  beforeAll(() => {
    if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  });

  it('prints the plan on stdout and warnings on stderr', () => {
    const result = run(['convert', join(fixtures, 'github', 'issues.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# GitHub issues\n/);
    expect(result.stderr).toBe(`warning: TASK-13 depends on #99, which is not in ${join(fixtures, 'github', 'issues.json')}; the dependency is left out.\n`);
  });

  it('writes --out atomically, refuses to replace it without --force, and the file lints clean', () => {
    const out = join(mkdtempSync(join(scratch, 'out-')), 'plan.md');
    const first = run(['convert', join(fixtures, 'taskmaster', 'tasks.json'), '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('Wrote 12 tasks and subtasks from');
    expect(readdirSync(dirname(out))).toEqual(['plan.md']);
    const written = readFileSync(out, 'utf8');
    expect(run(['lint', out]).code).toBe(0);

    const again = run(['convert', join(fixtures, 'github', 'issues.json'), '--out', out]);
    expectUsageError(again, 'already exists', '--force');
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(run(['convert', join(fixtures, 'github', 'issues.json'), '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# GitHub issues/);
  });

  it('invalid JSON: the file, line and column', () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{\n  "tasks": [\n    { "id": 1, "title": "A" }\n    { "id": 2 }\n  ]\n}\n');
    expectUsageError(run(['convert', file]), `${file}:4:5: not valid JSON`);
  });

  it('the wrong shape: the JSON path, what was found, and the expected form', () => {
    const file = join(scratch, 'wrong.json');
    writeFileSync(file, JSON.stringify({ tasks: [{ id: 1, title: 'A' }, { id: 'two', title: 'B' }] }));
    expectUsageError(run(['convert', file]), '$.tasks[1].id', '"two"', 'numeric id');
    writeFileSync(file, JSON.stringify([{ number: 1, title: 'A', state: 'OPEN', labels: 'bug' }]));
    expectUsageError(run(['convert', file, '--from', 'github']), '$[0].labels', 'gh issue list');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    expectUsageError(run(['convert', file]), 'cannot tell the format', '--from');
  });

  it('a missing source, an unknown format, a folder without tasks', () => {
    expectUsageError(run(['convert', join(scratch, 'nothing-here')]), 'no such file or folder');
    expectUsageError(run(['convert', join(fixtures, 'github', 'issues.json'), '--from', 'jira']), 'Unknown source format "jira"', 'taskmaster, backlog-md, github');
    const empty = mkdtempSync(join(scratch, 'empty-'));
    expectUsageError(run(['convert', empty]), 'without Backlog.md tasks');
    expectUsageError(run(['convert', empty, '--from', 'backlog-md']), 'holds no Backlog.md tasks');
  });

  it('cyclic subtasks in a backlog are refused with the cycle, and nothing is written', () => {
    const folder = join(mkdtempSync(join(scratch, 'cycle-')), 'backlog');
    mkdirSync(join(folder, 'tasks'), { recursive: true });
    writeFileSync(join(folder, 'tasks', 'task-1 - A.md'), '---\nid: task-1\ntitle: A\nstatus: To Do\nparent_task_id: task-2\n---\n');
    writeFileSync(join(folder, 'tasks', 'task-2 - B.md'), '---\nid: task-2\ntitle: B\nstatus: To Do\nparent_task_id: task-1\n---\n');
    const out = join(dirname(folder), 'plan.md');
    expectUsageError(run(['convert', folder, '--out', out]), 'subtasks form a cycle: TASK-1 → TASK-2 → TASK-1', 'parent_task_id');
    expect(existsSync(out)).toBe(false);
  });

  it('bad YAML frontmatter: the file and line', () => {
    const folder = join(mkdtempSync(join(scratch, 'yaml-')), 'backlog');
    mkdirSync(join(folder, 'tasks'), { recursive: true });
    const file = join(folder, 'tasks', 'task-1 - A.md');
    writeFileSync(file, '---\nid: task-1\ntitle: [unclosed\nstatus: To Do\n---\n');
    expectUsageError(run(['convert', folder]), `${file}:`, 'not valid YAML');
  });

  it('a source over the size limit is refused before it is read', () => {
    const file = join(scratch, 'huge.json');
    writeFileSync(file, '');
    spawnSync('truncate', ['-s', String(51 * 1024 * 1024), file]);
    expectUsageError(run(['convert', file]), 'huge.json is 51.0 MB', 'up to 50 MB');
  });
});
