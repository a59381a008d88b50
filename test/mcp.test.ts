// End-to-end test of the MCP server: spawns the built CLI (`node dist/cli/main.js mcp --file …`)
// with the official SDK's client over stdio, lists the tools, calls every one on a copy of a
// fixture plan and checks the answers, the file on disk, and the errors an agent sees.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const fixtures = join(root, 'test', 'fixtures');

let scratch: string;
const open: Client[] = [];

beforeAll(() => {
  if (!existsSync(cli)) {
    spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
    if (!existsSync(cli)) throw new Error('Could not build the CLI');
  }
  scratch = mkdtempSync(join(tmpdir(), 'scrumdown-mcp-'));
});

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function copyFixture(name: string): string {
  const file = join(mkdtempSync(join(scratch, 'plan-')), name);
  copyFileSync(join(fixtures, name), file);
  return file;
}

async function connect(file: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--file', file], stderr: 'pipe', cwd: dirname(file) });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: 'scrumdown-test', version: '1.0.0' });
  await client.connect(transport);
  open.push(client);
  // With the tool list cached, the client checks every structured result against its output schema.
  await client.listTools();
  return { client, stderr: () => stderr };
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** Byte positions where two buffers differ (same length assumed). */
function differingBytes(before: Buffer, after: Buffer): number[] {
  expect(after.length).toBe(before.length);
  const positions: number[] = [];
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) positions.push(i);
  return positions;
}

