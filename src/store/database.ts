// Opens the database a URL names and brings its schema up to date. `sqlite:PATH` (or
// `sqlite::memory:`) is the embedded database: better-sqlite3 with WAL and foreign keys on.
// `postgres://…` is a pg pool. Both are the same Kysely<Database> to everything above.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ScrumdownError } from '../errors.js';
import { migrations } from './migrations/index.js';
import type { DialectName } from './migrations/types.js';
import type { Database } from './schema.js';
import { cachingSqlite } from './sqlite-statements.js';

export type { DialectName };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The URL without its password, safe to print. */
  display: string;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  dialect: DialectName;
  /** File path or `:memory:` for SQLite; the connection string for PostgreSQL. */
  target: string;
}

/** Reads `sqlite:./file.db`, `sqlite:/abs/file.db`, `sqlite::memory:`, `postgres://…`, `postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (target === '') {
      throw new ScrumdownError('invalid_config', 'The database URL "sqlite:" names no file. Use sqlite:./scrumdown.db or sqlite::memory:.', { url });
    }
    return { dialect: 'sqlite', target };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', target: url };
  }
  throw new ScrumdownError(
    'invalid_config',
    `The database URL "${redactUrl(url)}" is neither sqlite:PATH nor postgres://USER:PASSWORD@HOST:PORT/NAME.`,
    { url: redactUrl(url) },
  );
}

/** The URL with any password replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

// PostgreSQL's 64-bit integers arrive as strings unless told otherwise; every bigint we store
// (counts, epoch milliseconds) fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

/** Opens the database without migrating it. */
export function openDatabase(url: string): DatabaseHandle {
  const location = parseDatabaseUrl(url);
  if (location.dialect === 'sqlite') return openSqlite(location.target);
  return openPostgres(location.target);
}

function openSqlite(target: string): DatabaseHandle {
  if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
  let connection: BetterSqlite3.Database | undefined;
  try {
    connection = new BetterSqlite3(target);
    // The first statement reads the file: a file that is not a database fails here.
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    // NORMAL under WAL loses nothing when the process dies; only a power cut can cost the last commits.
    connection.pragma('synchronous = NORMAL');
  } catch (error) {
    connection?.close();
    throw databaseFailure(`sqlite:${target}`, error, 'open');
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqlite(connection) }) });
  return { db, dialect: 'sqlite', display: `sqlite:${target}`, close: () => db.destroy() };
}

function openPostgres(target: string): DatabaseHandle {
  // Without a connect timeout an unreachable host would hang every caller forever.
  const pool = new pg.Pool({ connectionString: target, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', display: redactUrl(target), close: () => db.destroy() };
}

const FAILURE_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused; check that the server is running and listening on that host and port',
  ENOTFOUND: 'no such host: check the host name in the URL',
  EAI_AGAIN: 'the host name could not be resolved right now: check the network and the URL',
  ETIMEDOUT: 'the connection timed out: check the host, the port and any firewall',
  EHOSTUNREACH: 'the host is unreachable: check the network and the URL',
  '28P01': 'password authentication failed: check the user and password in the URL',
  '28000': 'the server refused this user: check the user in the URL and the server\'s pg_hba.conf',
  '3D000': 'the database does not exist: create it first (createdb NAME) or fix the name in the URL',
  '57P03': 'the server is starting up or shutting down: try again in a moment',
  SQLITE_NOTADB: 'the file is not a SQLite database: point --db at a scrumdown database or a new file',
  SQLITE_CANTOPEN: 'the file cannot be opened: check that the directory exists and is writable',
  SQLITE_READONLY: 'the database is read-only: check the file\'s permissions',
  SQLITE_CORRUPT: 'the database file is corrupt: restore it from a backup',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Node reports a host with several addresses as an AggregateError of one error each.
  if (Array.isArray(errors)) return errors.map(errorCode).find((inner) => inner !== undefined);
  return undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    if (error.message) return error.message;
    const inner = (error as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner[0] instanceof Error) return inner[0].message;
  }
  return String(error);
}

