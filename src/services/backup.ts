// Backup and restore of the team server's database in one portable file, so a backup of either
// database restores into either (SQLite → PostgreSQL is a backup and a restore).
//
// The file is JSON lines: a header, one line per row, and an end line with the row count of
// every table, so a truncated file is told apart from a complete one:
//   {"format":"scrumdown-backup","version":1,"schemaVersion":"001-initial","createdAt":"…","source":"sqlite","tables":["users",…]}
//   {"table":"users","row":{"id":"…","email":"…",…}}
//   {"table":"documents","row":{…,"content":{"$base64":"…"}}}
//   {"end":true,"rows":{"users":3,…}}
// Tables come parents first (foreign keys), rows in primary key order; bytes are base64.

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import { ScrumdownError } from '../errors.js';
import { insertInChunks, rowsPerStatement } from '../store/batch.js';
import { databaseFailure, migrateTo, migrateToLatest, migrationList } from '../store/database.js';
import type { DatabaseHandle, DialectName } from '../store/database.js';
import { listTables } from '../store/introspect.js';
import type { TableInfo } from '../store/introspect.js';
import { migrations } from '../store/migrations/index.js';
import type { Database } from '../store/schema.js';
import { inTransaction } from '../store/transaction.js';

export const BACKUP_FORMAT = 'scrumdown-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The last migration the backed-up database had run. */
  schemaVersion: string;
  createdAt: string;
  source: DialectName;
  tables: string[];
}

export interface TableCount {
  table: string;
  rows: number;
}

export interface BackupSummary {
  file: string;
  database: string;
  schemaVersion: string;
  tables: TableCount[];
  rows: number;
  bytes: number;
}

export interface RestoreSummary {
  file: string;
  database: string;
  schemaVersion: string;
  createdAt: string;
  source: DialectName;
  tables: TableCount[];
  rows: number;
  /** Migrations run after loading, to bring an older backup up to this scrumdown's schema. */
  migratedAfter: string[];
}

type Row = Record<string, unknown>;
type Value = string | number | null | Uint8Array | Record<string, unknown> | unknown[] | boolean;

// Rows read per query while backing up: bounded memory for any table size.
const PAGE = 1000;
// Output is gathered into writes of about this size.
const FLUSH_BYTES = 1 << 20;

// ---- values -----------------------------------------------------------------------------------

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function encodeRow(row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) out[column] = encodeValue(value);
  return out;
}

function isBase64Wrapper(value: unknown): value is { $base64: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$base64' && typeof (value as { $base64: unknown }).$base64 === 'string';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// ---- backup -----------------------------------------------------------------------------------

/** Rows of `table` in primary key order, `PAGE` at a time (keyset pagination, one snapshot). */
async function* readTable(db: Kysely<Database>, table: TableInfo): AsyncGenerator<Row> {
  const from = sql.table(table.name);
  if (table.primaryKey.length === 0) {
    const order = sql.join(table.columns.map((column) => sql.ref(column)));
    for (let offset = 0; ; offset += PAGE) {
      const page = await sql<Row>`select * from ${from} order by ${order} limit ${PAGE} offset ${offset}`.execute(db);
      yield* page.rows;
      if (page.rows.length < PAGE) return;
    }
  }
  const key = sql.join(table.primaryKey.map((column) => sql.ref(column)));
  let after: unknown[] | undefined;
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`where (${key}) > (${sql.join(after)})` : sql``;
    const page = await sql<Row>`select * from ${from} ${where} order by ${key} limit ${PAGE}`.execute(db);
    yield* page.rows;
    if (page.rows.length < PAGE) return;
    const last = page.rows[page.rows.length - 1]!;
    after = table.primaryKey.map((column) => last[column]);
  }
}

/** The last migration this database has run. */
async function schemaVersionOf(handle: DatabaseHandle): Promise<string | undefined> {
  const list = await migrationList(handle);
  return list.filter((migration) => migration.executedAt !== undefined).at(-1)?.name;
}

class AtomicFile {
  private buffer: string[] = [];
  private buffered = 0;
  bytes = 0;

