// Backup and restore across both databases: SQLite → PostgreSQL → SQLite keeps every row of
// every table (bytes that are not UTF-8 included), identity numbering continues after a
// restore, a backup taken while writers run is one snapshot, and every damaged or unsuitable
// input is refused with nothing restored.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { backupDatabase, restoreDatabase } from '../../src/services/backup.js';
import { insertInChunks } from '../../src/store/batch.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/database.js';
import { listTables } from '../../src/store/introspect.js';
import type { Database } from '../../src/store/schema.js';
import { inTransaction } from '../../src/store/transaction.js';
import { createTestDatabase, describeEachDatabase, testDatabases } from '../support/databases.js';
import type { TestDatabase } from '../support/databases.js';
import { migrations } from '../../src/store/migrations/index.js';
import { runCli } from './cli-run.js';

const LATEST = Object.keys(migrations('sqlite')).pop()!;
import { T0, TABLES_IN_FK_ORDER, documentRow, historyRow, itemRow, projectRow, userRow } from './rows.js';

const dir = mkdtempSync(join(tmpdir(), 'scrumdown-test-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOT_UTF8 = Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a, 0x80, 0x00]);

/** Rows in every table: users, tokens, invites, two projects with members of each role, two
 * documents (one of bytes that are not UTF-8, one of 1 MB), 2,500 items, history with gaps in
 * its ids, and rate-limit counters. */
async function seedEverything(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.insertInto('users').values([userRow(1), userRow(2, { locked_until: '2026-11-01T09:15:00.000Z' }), userRow(3, { name: 'Zoë “quoted” \\ name', disabled_at: '2026-11-01T09:30:00.000Z' })]).execute();
  await db
    .insertInto('refresh_tokens')
    .values([
      { id: 'rt-1', user_id: 'user-1', family_id: 'fam-1', token_hash: 'hash-a', created_at: T0, expires_at: '2026-12-01T00:00:00.000Z', used_at: T0, revoked_at: null },
      { id: 'rt-2', user_id: 'user-1', family_id: 'fam-1', token_hash: 'hash-b', created_at: T0, expires_at: '2026-12-01T00:00:00.000Z', used_at: null, revoked_at: null },
    ])
    .execute();
  await db
    .insertInto('api_tokens')
    .values({ id: 'at-1', user_id: 'user-2', name: 'laptop', prefix: 'sd_12ab', token_hash: 'hash-c', created_at: T0, last_used_at: T0, expires_at: null, revoked_at: null })
    .execute();
  await db.insertInto('invites').values({ id: 'inv-1', email: 'new@example.test', token_hash: 'hash-d', created_by: 'user-1', created_at: T0, expires_at: '2026-11-08T09:00:00.000Z', used_at: null, revoked_at: '2026-11-02T09:00:00.000Z' }).execute();
  await db.insertInto('projects').values([projectRow(1), projectRow(2, { description: '' })]).execute();
  await db
    .insertInto('project_members')
    .values([
      { project_id: 'project-1', user_id: 'user-1', role: 'owner', created_at: T0 },
      { project_id: 'project-1', user_id: 'user-2', role: 'member', created_at: T0 },
      { project_id: 'project-1', user_id: 'user-3', role: 'viewer', created_at: T0 },
      { project_id: 'project-2', user_id: 'user-2', role: 'owner', created_at: T0 },
    ])
    .execute();
  const big = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < big.length; i += 1) big[i] = (i * 7919) % 251;
  await db.insertInto('documents').values([documentRow(1, { content: NOT_UTF8, version: 7 }), documentRow(2, { project_id: 'project-2', content: big })]).execute();
  const items = Array.from({ length: 2500 }, (_, i) =>
    itemRow(i + 1, {
      document_id: i % 5 === 0 ? 'doc-2' : 'doc-1',
      project_id: i % 5 === 0 ? 'project-2' : 'project-1',
      parent_id: i > 0 && i % 10 !== 0 ? itemRow(i - (i % 10) + 1).item_id : null,
      status: ['todo', 'in_progress', 'done', 'blocked'][i % 4]!,
      assignee: i % 3 === 0 ? null : `dev${i % 3}`,
      points: i % 7 === 0 ? null : (i % 8) + 0.5,
      hours: i % 2 === 0 ? 1.25 : null,
      priority: i % 4 === 0 ? 'P1' : null,
      tags: JSON.stringify(i % 2 ? ['ui', 'ü'] : []),
      section: i % 6 === 0 ? null : `Section ${i % 6}`,
      data: JSON.stringify({ id: i, note: 'tab\there, newline\nthere, "quotes", \u0001' }),
    }),
  );
  await insertInChunks(db, dialect, 'items', items);
  await insertInChunks(
    db,
    dialect,
    'item_history',
    Array.from({ length: 1500 }, (_, i) => historyRow(i, { item_id: itemRow((i % 2500) + 2).item_id, user_id: i % 9 === 0 ? null : 'user-2', from_value: i % 5 ? 'todo' : null })),
  );
  // Gaps in the identity numbering must survive.
  await db.deleteFrom('item_history').where('id', 'in', [3, 4, 5, 1000]).execute();
  await db.insertInto('rate_limits').values([{ key: 'login:10.0.0.1', window_start: 1_795_323_060_000, count: 4 }, { key: 'client:tok', window_start: 1_795_323_000_000, count: 999 }]).execute();
  await db
    .insertInto('sprints')
    .values({ id: 'sprint-1', project_id: 'project-1', number: 1, name: 'Sprint 1', goal: 'Loans', start_date: '2026-11-02', end_date: '2026-11-13', working_days: '[1,2,3,4,5]', state: 'active', capacity_points: 20, committed_points: 7.5, committed_items: 2, started_at: T0, closed_at: null, close_report: null, source: 'api', created_by: 'user-1', created_at: T0, updated_at: T0 })
    .execute();
  await db.insertInto('sprint_items').values({ sprint_id: 'sprint-1', project_id: 'project-1', document_id: 'doc-1', item_id: 'T00002', added_at: T0, added_by: 'user-1', removed_at: null, removed_by: null, committed: 1, points_at_start: 2.5, status_at_start: 'todo' }).execute();
  await db.insertInto('sprint_capacity').values({ sprint_id: 'sprint-1', key: 'member:user-2', user_id: 'user-2', role: 'Backend', hours_per_day: 6, days_off: '["2026-11-06"]', hours: null }).execute();
  await db
    .insertInto('standups')
    .values({ id: 'standup-1', project_id: 'project-1', user_id: 'user-2', day: '2026-11-03', done: 'Loans', next: 'Returns', blockers: 'Waiting on the API key', mood: 4, items: '["T00002"]', blocker_resolved_at: null, blocker_resolved_by: null, created_at: T0, updated_at: T0 })
    .execute();
  await db.insertInto('sign_in_failures').values([{ user_id: 'user-2', at: T0 }, { user_id: 'user-2', at: '2026-11-01T09:01:00.000Z' }]).execute();
  await db.insertInto('digest_runs').values({ project_id: 'project-1', day: '2026-11-03', status: 'sent', attempts: 2, claimed_at: T0, sent_at: T0, error: null }).execute();
}

function normalise(value: unknown): unknown {
  return value instanceof Uint8Array ? `bytes:${Buffer.from(value).toString('base64')}` : value;
}

/** Every row of every table, values normalised, rows sorted: comparable across dialects. */
async function everyRow(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(handle.db, handle.dialect)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(handle.db);
    out[table.name] = rows.rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.keys(row).sort().map((column) => [column, normalise(row[column])]))))
      .sort();
  }
  return out;
}