/** A driver error as one line: what was being done, on which database, and what to check. */
export function databaseFailure(display: string, error: unknown, doing: string): ScrumdownError {
  if (error instanceof ScrumdownError) return error;
  const code = errorCode(error);
  const hint = code ? FAILURE_HINTS[code] : undefined;
  const text = hint ?? errorText(error).replace(/\.$/, '');
  return new ScrumdownError('database_error', `Cannot ${doing} the database ${display}: ${text}${/[.?!]$/.test(text) ? '' : '.'}`, {
    database: display,
    cause: code ?? errorText(error),
  });
}

/** Throws a database_error naming the problem when the database cannot answer a query. */
export async function assertReachable(handle: DatabaseHandle): Promise<void> {
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    throw databaseFailure(handle.display, error, 'connect to');
  }
}

export interface MigrationOutcome {
  applied: string[];
}

/**
 * Runs every migration not yet applied, all in one transaction: when one fails, none of this
 * run's migrations stay (Kysely does this itself on PostgreSQL; on SQLite, whose DDL is
 * transactional too, Kysely would leave a half-applied schema, so the transaction is ours).
 * SQLite migrations therefore cannot switch PRAGMA foreign_keys; use defer_foreign_keys.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationOutcome> {
  return runMigrations(handle, undefined);
}

/** Runs the migrations up to and including `name` (restoring a backup of an older schema). */
export async function migrateTo(handle: DatabaseHandle, name: string): Promise<MigrationOutcome> {
  return runMigrations(handle, name);
}

async function runMigrations(handle: DatabaseHandle, target: string | undefined): Promise<MigrationOutcome> {
  await assertReachable(handle);
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
  });
  const ownTransaction = handle.dialect === 'sqlite';
  // SQLite has one connection: the migrator's statements run inside this transaction.
  if (ownTransaction) await sql`begin immediate`.execute(handle.db);
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    outcome = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  } catch (error) {
    if (ownTransaction) await sql`rollback`.execute(handle.db).catch(() => undefined);
    throw migrationSetFailure(handle, error);
  }
  const { error, results = [] } = outcome;
  if (error) {
    if (ownTransaction) await sql`rollback`.execute(handle.db).catch(() => undefined);
    const failed = results.find((result) => result.status === 'Error');
    if (!failed) throw migrationSetFailure(handle, error);
    throw new ScrumdownError(
      'database_error',
      `Migration ${failed.migrationName} failed on ${handle.display}, and nothing of this run was applied: ${errorText(error).replace(/\.$/, '')}.`,
      { migration: failed.migrationName },
    );
  }
  if (ownTransaction) await sql`commit`.execute(handle.db);
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}

/** The names of migrations the code has that the database has not run yet. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  return (await migrationList(handle)).filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

export interface MigrationState {
  name: string;
  /** When it ran on this database; undefined while pending. */
  executedAt: Date | undefined;
}

/** Every migration the code has, in order, with when it ran on this database. */
export async function migrationList(handle: DatabaseHandle): Promise<MigrationState[]> {
  await assertReachable(handle);
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
  });
  try {
    const list = (await migrator.getMigrations()).map(({ name, executedAt }) => ({ name, executedAt }));
    // getMigrations lists only the code's migrations; one the database ran that the code lacks
    // means a newer scrumdown migrated it.
    const known = new Set(list.map((migration) => migration.name));
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db).catch(() => ({ rows: [] }));
    const unknown = ran.rows.map((row) => row.name).find((name) => !known.has(name));
    if (unknown) throw migrationSetFailure(handle, new Error(`previously executed migration ${unknown} is missing`));
    return list;
  } catch (error) {
    if (error instanceof ScrumdownError) throw error;
    throw databaseFailure(handle.display, error, 'read the migrations of');
  }
}

/** A failure of the migration set as a whole rather than of one migration. */
function migrationSetFailure(handle: DatabaseHandle, error: unknown): ScrumdownError {
  const missing = /previously executed migration (\S+) is missing/.exec(errorText(error));
  if (missing) {
    return new ScrumdownError(
      'database_error',
      `The database ${handle.display} has migration ${missing[1]}, which this version of scrumdown does not know: a newer scrumdown migrated it. Upgrade scrumdown.`,
      { migration: missing[1] },
    );
  }
  return databaseFailure(handle.display, error, 'migrate');
}

/** The name of the last migration the code has: the schema version a backup is stamped with. */
export function latestMigrationName(dialect: DialectName = 'sqlite'): string {
  const names = Object.keys(migrations(dialect));
  return names[names.length - 1] ?? '';
}
