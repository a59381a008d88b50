// End-to-end tests of the scrumdown command line: each test spawns the built CLI
// (node dist/cli/main.js) on the small plans in test/fixtures/cli and checks what a user or a
// script would see: output, JSON documents and their schema tags, exit codes, and the file on
// disk after `set`.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const STATUS_LIST = 'todo, in_progress, review, done, blocked, deferred, cancelled';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? fixtures, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T = Record<string, unknown>>(result: Run): T {
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as T;
}

/** A usage or input error: exit 2, one helpful message, no stack trace, nothing on stdout. */
function expectUsageError(result: Run, ...fragments: string[]): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^error: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
}

let scratch: string;

beforeAll(() => {
  if (!existsSync(cli)) {
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    if (!existsSync(cli)) throw new Error(`Could not build the CLI: ${build.stdout}${build.stderr}`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'scrumdown-cli-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh copy of a fixture in its own folder, so the folder's listing can be checked too. */
function copyFixture(name: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(scratch, 'set-'));
  const file = join(dir, name);
  copyFileSync(join(fixtures, name), file);
  return { dir, file };
}

describe('program', () => {
  it('prints the package version', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const result = run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('lists every command with examples in --help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['status', 'items', 'show', 'next', 'graph', 'lint', 'set', 'sprint', 'help']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('Exit codes:');
  });

  it('shows a command help with `help <cmd>` and with --help', () => {
    const viaHelp = run(['help', 'lint']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toContain('Usage: scrumdown lint [options] [files...]');
    expect(viaHelp.stdout).toContain('sarif');
    expect(viaHelp.stdout).toContain('$ scrumdown lint');
    const viaFlag = run(['set', '--help']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain('in_progress (also in-progress, doing, wip)');
  });

  it('names the commands when `help` is asked about one that does not exist', () => {
    expectUsageError(run(['help', 'stauts']), 'Unknown command "stauts"', 'status, items, show, next, graph, lint, set, sprint');
  });

  it('exits 2 on an unknown command, suggesting the nearest', () => {
    expectUsageError(run(['stauts', 'backlog.md']), "unknown command 'stauts'", 'status');
  });

  it('exits 2 on an unknown option and on a missing argument', () => {
    expectUsageError(run(['items', 'backlog.md', '--colour']), "unknown option '--colour'");
    expectUsageError(run(['show', 'backlog.md']), "missing required argument 'id'");
  });

  it('exits 2 with the help when no command is given', () => {
    const result = run([]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain('Usage: scrumdown');
  });
});

describe('reading plan files', () => {
  it('refuses a missing file', () => {
    expectUsageError(run(['status', 'no-such-plan.md']), 'no-such-plan.md', 'no such file');
  });

  it('refuses a directory', () => {
    expectUsageError(run(['items', scratch]), scratch, 'is a directory');
  });

  it('refuses a binary file', () => {
    const file = join(scratch, 'picture.md');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expectUsageError(run(['lint', file]), file, 'binary');
  });

  it('refuses a file over 50 MB without reading it', () => {
    const file = join(scratch, 'huge.md');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024 + 1); // sparse: no 50 MB written to disk
    const started = Date.now();
    expectUsageError(run(['status', file]), file, '50 MB');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('accepts a file of exactly 50 MB as far as size goes', () => {
    const file = join(scratch, 'limit.md');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024); // all NUL bytes: refused as binary, not as too large
    expectUsageError(run(['items', file]), 'binary');
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', () => {
    const file = join(scratch, 'secret.md');
    writeFileSync(file, '# Plan\n- [ ] one\n');
    chmodSync(file, 0o000);
    expectUsageError(run(['items', file]), file, 'permission denied');
  });

  it('refuses the whole call when one of several files is missing', () => {
    expectUsageError(run(['lint', 'backlog.md', 'missing.md']), 'missing.md');
  });
});

describe('status', () => {
  it('prints progress per section and overall, ready, blocked, critical path and findings', () => {
    const result = run(['status', 'backlog.md']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toContain('Bakery Ordering - Backlog');
    expect(out).toMatch(/Phase 1: Groundwork \(8 Story Points\)\s+\[#####-----\]\s+50%\s+1\/2\s+2\/4\s+3\/8\s+6\/16/);
    expect(out).toMatch(/Phase 2: Ordering \(15 Story Points\)\s+\[----------\]\s+0%\s+0\/3\s+0\/5\s+0\/15\s+0\/23/);
    expect(out).toMatch(/Overall\s+\[##--------\]\s+20%\s+1\/5\s+2\/9\s+3\/23\s+6\/39/);
    expect(out).toContain('Points by status: todo 20, done 3');
    expect(out).toContain('Hours by status:  todo 33, done 6');
    // BAKE-002 and BAKE-005 only wait for BAKE-001 (done); BAKE-003 and BAKE-004 wait for BAKE-002.
    expect(out).toContain('Ready: 2   Blocked: 2   Critical path: 30 hours over 3 items');
    expect(out).toContain('Findings: 0 errors, 0 warnings, 0 info');
  });

  it('prints one JSON document with the status schema', () => {
    const doc = json<{
      schema: string;
      file: string;
      overall: { items: Record<string, number>; points: { done: number; total: number }; hours: { done: number; total: number }; checks: { done: number; total: number } };
      sections: Array<{ title: string }>;
      ready: number;
      blocked: number;
      critical: { length: number; unit: string; path: string[] };
      findings: { error: number; warning: number; info: number };
    }>(run(['status', 'backlog.md', '--json']));
    expect(doc.schema).toBe('scrumdown/status@1');
    expect(doc.file).toBe('backlog.md');
    expect(doc.sections.map((section) => section.title)).toEqual(['Phase 1: Groundwork (8 Story Points)', 'Phase 2: Ordering (15 Story Points)']);
    expect(doc.overall.items.done).toBe(1);
    expect(doc.overall.items.todo).toBe(4);
    expect(doc.overall.points).toMatchObject({ done: 3, total: 23 });
    expect(doc.overall.hours).toMatchObject({ done: 6, total: 39 });
    expect(doc.overall.checks).toEqual({ done: 2, total: 9 });
    expect([doc.ready, doc.blocked]).toEqual([2, 2]);
    expect(doc.critical).toEqual({ length: 30, unit: 'hours', items: 3, path: ['BAKE-002', 'BAKE-003', 'BAKE-004'] });
    expect(doc.findings).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('reports several files, in order', () => {
    const text = run(['status', 'backlog.md', 'speckit.md']);
    expect(text.code).toBe(0);
    expect(text.stdout.indexOf('Bakery Ordering')).toBeLessThan(text.stdout.indexOf('Recipe Sharing Site'));
    const doc = json<{ schema: string; files: Array<{ file: string; critical: { unit: string; items: number } }> }>(run(['status', 'backlog.md', 'speckit.md', '--json']));
    expect(doc.schema).toBe('scrumdown/status@1');
    expect(doc.files.map((file) => file.file)).toEqual(['backlog.md', 'speckit.md']);
    // No hours or points in the spec-kit plan: the path counts items, T004 → T006 → T007 → T008.
    expect(doc.files[1].critical).toMatchObject({ unit: 'items', items: 4 });
  });

  it('counts findings by severity', () => {
    const doc = json<{ findings: { error: number; warning: number }; cycles: number }>(run(['status', 'lint-errors.md', '--json']));
    expect(doc.findings.error).toBeGreaterThanOrEqual(1);
    expect(doc.cycles).toBe(1);
  });
});

describe('items', () => {
  interface ItemsDoc {
    schema: string;
    count: number;
    items: Array<{
      id: string;
      title: string;
      kind: string;
      status: string;
      points: number | null;
      hours: number | null;
      priority: string | null;
      assignee: string | null;
      tags: string[];
      deps: string[];
      parent: string | null;
      line: number;
    }>;
  }
  const ids = (args: string[]): string[] => json<ItemsDoc>(run(['items', ...args, '--json'])).items.map((item) => item.id);

  it('lists items as a table', () => {
    const result = run(['items', 'backlog.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+STATUS\s+KIND\s+PTS\s+HRS\s+TITLE$/m);
    expect(result.stdout).toMatch(/^BAKE-004\s+todo\s+story\s+8\s+12\s+Take card payments at checkout$/m);
    expect(result.stdout).toContain('7 items');
  });

  it('prints every item field in JSON, with dependencies resolved and flattened', () => {
    const doc = json<ItemsDoc>(run(['items', 'backlog.md', '--json']));
    expect(doc.schema).toBe('scrumdown/items@1');
    expect(doc.count).toBe(doc.items.length);
    const payments = doc.items.find((item) => item.id === 'BAKE-004');
    expect(payments).toEqual({
      id: 'BAKE-004',
      title: 'Take card payments at checkout',
      kind: 'story',
      status: 'todo',
      points: 8,
      hours: 12,
      priority: 'HIGH',
      assignee: null,
      tags: [],
      deps: ['BAKE-002', 'BAKE-003'],
      parent: 'phase-2',
      section: expect.any(String),
      line: 45,
    });
    // Checks are not listed unless asked for.
    expect(doc.items.some((item) => item.kind === 'check')).toBe(false);
  });

  it('filters by status, leniently spelled, and by several statuses', () => {
    expect(ids(['tracker.md', '--status', 'wip'])).toEqual(['TASK-101']);
    expect(ids(['tracker.md', '--status', 'in-progress,done'])).toEqual(['TASK-101', 'TASK-102']);
    expect(ids(['tracker.md', '--status', 'deferred'])).toEqual(['TASK-104']);
  });

  it('filters by kind, tag and assignee', () => {
    expect(ids(['backlog.md', '--kind', 'story'])).toEqual(['BAKE-001', 'BAKE-002', 'BAKE-003', 'BAKE-004', 'BAKE-005']);
    expect(ids(['backlog.md', '--kind', 'check'])).toHaveLength(9);
    expect(ids(['speckit.md', '--tag', 'P'])).toEqual(['T002', 'T003', 'T005', 'T007']);
    expect(ids(['speckit.md', '--tag', 'P', '--tag', 'US1'])).toEqual(['T007']);
    expect(ids(['tracker.md', '--assignee', 'web team'])).toEqual(['TASK-103', 'TASK-104']);
  });

  it('filters ready and blocked work', () => {
    expect(ids(['backlog.md', '--ready'])).toEqual(['BAKE-002', 'BAKE-005']);
    expect(ids(['backlog.md', '--blocked'])).toEqual(['BAKE-003', 'BAKE-004']);
    // T003 and T005 have no dependency; T004 waits only for T001, which is done.
    expect(ids(['speckit.md', '--ready'])).toEqual(['T003', 'T004', 'T005']);
  });

  it('lists only work items with --actionable: the phases roll up, the checks belong to their story', () => {
    expect(ids(['backlog.md'])).toEqual(['phase-1', 'BAKE-001', 'BAKE-002', 'phase-2', 'BAKE-003', 'BAKE-004', 'BAKE-005']);
    expect(ids(['backlog.md', '--actionable'])).toEqual(['BAKE-001', 'BAKE-002', 'BAKE-003', 'BAKE-004', 'BAKE-005']);
  });

  it('refuses an unknown status or kind, listing the valid ones', () => {
    expectUsageError(run(['items', 'backlog.md', '--status', 'finished-ish']), 'finished-ish', STATUS_LIST);
    expectUsageError(run(['items', 'backlog.md', '--kind', 'bug']), 'epic, phase, story, task, subtask, check');
  });

  it('says so when nothing matches', () => {
    const result = run(['items', 'backlog.md', '--status', 'review']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('No items match.');
    expect(json<ItemsDoc>(run(['items', 'backlog.md', '--status', 'review', '--json'])).items).toEqual([]);
  });
});

describe('show', () => {
  interface ShowDoc {
    schema: string;
    item: { id: string; kind: string; points: number; hours: number; priority: string; parent: { id: string } };
    fields: Array<{ label: string; value: string; line: number }>;
    checks: Array<{ title: string; status: string; checklist: string }>;
    dependsOn: Array<{ id: string }>;
    dependents: Array<{ id: string }>;
    critical: { actionable: boolean; onPath: boolean; position: number | null; slack: number | null; unit: string; waitsFor: string[]; unblocks: string[] };
  }

  it('prints every field, checks, dependencies both ways and the critical path', () => {
    const result = run(['show', 'backlog.md', 'BAKE-004']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('BAKE-004: Take card payments at checkout');
    expect(out).toMatch(/Effort\s+12 hours\s+line 46/);
    expect(out).toContain('Checks (0/2 done)');
    expect(out).toContain('[ ] Failed payments keep the basket');
    expect(out).toMatch(/Depends on\n {2}BAKE-002 {2}todo {2}Publish the product catalogue API\n {2}BAKE-003/);
    expect(out).toContain('on the critical path: step 3 of 3 (30 hours in all)');
  });

  it('gives the item in JSON with dependents and slack', () => {
    const doc = json<ShowDoc>(run(['show', 'backlog.md', 'BAKE-002', '--json']));
    expect(doc.schema).toBe('scrumdown/show@1');
    expect(doc.item).toMatchObject({ id: 'BAKE-002', kind: 'story', points: 5, hours: 10, priority: 'HIGH', parent: { id: 'phase-1' } });
    expect(doc.fields.map((field) => field.label)).toEqual(['Priority', 'Points', 'Effort', 'Dependencies']);
    expect(doc.checks.map((check) => check.checklist)).toEqual(['Acceptance Criteria', 'Acceptance Criteria']);
    expect(doc.dependsOn.map((dep) => dep.id)).toEqual(['BAKE-001']);
    expect(doc.dependents.map((dep) => dep.id)).toEqual(['BAKE-003', 'BAKE-004']);
    expect(doc.critical).toMatchObject({ actionable: true, onPath: true, position: 1, slack: 0, unit: 'hours', unblocks: ['BAKE-003', 'BAKE-004'] });
  });

  it('gives the slack of an item off the critical path', () => {
    // BAKE-005 (3 h) can start now and the path takes 30 h: it may slip 27 h.
    const doc = json<ShowDoc>(run(['show', 'backlog.md', 'BAKE-005', '--json']));
    expect(doc.critical).toMatchObject({ onPath: false, position: null, slack: 27, waitsFor: ['BAKE-001'] });
    expect(run(['show', 'backlog.md', 'BAKE-005']).stdout).toContain('not on the critical path; slack 27 hours');
  });

  it('explains that a parent is not scheduled itself', () => {
    const doc = json<ShowDoc>(run(['show', 'speckit.md', 'US1', '--json']));
    expect(doc.critical.actionable).toBe(false);
    expect(run(['show', 'speckit.md', 'US1']).stdout).toContain('it rolls up from its children');
  });

  it('refuses an unknown id and suggests the nearest', () => {
    expectUsageError(run(['show', 'backlog.md', 'BAKE-04']), "Unknown item 'BAKE-04'", 'BAKE-004');
    expectUsageError(run(['show', 'speckit.md', 't03']), 'T003');
  });
});

describe('next', () => {
  interface NextDoc {
    schema: string;
    items: Array<{ id: string; onCriticalPath: boolean; slack: number; reason: string }>;
    readyCount: number;
    concurrency: number | null;
  }

  it('ranks ready items, critical path first', () => {
    const result = run(['next', 'backlog.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Next 2 of 2 ready items');
    expect(result.stdout.indexOf('BAKE-002')).toBeLessThan(result.stdout.indexOf('BAKE-005'));
    expect(result.stdout).toContain('Critical path: 30 hours over 3 items (BAKE-002 → BAKE-003 → BAKE-004)');
  });

  it('prints JSON with the next schema and honours -n', () => {
    const doc = json<NextDoc>(run(['next', 'backlog.md', '--json']));
    expect(doc.schema).toBe('scrumdown/next@1');
    expect(doc.items.map((item) => [item.id, item.onCriticalPath, item.slack])).toEqual([
      ['BAKE-002', true, 0],
      ['BAKE-005', false, 27],
    ]);
    expect(json<NextDoc>(run(['next', 'backlog.md', '-n', '1', '--json'])).items.map((item) => item.id)).toEqual(['BAKE-002']);
  });

  it('picks K items that can run side by side', () => {
    const doc = json<NextDoc>(run(['next', 'speckit.md', '--concurrency', '2', '--json']));
    expect(doc.concurrency).toBe(2);
    expect(doc.readyCount).toBe(3);
    expect(doc.items).toHaveLength(2);
    expect(doc.items[0].id).toBe('T004');
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    expectUsageError(run(['next', 'backlog.md', '-n', '0']), '-n takes a whole number of at least 1');
    expectUsageError(run(['next', 'backlog.md', '--concurrency', 'two']), '--concurrency');
  });
});

describe('graph', () => {
  it('prints Mermaid with the critical path highlighted', () => {
    const result = run(['graph', 'backlog.md']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  BAKE_002["BAKE-002: Publish the product catalogue API"]');
    expect(lines).toContain('  BAKE_001 --> BAKE_002');
    expect(lines).toContain('  BAKE_002 --> BAKE_003');
    expect(lines).toContain('  class BAKE_002,BAKE_003,BAKE_004 critical');
  });

  it('prints Graphviz DOT', () => {
    const result = run(['graph', 'backlog.md', '--format', 'dot']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^digraph plan \{/);
    expect(result.stdout).toContain('"BAKE-003" -> "BAKE-004" [color="#d32f2f", penwidth=3];');
    expect(result.stdout).toContain('"BAKE-001" -> "BAKE-005";');
    expect(result.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('prints JSON with nodes, edges from dependency to dependent, and the critical path', () => {
    const doc = json<{ schema: string; nodes: Array<{ id: string; critical: boolean }>; edges: Array<{ from: string; to: string; critical: boolean }>; critical: { path: string[] } }>(
      run(['graph', 'backlog.md', '--format', 'json']),
    );
    expect(doc.schema).toBe('scrumdown/graph@1');
    expect(doc.nodes.map((node) => node.id)).toEqual(['BAKE-001', 'BAKE-002', 'BAKE-003', 'BAKE-004', 'BAKE-005']);
    expect(doc.edges).toContainEqual({ from: 'BAKE-002', to: 'BAKE-004', critical: false });
    expect(doc.edges).toContainEqual({ from: 'BAKE-003', to: 'BAKE-004', critical: true });
    expect(doc.critical.path).toEqual(['BAKE-002', 'BAKE-003', 'BAKE-004']);
    expect(run(['graph', 'backlog.md', '--json']).stdout).toBe(run(['graph', 'backlog.md', '--format', 'json']).stdout);
  });

  it('keeps only the critical path with --critical', () => {
    const doc = json<{ nodes: Array<{ id: string }>; edges: Array<{ from: string; to: string }> }>(run(['graph', 'backlog.md', '--critical', '--format', 'json']));
    expect(doc.nodes.map((node) => node.id)).toEqual(['BAKE-002', 'BAKE-003', 'BAKE-004']);
    expect(doc.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual(['BAKE-002>BAKE-003', 'BAKE-003>BAKE-004']);
    expect(run(['graph', 'backlog.md', '--critical']).stdout).not.toContain('BAKE_005');
  });

  it('refuses an unknown format', () => {
    expectUsageError(run(['graph', 'backlog.md', '--format', 'svg']), 'mermaid, dot, json');
  });
});

describe('lint', () => {
  interface LintDoc {
    schema: string;
    findings: Array<{ rule: string; severity: string; line: number; message: string; itemId?: string; expected?: number; actual?: number; file?: string }>;
  }

  it('exits 1 when there are errors and lists each finding', () => {
    const result = run(['lint', 'lint-errors.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^lint-errors\.md:5\s+error\s+cycle\s+Dependency cycle: SHOP-001 → SHOP-003 → SHOP-001/m);
    expect(result.stdout).toMatch(/^lint-errors\.md:3\s+warning\s+declared-total\s+/m);
    expect(result.stdout).toContain('1 error, 3 warnings, 0 info in lint-errors.md.');
  });

  it('exits 0 on a clean plan and on warnings only', () => {
    const clean = run(['lint', 'backlog.md']);
    expect(clean.code).toBe(0);
    expect(clean.stdout.trim()).toBe('No findings in backlog.md.');
    const warnings = run(['lint', 'speckit.md']);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain('warning');
  });

  it('prints JSON findings with rule, severity, line, message and the numbers', () => {
    const result = run(['lint', 'lint-errors.md', '--format', 'json']);
    expect(result.code).toBe(1);
    const doc = json<LintDoc>(result);
    expect(doc.schema).toBe('scrumdown/lint@1');
    for (const finding of doc.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['rule', 'severity', 'line', 'message']));
      expect(finding.file).toBeUndefined();
    }
    // The phase declares 10 points; its stories hold 3 + 2 + 3.
    expect(doc.findings).toContainEqual(expect.objectContaining({ rule: 'declared-total', line: 3, itemId: 'phase-1', expected: 10, actual: 8 }));
    expect(doc.findings).toContainEqual(expect.objectContaining({ rule: 'unknown-ref', line: 21, itemId: 'SHOP-002' }));
    expect(doc.findings.find((finding) => finding.rule === 'cycle')?.severity).toBe('error');
    expect(run(['lint', 'lint-errors.md', '--json']).stdout).toBe(result.stdout);
  });

  it('names the file of each finding when linting several', () => {
    const result = run(['lint', 'backlog.md', 'lint-errors.md', 'speckit.md', '--json']);
    expect(result.code).toBe(1);
    const doc = json<LintDoc>(result);
    expect(new Set(doc.findings.map((finding) => finding.file))).toEqual(new Set(['lint-errors.md', 'speckit.md']));
    const text = run(['lint', 'backlog.md', 'speckit.md']);
    expect(text.stdout).toMatch(/^speckit\.md:14\s+warning\s+no-acceptance/m);
    expect(text.stdout).toContain('in 2 files');
  });

  it('prints GitHub Actions workflow commands', () => {
    const result = run(['lint', 'lint-errors.md', '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=lint-errors\.md,line=\d+,title=scrumdown [a-z-]+::\S/);
    expect(lines).toContain(
      '::error file=lint-errors.md,line=5,title=scrumdown cycle::Dependency cycle: SHOP-001 → SHOP-003 → SHOP-001; none of these 2 items can start before another of them is done.',
    );
  });

  it('prints SARIF 2.1.0 with rules and results', () => {
    const result = run(['lint', 'lint-errors.md', '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = json<{
      version: string;
      $schema: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
      }>;
    }>(result);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe('scrumdown');
    const ruleIds = sarifRun.tool.driver.rules.map((rule) => rule.id);
    expect(ruleIds).toEqual(expect.arrayContaining(['cycle', 'declared-total', 'unknown-ref', 'dep-order']));
    expect(sarifRun.results).toHaveLength(4);
    for (const entry of sarifRun.results) {
      expect(ruleIds[entry.ruleIndex]).toBe(entry.ruleId);
      expect(['error', 'warning', 'note']).toContain(entry.level);
      expect(entry.locations[0].physicalLocation.artifactLocation.uri).toBe('lint-errors.md');
      expect(entry.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(sarifRun.results.find((entry) => entry.ruleId === 'cycle')?.level).toBe('error');
  });

  it('refuses an unknown format', () => {
    expectUsageError(run(['lint', 'backlog.md', '--format', 'xml']), 'text, json, github, sarif');
  });
});

describe('set', () => {
  it('flips one checkbox atomically, prints the diff and leaves no temp file', () => {
    const { dir, file } = copyFixture('speckit.md');
    chmodSync(file, 0o640);
    const before = readFileSync(file);
    const result = run(['set', file, 'T003', 'done']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`--- a/${file}\n+++ b/${file}\n@@ -4,7 +4,7 @@\n`);
    expect(result.stdout).toContain('\n-- [ ] T003 [P] Add a docker compose file for the local database\n+- [X] T003 [P] Add a docker compose file for the local database\n');
    expect(result.stdout).toContain(`Updated ${file}: T003 todo → done.`);

    const after = readFileSync(file);
    expect(after.length).toBe(before.length);
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    // Only the checkbox character, in the plan's own style (spec-kit writes [X]).
    expect(changed).toEqual([before.indexOf('- [ ] T003') + 3]);
    expect(String.fromCharCode(after[changed[0]])).toBe('X');
    expect(readdirSync(dir)).toEqual(['speckit.md']);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(json<{ items: Array<{ id: string; status: string }> }>(run(['items', file, '--json'])).items.find((item) => item.id === 'T003')?.status).toBe('done');
  });

  it('sets several items at once and reads the status leniently', () => {
    const { file } = copyFixture('tracker.md');
    const result = run(['set', file, 'TASK-103', 'TASK-104', 'In-Progress']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('TASK-103 todo → in_progress, TASK-104 deferred → in_progress');
    const statuses = json<{ items: Array<{ id: string; status: string }> }>(run(['items', file, '--json'])).items.map((item) => `${item.id}=${item.status}`);
    expect(statuses).toEqual(['TASK-101=in_progress', 'TASK-102=done', 'TASK-103=in_progress', 'TASK-104=in_progress']);
  });

  it('rewrites a status field and changes nothing else', () => {
    const { file } = copyFixture('tracker.md');
    const before = readFileSync(file, 'utf8');
    expect(run(['set', file, 'TASK-101', 'doing']).stdout).toContain('TASK-101 is already in_progress.');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const result = run(['set', file, 'TASK-101', 'done']);
    expect(result.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    expect(afterLines).toHaveLength(beforeLines.length);
    const differing = beforeLines.flatMap((line, i) => (line === afterLines[i] ? [] : [i + 1]));
    expect(differing).toEqual([6]);
    expect(afterLines[5]).toMatch(/^- \*\*Status\*\*: .*Done/);
  });

  it('keeps CRLF line endings and trailing spaces', () => {
    const { file } = copyFixture('crlf.md');
    const before = readFileSync(file);
    const result = run(['set', file, '1.1.2', 'done']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n-- [ ] Level the base  \n+- [x] Level the base  \n');
    const after = readFileSync(file);
    const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
    expect(changed).toEqual([before.indexOf('- [ ] Level') + 3]);
    expect(after.toString('latin1').split('\r\n')).toHaveLength(before.toString('latin1').split('\r\n').length);
  });

  it('prints the diff and writes nothing with --dry-run', () => {
    const { dir, file } = copyFixture('backlog.md');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const result = run(['set', file, 'BAKE-002', 'done', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+++ b/');
    expect(result.stdout).toMatch(/^-\*\*Priority:\*\* HIGH \| \*\*Points:\*\* 5 \| \*\*Effort:\*\* 10 hours$/m);
    expect(result.stdout).toMatch(/^\+.*Done/m);
    expect(result.stdout).toContain(`Dry run: ${file} not written (BAKE-002 todo → done).`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['backlog.md']);
  });

  it('refuses an unknown status, listing the valid ones, and writes nothing', () => {
    const { file } = copyFixture('speckit.md');
    const before = readFileSync(file);
    expectUsageError(run(['set', file, 'T003', 'finito']), 'Unknown status "finito"', STATUS_LIST, 'in-progress, doing or wip');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an unknown id with the nearest ids and writes nothing', () => {
    const { dir, file } = copyFixture('speckit.md');
    const before = readFileSync(file);
    expectUsageError(run(['set', file, 'T003', 'T013', 'done']), "Unknown item 'T013'", 'Did you mean', 'T003');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['speckit.md']);
  });

  it('needs at least one id and a status', () => {
    expectUsageError(run(['set', 'speckit.md', 'done']), 'at least one item ID and then a status');
  });
});

describe('sprint', () => {
  interface SprintDoc {
    schema: string;
    sprints: Array<{ name: string; committed: number; capacity: number; overCapacity: boolean; overBy: number; roles: Array<{ role: string; hours: number; capacity: number }> }>;
    velocity: { values: number[]; source: string; average: number };
    remainingPoints: number;
    forecast: { seed: number; p50: number; p85: number; p95: number };
  }

  it('prints sprints against capacity, hours per role, velocity and the forecast', () => {
    const result = run(['sprint', 'sprints.md', '--seed', '3']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/Sprint 1 \(Weeks 1-2\): Search\s+13 pts\s+15 pts\s+0 pts\s+13 pts/);
    expect(out).toMatch(/Sprint 2 \(Weeks 3-4\): Details and loans\s+26 pts\s+20 pts\s+0 pts\s+-\s+over by 6 pts/);
    expect(out).toMatch(/Backend Developer\s+20 h\s+of 80 h/);
    expect(out).toContain('Velocity: 12, 14, 13 pts (history), average 13, range 12-14');
    expect(out).toContain('Remaining: 47 points');
    expect(out).toContain('Forecast: P50 4 sprints, P85 4 sprints, P95 4 sprints');
    expect(out).toContain('seed 3');
  });

  it('prints JSON and a reproducible forecast with --seed', () => {
    const first = run(['sprint', 'sprints.md', '--seed', '42', '--json']);
    const doc = json<SprintDoc>(first);
    expect(doc.schema).toBe('scrumdown/sprint@1');
    expect(doc.sprints.map((sprint) => [sprint.committed, sprint.capacity, sprint.overCapacity, sprint.overBy])).toEqual([
      [13, 15, false, 0],
      [26, 20, true, 6],
    ]);
    expect(doc.velocity.values).toEqual([12, 14, 13]);
    expect(doc.remainingPoints).toBe(47);
    // 3 sprints give at most 42 points and 4 sprints at least 48: always exactly 4.
    expect([doc.forecast.p50, doc.forecast.p85, doc.forecast.p95]).toEqual([4, 4, 4]);
    expect(doc.forecast.seed).toBe(42);
    expect(run(['sprint', 'sprints.md', '--seed', '42', '--json']).stdout).toBe(first.stdout);
  });

  it('says when a plan has no sprints', () => {
    const result = run(['sprint', 'checklist.md', '--seed', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No sprints found');
  });

  it('refuses a seed that is not a whole number', () => {
    expectUsageError(run(['sprint', 'sprints.md', '--seed', '1.5']), '--seed');
  });
});

describe('colour', () => {
  const ESCAPE = '\u001b[';

  it('is off when stdout is not a terminal', () => {
    expect(run(['lint', 'lint-errors.md']).stdout).not.toContain(ESCAPE);
  });

  it('can be forced, and --no-color and NO_COLOR always win', () => {
    expect(run(['lint', 'lint-errors.md'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESCAPE);
    for (const command of [
      ['lint', 'lint-errors.md'],
      ['status', 'backlog.md'],
      ['items', 'backlog.md'],
      ['show', 'backlog.md', 'BAKE-004'],
      ['next', 'backlog.md'],
      ['sprint', 'sprints.md', '--seed', '1'],
    ]) {
      expect(run([...command, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESCAPE);
      expect(run(['--no-color', ...command], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESCAPE);
      expect(run(command, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESCAPE);
    }
  });

  it('never colours JSON', () => {
    expect(() => JSON.parse(run(['status', 'backlog.md', '--json'], { env: { FORCE_COLOR: '1' } }).stdout)).not.toThrow();
  });
});