describe('scrumdown mcp --file (stdio)', () => {
  it('lists the six plan tools, each with a description and an input schema', async () => {
    const { client } = await connect(copyFixture('spec-kit.md'));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_item', 'lint_plan', 'list_items', 'next_items', 'plan_status', 'set_status']);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(60);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
    const setStatus = tools.find((tool) => tool.name === 'set_status')!;
    expect(setStatus.inputSchema.required).toEqual(['ids', 'status']);
    const status = (setStatus.inputSchema.properties as Record<string, { enum?: string[] }>).status;
    expect(status.enum).toEqual(['todo', 'in_progress', 'review', 'done', 'blocked', 'deferred', 'cancelled']);
  });

  it('plan_status reports progress, ready work and findings', async () => {
    const { client } = await connect(copyFixture('spec-kit.md'));
    const result = await call(client, 'plan_status');
    expect(result.isError).toBeFalsy();
    const report = result.structuredContent as { title: string; overall: { items: Record<string, number> }; ready: number; findings: { warning: number } };
    expect(report.title).toBe('Tasks: Recipe Sharing Service');
    // T001 and T002 are ticked; T003…T011 are open.
    expect(report.overall.items.done).toBe(2);
    expect(report.overall.items.todo).toBe(9);
    expect(report.ready).toBe(1);
    expect(report.findings.warning).toBe(1);
    expect(text(result)).toContain('2/11 items done (18%)');
  });

  it('list_items filters like the CLI and returns rows with resolved dependencies', async () => {
    const { client } = await connect(copyFixture('spec-kit.md'));
    const all = await call(client, 'list_items');
    expect((all.structuredContent as { count: number }).count).toBe(15);

    const done = await call(client, 'list_items', { status: ['done'] });
    expect((done.structuredContent as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['T001', 'T002']);

    // Work items only: the 11 tasks, without the phases and stories they roll up into.
    const work = await call(client, 'list_items', { actionable: true });
    expect((work.structuredContent as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011']);

    const parallel = await call(client, 'list_items', { tag: ['P', 'US1'] });
    expect((parallel.structuredContent as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['T006', 'T007']);

    const stories = await call(client, 'list_items', { kind: ['story'], limit: 1 });
    const body = stories.structuredContent as { count: number; truncated: boolean; items: Array<{ id: string; deps: string[] }> };
    expect(body).toMatchObject({ count: 2, truncated: true });
    expect(body.items.map((item) => item.id)).toEqual(['US1']);
    expect(text(stories)).toContain('2 items match; the first 1:');

    const t008 = (all.structuredContent as { items: Array<{ id: string; deps: string[] }> }).items.find((item) => item.id === 'T008');
    expect(t008?.deps).toEqual(['T006', 'T007']);
  });

  it('get_item gives fields, dependencies both ways and the critical path', async () => {
    const { client } = await connect(copyFixture('backlog.md'));
    const result = await call(client, 'get_item', { id: 'BILL-002' });
    expect(result.isError).toBeFalsy();
    const details = result.structuredContent as {
      item: { id: string; points: number; priority: string };
      checks: Array<{ title: string; status: string }>;
      dependsOn: Array<{ id: string }>;
      dependents: Array<{ id: string }>;
    };
    expect(details.item).toMatchObject({ id: 'BILL-002', points: 5, priority: 'MEDIUM' });
    expect(details.checks.map((check) => check.status)).toEqual(['todo', 'todo']);
    expect(details.dependsOn.map((dep) => dep.id)).toEqual(['BILL-001']);
    expect(details.dependents.map((dep) => dep.id)).toContain('BILL-003');
    expect(text(result)).toContain('BILL-002 [todo] Account settings page');
    expect(text(result)).toContain('Depends on: BILL-001 [done]');
  });

  it('next_items ranks ready work and picks side-by-side items with concurrency', async () => {
    const { client } = await connect(copyFixture('spec-kit.md'));
    const next = await call(client, 'next_items');
    expect((next.structuredContent as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['T003']);

    // With T003, T004 and T005 done, T006, T007 and T009 are ready; T008 waits for T006 and T007.
    await call(client, 'set_status', { ids: ['T003', 'T004', 'T005'], status: 'done' });
    const pair = await call(client, 'next_items', { concurrency: 2 });
    const picked = (pair.structuredContent as { concurrency: number; items: Array<{ id: string }> });
    expect(picked.concurrency).toBe(2);
    expect(picked.items).toHaveLength(2);
    for (const item of picked.items) expect(['T006', 'T007', 'T009']).toContain(item.id);
    expect(text(pair)).toContain('that can run side by side');
  });

  it('set_status through MCP changes only the status bytes of the file', async () => {
    const file = copyFixture('spec-kit.md');
    const before = readFileSync(file);
    const { client } = await connect(file);
    const result = await call(client, 'set_status', { ids: ['T003', 'T006'], status: 'done' });
    expect(result.isError).toBeFalsy();
    const update = result.structuredContent as { written: boolean; changes: Array<{ id: string; from: string; to: string }>; diff: string };
    expect(update.written).toBe(true);
    expect(update.changes).toEqual([
      { id: 'T003', title: 'Add the container build file', line: 9, from: 'todo', to: 'done' },
      { id: 'T006', title: 'Recipe model in models/recipe.ts', line: 22, from: 'todo', to: 'done' },
    ]);
    expect(update.diff).toContain('+- [X] T003 [P] Add the container build file');

    const after = readFileSync(file);
    const changed = differingBytes(before, after);
    expect(changed).toHaveLength(2);
    // Each changed byte is the space inside a checkbox, now the plan's own done character.
    for (const position of changed) {
      expect(before.toString('latin1', position - 1, position + 2)).toBe('[ ]');
      expect(after.toString('latin1', position - 1, position + 2)).toBe('[X]');
    }

    const again = await call(client, 'set_status', { ids: ['T003'], status: 'done' });
    expect(text(again)).toContain('T003 is already done.');
    expect(readFileSync(file).equals(after)).toBe(true);
  });

  it('set_status rewrites only a status field value, and dry_run writes nothing', async () => {
    const file = copyFixture('tracker.md');
    const before = readFileSync(file, 'utf8');
    const { client } = await connect(file);
    const dry = await call(client, 'set_status', { ids: ['TASK-102'], status: 'in_progress', dry_run: true });
    expect((dry.structuredContent as { written: boolean; dryRun: boolean })).toMatchObject({ written: false, dryRun: true });
    expect(readFileSync(file, 'utf8')).toBe(before);

    await call(client, 'set_status', { ids: ['TASK-102'], status: 'in_progress' });
    const after = readFileSync(file, 'utf8');
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    expect(afterLines).toHaveLength(beforeLines.length);
    const changed = afterLines.flatMap((line, i) => (line === beforeLines[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    expect(beforeLines[changed[0]]).toMatch(/^- \*\*Status\*\*: .*Todo$/);
    expect(afterLines[changed[0]]).toMatch(/^- \*\*Status\*\*: .*In Progress$/);
  });

  it('lint_plan returns the findings with rule ids, lines and counts', async () => {
    const { client } = await connect(copyFixture('backlog.md'));
    const result = await call(client, 'lint_plan');
    const body = result.structuredContent as { counts: { error: number }; findings: Array<{ rule: string; line: number; message: string }> };
    // BILL-005 names BILL-099, which the plan does not have.
    const unknown = body.findings.find((finding) => finding.rule === 'unknown-ref');
    expect(unknown?.message).toContain('BILL-099');
    expect(text(result)).toMatch(/backlog\.md:\d+ \w+ unknown-ref/);
    const errors = await call(client, 'lint_plan', { min_severity: 'error' });
    const onlyErrors = errors.structuredContent as { count: number; findings: Array<{ severity: string }> };
    expect(onlyErrors.count).toBe(body.counts.error);
    for (const finding of onlyErrors.findings) expect(finding.severity).toBe('error');
  });

  it('an unknown id is a tool error naming the nearest ids, and nothing is written', async () => {
    const file = copyFixture('backlog.md');
    const before = readFileSync(file);
    const { client } = await connect(file);
    const missing = await call(client, 'get_item', { id: 'BILL-02' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^unknown_id: Unknown item 'BILL-02'/);
    expect(text(missing)).toContain('Did you mean: BILL-002');
    expect(text(missing)).toContain('call list_items');

    const set = await call(client, 'set_status', { ids: ['BILL-001', 'BIL-003'], status: 'done' });
    expect(set.isError).toBe(true);
    expect(text(set)).toContain('BILL-003');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('bad arguments are refused with the field named', async () => {
    const { client } = await connect(copyFixture('spec-kit.md'));
    const result = await call(client, 'set_status', { ids: [], status: 'finished' });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/ids|status/);
  });

  it('serves the plan Markdown as a resource, re-read after every change, and notifies subscribers', async () => {
    const file = copyFixture('spec-kit.md');
    const { client, stderr } = await connect(file);
    const uri = pathToFileURL(file).href;
    const { resources } = await client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri, mimeType: 'text/markdown' })]);
    const first = await client.readResource({ uri });
    expect(first.contents[0]).toMatchObject({ uri, text: readFileSync(file, 'utf8') });

    const updated = new Promise<string>((resolveUpdate) => {
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => resolveUpdate(notification.params.uri));
    });
    await client.subscribeResource({ uri });
    writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] T003', '- [x] T003'));
    expect(await updated).toBe(uri);
    const second = await client.readResource({ uri });
    expect((second.contents[0] as { text: string }).text).toContain('- [x] T003');
    const status = await call(client, 'plan_status');
    expect((status.structuredContent as { overall: { items: { done: number } } }).overall.items.done).toBe(3);
    expect(stderr()).toContain('serving');
  });
});

describe('scrumdown mcp: refusing to start', () => {
  it('a missing plan file is exit 2 with one message on stderr and nothing on stdout', () => {
    const result = spawnSync(process.execPath, [cli, 'mcp', '--file', join(scratch, 'nope.md')], { encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*nope\.md: no such file/);
  });

  it('no --file is a usage error', () => {
    const result = spawnSync(process.execPath, [cli, 'mcp'], { encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('scrumdown mcp --file');
  });
});