const postgresCase = testDatabases().find((testCase) => testCase.kind === 'postgres')!;

describe.skipIf(postgresCase.skipReason !== undefined)('backup and restore: SQLite → PostgreSQL → SQLite', () => {
  let source: TestDatabase;
  let postgres: TestDatabase;
  let back: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase('sqlite');
    postgres = await createTestDatabase('postgres');
    back = await createTestDatabase('sqlite', { migrate: false });
    await seedEverything(source.handle.db, 'sqlite');
  });
  afterAll(async () => {
    await source?.drop();
    await postgres?.drop();
    await back?.drop();
  });

  it('keeps every row of every table, byte for byte', async () => {
    const original = await everyRow(source.handle);
    expect(Object.keys(original).sort()).toEqual([...TABLES_IN_FK_ORDER].sort());
    for (const table of TABLES_IN_FK_ORDER) expect(original[table]!.length, table).toBeGreaterThan(0);
    expect(original.items).toHaveLength(2500);
    expect(original.item_history).toHaveLength(1496);

    const first = join(dir, 'from-sqlite.jsonl');
    const taken = await backupDatabase(source.handle, first, new Date('2026-11-22T05:00:00.000Z'));
    expect(taken.rows).toBe(original.users!.length + 2 + 1 + 1 + 2 + 4 + 2 + 2500 + 1496 + 2 + 4 + 2 + 1);
    const header = JSON.parse(readFileSync(first, 'utf8').split('\n')[0]!) as Record<string, unknown>;
    expect(header).toEqual({
      format: 'scrumdown-backup',
      version: 1,
      schemaVersion: LATEST,
      createdAt: '2026-11-22T05:00:00.000Z',
      source: 'sqlite',
      tables: ['rate_limits', 'users', 'api_tokens', 'invites', 'projects', 'refresh_tokens', 'sign_in_failures', 'digest_runs', 'documents', 'project_members', 'sprints', 'standups', 'item_history', 'items', 'sprint_capacity', 'sprint_items'],
    });

    const intoPostgres = await restoreDatabase(postgres.handle, first);
    expect(intoPostgres.rows).toBe(taken.rows);
    expect(await everyRow(postgres.handle)).toEqual(original);

    const second = join(dir, 'from-postgres.jsonl');
    await backupDatabase(postgres.handle, second);
    // An unmigrated database is brought to the backup's schema by restore itself.
    const intoSqlite = await restoreDatabase(back.handle, second);
    expect(intoSqlite.source).toBe('postgres');
    expect(await everyRow(back.handle)).toEqual(original);

    const document = await back.handle.db.selectFrom('documents').select('content').where('id', '=', 'doc-1').executeTakeFirstOrThrow();
    expect(Buffer.from(document.content).equals(NOT_UTF8)).toBe(true);
  });

  it('identity numbering continues after the largest restored id on PostgreSQL', async () => {
    const [row] = await postgres.handle.db.insertInto('item_history').values(historyRow(1)).returning('id').execute();
    const max = await sql<{ id: number }>`select max(id) as id from item_history where id < ${row!.id}`.execute(postgres.handle.db);
    expect(row!.id).toBe(max.rows[0]!.id + 1);
    expect(row!.id).toBe(1501);
  });

  it('the CLI does the same move, and prints what it did', async () => {
    const file = join(dir, 'cli.jsonl');
    const target = await createTestDatabase('postgres', { migrate: false });
    try {
      const backup = await runCli(['backup', '--out', file, '--db', source.url]);
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout.split('\n')[0]).toBe(`Backed up ${source.url} (schema ${LATEST}) to ${file}`);
      expect(backup.stdout).toMatch(/^ {2}4020 rows in 16 tables, [\d.]+ MB in [\d.]+ s$/m);
      expect(backup.stdout).toMatch(/^ {2}items {18}2500$/m);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const restore = await runCli(['restore', file, '--json'], { env: { SCRUMDOWN_DATABASE_URL: target.url } });
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      const body = JSON.parse(restore.stdout) as { schema: string; rows: number; source: string; migratedAfter: string[] };
      expect(body).toMatchObject({ schema: 'scrumdown/restore@1', rows: 4020, source: 'sqlite', migratedAfter: [] });
      expect(await everyRow(target.handle)).toEqual(await everyRow(source.handle));
    } finally {
      await target.drop();
    }
  });
});