  private constructor(
    readonly target: string,
    readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const target = resolve(path);
    const dir = dirname(target);
    try {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    } catch (error) {
      throw new ScrumdownError('io_error', `Cannot write the backup ${path}: the directory ${dir} does not exist. Create it first.`, {
        path,
        cause: (error as NodeJS.ErrnoException).code,
      });
    }
    if ((await stat(target).catch(() => undefined))?.isDirectory()) {
      throw new ScrumdownError('io_error', `Cannot write the backup ${path}: it is a directory. Name a file, e.g. ${join(path, 'scrumdown.backup.jsonl')}.`, { path });
    }
    const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      // 0600: the backup holds password and token hashes.
      return new AtomicFile(target, temp, await open(temp, 'wx', 0o600));
    } catch (error) {
      throw new ScrumdownError('io_error', `Cannot write the backup ${path}: ${(error as Error).message}.`, { path });
    }
  }

  async line(value: unknown): Promise<void> {
    const text = JSON.stringify(value) + '\n';
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(chunk);
    this.bytes += chunk.length;
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.target);
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/**
 * Writes every table of the database to `path` from one read snapshot (SQLite: a deferred read
 * transaction; PostgreSQL: REPEATABLE READ READ ONLY), so writers can go on meanwhile and the
 * file is consistent. The file appears only when complete (written beside it, then renamed).
 */
export async function backupDatabase(handle: DatabaseHandle, path: string, createdAt: Date = new Date()): Promise<BackupSummary> {
  const schemaVersion = await schemaVersionOf(handle);
  if (schemaVersion === undefined) {
    throw new ScrumdownError('validation_failed', `The database ${handle.display} has no schema yet: there is nothing to back up. Run "scrumdown migrate" first if it should.`, {
      database: handle.display,
    });
  }
  const file = await AtomicFile.create(path);
  try {
    const counts = await inTransaction(
      handle,
      async (trx) => {
        const tables = await listTables(trx, handle.dialect);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          schemaVersion,
          createdAt: createdAt.toISOString(),
          source: handle.dialect,
          tables: tables.map((table) => table.name),
        };
        await file.line(header);
        const rows: Record<string, number> = {};
        for (const table of tables) {
          let count = 0;
          for await (const row of readTable(trx, table)) {
            await file.line({ table: table.name, row: encodeRow(row) });
            count += 1;
          }
          rows[table.name] = count;
        }
        await file.line({ end: true, rows });
        return rows;
      },
      { readOnly: true },
    );
    await file.commit();
    const tables = Object.entries(counts).map(([table, rows]) => ({ table, rows }));
    return {
      file: path,
      database: handle.display,
      schemaVersion,
      tables,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
      bytes: file.bytes,
    };
  } catch (error) {
    await file.abandon();
    if (error instanceof ScrumdownError) throw error;
    throw databaseFailure(handle.display, error, 'back up');
  }
}

// ---- restore ----------------------------------------------------------------------------------

function corrupt(path: string, line: number, problem: string): ScrumdownError {
  return new ScrumdownError('validation_failed', `The backup ${path} is damaged at line ${line}: ${problem}. Nothing was restored.`, { path, line });
}

function readHeader(path: string, text: string | undefined): BackupHeader {
  if (text === undefined || text.trim() === '') {
    throw new ScrumdownError('unsupported_format', `The file ${path} is empty: it is not a scrumdown backup.`, { path });
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    throw new ScrumdownError('unsupported_format', `The file ${path} is not a scrumdown backup: its first line is not JSON.`, { path, line: 1 });
  }
  const candidate = header as Partial<BackupHeader> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.format !== BACKUP_FORMAT) {
    throw new ScrumdownError('unsupported_format', `The file ${path} is not a scrumdown backup: its first line has no "format": "${BACKUP_FORMAT}".`, { path, line: 1 });
  }
  if (typeof candidate.version !== 'number' || candidate.version > BACKUP_VERSION) {
    throw new ScrumdownError(
      'unsupported_format',
      `The backup ${path} has format version ${String(candidate.version)}, newer than this scrumdown reads (${BACKUP_VERSION}). Upgrade scrumdown to restore it.`,
      { path, version: candidate.version },
    );
  }
  if (
    typeof candidate.schemaVersion !== 'string' ||
    typeof candidate.createdAt !== 'string' ||
    (candidate.source !== 'sqlite' && candidate.source !== 'postgres') ||
    !Array.isArray(candidate.tables) ||
    !candidate.tables.every((table) => typeof table === 'string')
  ) {
    throw corrupt(path, 1, 'the header lacks schemaVersion, createdAt, source or tables');
  }
  return candidate as BackupHeader;
}

