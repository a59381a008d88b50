// Opens the database a URL names and brings its schema up to date. `sqlite:PATH` (or
// `sqlite::memory:`) is the embedded database: better-sqlite3 with WAL and foreign keys on.
// `postgres://…` is a pg pool. Both are the same Kysely<Database> to everything above.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ScrumdownError } from '../errors.js';
import { migrations } from './migrations/index.js';
import type { DialectName } from './migrations/types.js';
import type { Database } from './schema.js';

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
  let connection: BetterSqlite3.Database;
  try {
    connection = new BetterSqlite3(target);
  } catch (error) {
    throw new ScrumdownError('database_error', `Cannot open the SQLite database ${target}: ${(error as Error).message}.`, { path: target });
  }
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // NORMAL under WAL loses nothing when the process dies; only a power cut can cost the last commits.
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', display: `sqlite:${target}`, close: () => db.destroy() };
}

function openPostgres(target: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', display: redactUrl(target), close: () => db.destroy() };
}

export interface MigrationOutcome {
  applied: string[];
}

/** Runs every migration not yet applied, each in its own transaction. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new ScrumdownError(
      'database_error',
      `Migration ${failed?.migrationName ?? '(unknown)'} failed on ${handle.display}: ${(error as Error).message ?? String(error)}.`,
      { migration: failed?.migrationName },
    );
  }
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) };
}

/** The names of migrations the code has that the database has not run yet. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
  });
  const all = await migrator.getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
