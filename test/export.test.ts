// `scrumdown export`: the Jira CSV parsed back with a standard CSV parser (csv-parse) must give
// one row per item with the values worked out by hand from the fixture, in the order Jira's
// importer needs (epics, then standard issues, then sub-tasks); the JSON holds the same items.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const plan = join(root, 'test', 'fixtures', 'convert', 'export-plan.md');

let scratch: string;

beforeAll(() => {
  if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  scratch = mkdtempSync(join(tmpdir(), 'scrumdown-export-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scrumdown export --format csv (Jira)', () => {
  it('one row per item, epics first, with Jira field values', () => {
    const result = run(['export', plan]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // RFC 4180: records end in CRLF; no byte order mark before the header.
    expect(result.stdout.startsWith('Issue Id,')).toBe(true);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const records = parse(result.stdout, { relax_column_count: false }) as string[][];
    const [header, ...rows] = records;
    expect(header).toEqual([
      'Issue Id',
      'Issue Type',
      'Summary',
      'Status',
      'Resolution',
      'Priority',
      'Story Points',
      'Assignee',
      'Labels',
      'Labels',
      'Epic Name',
      'Epic Link',
      'Parent',
      'Parent Id',
      'Inward issue link (Blocks)',
      'Inward issue link (Blocks)',
      'Description',
    ]);
    // Nine items, two of them checks: seven issues.
    expect(rows).toHaveLength(7);
    const table = rows.map((row) => row.slice(0, 16));
    expect(table).toEqual([
      ['1', 'Epic', 'Tickets', 'In Progress', '', '', '', '', '', '', 'Tickets', '', '', '', '', ''],
      ['2', 'Task', 'Buy a ticket, "single" or return', 'Done', 'Done', 'Highest', '5', 'ana', 'payments', 'mobile-web', '', 'Tickets', '1', '', '', ''],
      ['3', 'Story', 'Show tickets offline', 'In Progress', '', 'Low', '3', '', '', '', '', 'Tickets', '1', '', '2', '7'],
      ['4', 'Task', 'Season passes', 'Backlog', '', 'Medium', '', '', '', '', '', '', '', '', '3', ''],
      ['5', 'Sub-task', 'Price table', 'Done', 'Done', '', '2', '', '', '', '', 'Tickets', '2', '2', '', ''],
      // Jira has one level of sub-tasks: TASK-1.1.1 hangs from TASK-1, the standard issue above it.
      ['6', 'Sub-task', 'Weekend prices', 'Blocked', '', '', '', '', '', '', '', 'Tickets', '2', '2', '', ''],
      ['7', 'Sub-task', 'Ticket QR code', 'In Review', '', '', '', '', '', '', '', 'Tickets', '2', '2', '5', ''],
    ]);
    const description = rows[1][16];
    expect(description).toContain('Plan id: TASK-1\n');
    expect(description).toContain('- [x] Card payment works\n- [ ] Receipt is emailed');
    // The summary with a comma and quotes was quoted and its quotes doubled.
    expect(result.stdout).toContain('"Buy a ticket, ""single"" or return"');
  });

  it('writes --out atomically and refuses to replace it without --force', () => {
    const out = join(scratch, 'jira.csv');
    const first = run(['export', plan, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Wrote 7 items from ${plan} as CSV to ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toBe(run(['export', plan]).stdout);
    const again = run(['export', plan, '--out', out, '--format', 'json']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8').startsWith('Issue Id,')).toBe(true);
  });
});

describe('scrumdown export --format json', () => {
  it('the items with their fields, dependencies and checks', () => {
    const result = run(['export', plan, '--format', 'json']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { schema: string; count: number; items: Array<{ id: string; status: string; deps: string[]; parent: string | null; checks: { done: number; total: number } }> };
    expect(body.schema).toBe('scrumdown/export@1');
    expect(body.count).toBe(7);
    expect(body.items.map((item) => item.id)).toEqual(['EPIC-1', 'TASK-1', 'TASK-1.1', 'TASK-1.1.1', 'TASK-1.2', 'US-3', 'TASK-9']);
    expect(body.items[1]).toMatchObject({ status: 'done', parent: 'EPIC-1', checks: { done: 1, total: 2 } });
    expect(body.items[5]).toMatchObject({ deps: ['TASK-1', 'TASK-1.2'] });
  });

  it('an unknown format and a missing plan are usage errors', () => {
    const bad = run(['export', plan, '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: Unknown export format "xlsx". Use one of: csv, json.\n');
    const missing = run(['export', join(scratch, 'missing.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

// Real plans written by other teams (../shared/corpus); skipped where the corpus is not present.
const corpusDir = join(root, '..', 'shared', 'corpus');
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => name.endsWith('.txt')) : [];

describe.skipIf(corpus.length === 0)('scrumdown export on real plans', () => {
  it.each(corpus)('%s: one well-formed row per item, parents and links pointing at rows Jira accepts', (name) => {
    const file = join(corpusDir, name);
    const result = run(['export', file]);
    expect(result.code).toBe(0);
    const [header, ...rows] = parse(result.stdout) as string[][];
    const items = buildPlan(readFileSync(file, 'utf8')).items.filter((item) => item.kind !== 'check');
    expect(rows).toHaveLength(items.length);
    const column = (title: string) => header.indexOf(title);
    const links = header.flatMap((title, i) => (title === 'Inward issue link (Blocks)' ? [i] : []));
    const typeById = new Map(rows.map((row) => [row[column('Issue Id')], row[column('Issue Type')]]));
    expect(typeById.size).toBe(rows.length);
    const level: Record<string, number> = { Epic: 0, Story: 1, Task: 1, 'Sub-task': 2 };
    let previous = 0;
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      const type = row[column('Issue Type')];
      // Epics first, then standard issues, then sub-tasks.
      expect(level[type]).toBeGreaterThanOrEqual(previous);
      previous = level[type];
      const parent = row[column('Parent')];
      if (type === 'Epic') expect(parent).toBe('');
      if (type === 'Sub-task') expect(['Story', 'Task']).toContain(typeById.get(parent));
      if (type === 'Story' || type === 'Task') expect(parent === '' || typeById.get(parent) === 'Epic').toBe(true);
      for (const i of links) if (row[i] !== '') expect(typeById.has(row[i])).toBe(true);
    }
  });
});