/** Reads a backup line by line, numbering lines from 1. */
async function* numberedLines(path: string): AsyncGenerator<[number, string]> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = once(stream, 'open').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new ScrumdownError('file_not_found', `The backup ${path} does not exist.`, { path })
      : new ScrumdownError('io_error', `Cannot read the backup ${path}: ${error.message}.`, { path });
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      yield [number, line];
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

async function assertEmpty(handle: DatabaseHandle): Promise<void> {
  for (const table of await listTables(handle.db, handle.dialect)) {
    const found = await sql`select 1 as one from ${sql.table(table.name)} limit 1`.execute(handle.db);
    if (found.rows.length > 0) {
      throw new ScrumdownError(
        'conflict',
        `The database ${handle.display} is not empty (table ${table.name} has rows). Restore only into an empty database: create a new one, or point --db at a new SQLite file.`,
        { database: handle.display, table: table.name },
      );
    }
  }
}

/** Brings an empty target to the backup's schema version; refuses one that is already past it. */
async function prepareSchema(handle: DatabaseHandle, path: string, header: BackupHeader): Promise<void> {
  const names = Object.keys(migrations(handle.dialect));
  const wanted = names.indexOf(header.schemaVersion);
  if (wanted < 0) {
    throw new ScrumdownError(
      'unsupported_format',
      `The backup ${path} is from schema ${header.schemaVersion}, which this scrumdown does not know (its latest is ${names.at(-1)}): it was taken by a newer scrumdown. Upgrade scrumdown to restore it.`,
      { path, schemaVersion: header.schemaVersion },
    );
  }
  const current = await schemaVersionOf(handle);
  const at = current === undefined ? -1 : names.indexOf(current);
  if (at > wanted) {
    throw new ScrumdownError(
      'conflict',
      `The database ${handle.display} is at schema ${current}, past the backup's ${header.schemaVersion}. Restore into a new database: restore migrates it to ${header.schemaVersion}, loads the rows, then migrates it to the latest.`,
      { database: handle.display, schemaVersion: header.schemaVersion, current },
    );
  }
  if (at < wanted) await migrateTo(handle, header.schemaVersion);
}