describeEachDatabase('backup while writers go on', (getHandle, suite) => {
  it('is one snapshot: pairs written in one transaction are both in it or both not', async () => {
    const handle = getHandle();
    await handle.db.insertInto('users').values(userRow(1)).execute();
    await handle.db.insertInto('projects').values(projectRow(1)).execute();
    await handle.db.insertInto('documents').values(documentRow(1)).execute();
    await insertInChunks(handle.db, handle.dialect, 'items', Array.from({ length: 3000 }, (_, i) => itemRow(i + 1)));
    // Another connection, as the running server would be: each write adds an item and its history.
    const writer = openDatabase(suite.url());
    let stop = false;
    let written = 0;
    const writing = (async () => {
      while (!stop) {
        written += 1;
        const n = 100_000 + written;
        await inTransaction(writer, async (trx) => {
          await trx.insertInto('items').values(itemRow(n)).execute();
          await trx.insertInto('item_history').values(historyRow(n, { item_id: itemRow(n).item_id })).execute();
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const file = join(dir, `online-${suite.kind}.jsonl`);
      const summary = await backupDatabase(handle, file);
      stop = true;
      await writing;
      const byTable = Object.fromEntries(summary.tables.map((table) => [table.table, table.rows]));
      expect(byTable.items! - 3000).toBe(byTable.item_history);
      expect(written).toBeGreaterThan(0);
      const restored = await suite.fresh({ migrate: false });
      const loaded = await restoreDatabase(restored.handle, file);
      expect(loaded.rows).toBe(summary.rows);
    } finally {
      stop = true;
      await writing;
      await writer.close();
    }
  });
});

describeEachDatabase('restore refuses', (getHandle, suite) => {
  let good: string;
  let lines: string[];
  beforeAll(async () => {
    const handle = getHandle();
    await handle.db.insertInto('users').values([userRow(1), userRow(2)]).execute();
    await handle.db.insertInto('projects').values(projectRow(1)).execute();
    await handle.db.insertInto('documents').values(documentRow(1, { content: NOT_UTF8 })).execute();
    good = join(dir, `good-${suite.kind}.jsonl`);
    await backupDatabase(handle, good);
    lines = readFileSync(good, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
  });

  async function refusal(content: string | undefined, pattern: RegExp, target?: TestDatabase): Promise<void> {
    const file = content === undefined ? good : join(dir, `bad-${suite.kind}-${Math.random().toString(36).slice(2)}.jsonl`);
    if (content !== undefined) writeFileSync(file, content);
    const database = target ?? (await suite.fresh());
    await expect(restoreDatabase(database.handle, file)).rejects.toThrow(pattern);
    for (const table of TABLES_IN_FK_ORDER) {
      expect(await database.handle.db.selectFrom(table).selectAll().execute(), table).toEqual(table === 'users' && target ? [expect.anything(), expect.anything()] : []);
    }
  }

  const edit = (index: number, replacement: string): string => lines.map((line, i) => (i === index ? replacement : line)).join('\n');

  it('a database that is not empty', async () => {
    const database = await suite.fresh();
    await database.handle.db.insertInto('users').values([userRow(8), userRow(9)]).execute();
    await refusal(undefined, /^The database .* is not empty \(table users has rows\)\. Restore only into an empty database/, database);
  });

  it('a backup from a newer schema', async () => {
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    await refusal(edit(0, JSON.stringify({ ...header, schemaVersion: '042-from-the-future' })), new RegExp(`is from schema 042-from-the-future, which this scrumdown does not know \\(its latest is ${LATEST}\\)`));
  });

  it('a newer format version', async () => {
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    await refusal(edit(0, JSON.stringify({ ...header, version: 2 })), /has format version 2, newer than this scrumdown reads \(1\)/);
  });

  it('a file that is not a backup', async () => {
    await refusal('# Plan\n- [ ] T1\n', /is not a scrumdown backup: its first line is not JSON/);
    await refusal('{"hello":"world"}\n', /is not a scrumdown backup: its first line has no "format"/);
    await refusal('', /is empty: it is not a scrumdown backup/);
  });

  it('a corrupt line, naming its number', async () => {
    await refusal(edit(2, lines[2]!.slice(0, 20)), /damaged at line 3: the line is not JSON\. Nothing was restored\./);
    await refusal(edit(3, '[1,2]'), /damaged at line 4: the line is not a JSON object/);
    await refusal(edit(2, '{"table":"secrets","row":{}}'), /damaged at line 3: table secrets is not listed in the header/);
    await refusal(edit(2, lines[2]!.replace('"email"', '"e_mail"')), /damaged at line 3: table users has no column e_mail/);
    const documentLine = lines.findIndex((line) => line.includes('"table":"documents"'));
    await refusal(edit(documentLine, lines[documentLine]!.replace(/"\$base64":"[^"]*"/, '"$base64":"not base64!"')), new RegExp(`damaged at line ${documentLine + 1}: column content has bytes that are not base64`));
  });

  it('rows out of the header order', async () => {
    const documentLine = lines.findIndex((line) => line.includes('"table":"documents"'));
    const swapped = [...lines];
    // The last user (no project refers to it), moved after the documents.
    const userLine = swapped.findLastIndex((line) => line.includes('"table":"users"'));
    const [moved] = swapped.splice(userLine, 1);
    swapped.splice(documentLine, 0, moved!);
    expect(swapped[documentLine - 1]).toContain('"table":"documents"');
    await refusal(swapped.join('\n'), /damaged at line \d+: a row of users after rows of /);
  });

  it('a truncated file, and counts that do not add up', async () => {
    const end = lines.length - 2;
    await refusal(lines.slice(0, end).join('\n') + '\n', new RegExp(`damaged at line ${end}: the file stops here, before its end line: it is truncated`));
    await refusal(edit(end, lines[end]!.replace('"users":2', '"users":3')), new RegExp(`damaged at line ${end + 1}: the end line counts 3 rows of users, the file has 2`));
    await refusal([...lines.slice(0, end + 1), '{"table":"users","row":{}}', ''].join('\n'), new RegExp(`damaged at line ${end + 2}: there is more after the end line`));
  });

  it('a missing file, through the CLI, in one line with exit 2', async () => {
    const database = await suite.fresh();
    const run = await runCli(['restore', join(dir, 'nope.jsonl'), '--db', database.url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: The backup ${join(dir, 'nope.jsonl')} does not exist.\n`);
    const corrupt = join(dir, `cli-corrupt-${suite.kind}.jsonl`);
    writeFileSync(corrupt, edit(3, '{oops'));
    const bad = await runCli(['restore', corrupt, '--db', database.url]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`error: The backup ${corrupt} is damaged at line 4: the line is not JSON. Nothing was restored.\n`);
  });
});

describe('backup refuses', () => {
  it('a directory that does not exist, or a directory as the file, leaving nothing behind', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      await expect(backupDatabase(database.handle, join(dir, 'missing', 'b.jsonl'))).rejects.toThrow(/the directory .*missing does not exist\. Create it first\./);
      await expect(backupDatabase(database.handle, dir)).rejects.toThrow(/it is a directory\. Name a file/);
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(dir, 'missing'))).toBe(false);
    } finally {
      await database.drop();
    }
  });

  it('a database with no schema', async () => {
    const database = await createTestDatabase('sqlite', { migrate: false });
    try {
      await expect(backupDatabase(database.handle, join(dir, 'empty.jsonl'))).rejects.toThrow(/has no schema yet: there is nothing to back up/);
      expect(existsSync(join(dir, 'empty.jsonl'))).toBe(false);
    } finally {
      await database.drop();
    }
  });
});