/** Sets every PostgreSQL identity sequence past the largest restored id. */
async function resetIdentities(trx: Kysely<Database>, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.identity) {
      // pg_get_serial_sequence reads its first argument as SQL (quoted), its second literally.
      await sql`select setval(pg_get_serial_sequence(${quoteIdent(table.name)}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Loads a backup into an empty database of either kind, in one transaction, parents first; the
 * database ends with every row of the file or, on any problem, none. A database with no schema
 * is migrated to the backup's schema first; after loading, newer migrations run.
 */
export async function restoreDatabase(handle: DatabaseHandle, path: string): Promise<RestoreSummary> {
  const lines = numberedLines(path);
  const first = await lines.next();
  const header = readHeader(path, first.done ? undefined : first.value[1]);
  try {
    await assertEmpty(handle);
    await prepareSchema(handle, path, header);
    const tables = new Map((await listTables(handle.db, handle.dialect)).map((table) => [table.name, table]));
    for (const name of header.tables) {
      if (!tables.has(name)) throw corrupt(path, 1, `the header lists table ${name}, which schema ${header.schemaVersion} does not have`);
    }
    const order = new Map(header.tables.map((name, index) => [name, index]));

    const counts = await inTransaction(handle, async (trx) => {
      if (handle.dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
      const counts = new Map<string, number>(header.tables.map((name) => [name, 0]));
      let current = -1;
      let pending: Row[] = [];
      let pendingTable = '';
      let pendingKeys = '';
      let pendingFrom = 0;
      let limit = 1;
      let ended: { line: number; rows: unknown } | undefined;
      let lastLine = 1;

      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        try {
          await insertInChunks(trx, handle.dialect, pendingTable as keyof Database & string, pending as never[]);
        } catch (error) {
          const failure = databaseFailure(handle.display, error, `restore table ${pendingTable} (lines ${pendingFrom}–${pendingFrom + pending.length - 1}) into`);
          throw new ScrumdownError('database_error', `${failure.message} Nothing was restored.`, failure.details);
        }
        pending = [];
      };

      for await (const [number, text] of lines) {
        lastLine = number;
        if (ended) {
          if (text.trim() === '') continue;
          throw corrupt(path, number, `there is more after the end line (line ${ended.line})`);
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw corrupt(path, number, 'the line is not JSON');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw corrupt(path, number, 'the line is not a JSON object');
        const entry = parsed as { table?: unknown; row?: unknown; end?: unknown; rows?: unknown };
        if (entry.end === true) {
          ended = { line: number, rows: entry.rows };
          continue;
        }
        if (typeof entry.table !== 'string' || !order.has(entry.table)) {
          throw corrupt(path, number, typeof entry.table === 'string' ? `table ${entry.table} is not listed in the header` : 'the line names no table');
        }
        if (typeof entry.row !== 'object' || entry.row === null || Array.isArray(entry.row)) throw corrupt(path, number, 'the line has no row object');
        const index = order.get(entry.table)!;
        if (index < current) throw corrupt(path, number, `a row of ${entry.table} after rows of ${header.tables[current]}: tables must come in the header's order`);
        const table = tables.get(entry.table)!;
        const row: Row = {};
        for (const [column, value] of Object.entries(entry.row as Row)) {
          if (!table.columns.includes(column)) throw corrupt(path, number, `table ${table.name} has no column ${column}`);
          row[column] = decodeValue(path, number, column, value);
        }
        const keys = Object.keys(row).join('\u0000');
        if (index !== current || keys !== pendingKeys || pending.length >= limit) {
          await flush();
          current = index;
          pendingTable = table.name;
          pendingKeys = keys;
          pendingFrom = number;
          limit = rowsPerStatement(handle.dialect, Object.keys(row).length);
        }
        pending.push(row);
        counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
      }
      await flush();
      if (!ended) throw corrupt(path, lastLine, 'the file stops here, before its end line: it is truncated');
      const expected = ended.rows as Record<string, unknown> | undefined;
      for (const name of header.tables) {
        const want = expected?.[name];
        if (want !== counts.get(name)) {
          throw corrupt(path, ended.line, `the end line counts ${String(want)} rows of ${name}, the file has ${counts.get(name)}`);
        }
      }
      if (handle.dialect === 'postgres') await resetIdentities(trx, [...tables.values()]);
      return counts;
    });

    const migratedAfter = (await migrateToLatest(handle)).applied;
    const tableCounts = header.tables.map((table) => ({ table, rows: counts.get(table) ?? 0 }));
    return {
      file: path,
      database: handle.display,
      schemaVersion: header.schemaVersion,
      createdAt: header.createdAt,
      source: header.source,
      tables: tableCounts,
      rows: tableCounts.reduce((sum, table) => sum + table.rows, 0),
      migratedAfter,
    };
  } catch (error) {
    if (error instanceof ScrumdownError) throw error;
    throw databaseFailure(handle.display, error, 'restore into');
  } finally {
    await lines.return(undefined);
  }
}

function decodeValue(path: string, line: number, column: string, value: unknown): Value {
  if (isBase64Wrapper(value)) {
    if (!BASE64.test(value.$base64) || value.$base64.length % 4 !== 0) throw corrupt(path, line, `column ${column} has bytes that are not base64`);
    return Buffer.from(value.$base64, 'base64');
  }
  return value as Value;
}
