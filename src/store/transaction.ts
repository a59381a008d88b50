// One way to run a unit of work in a transaction on either database. On SQLite a writing
// transaction starts with BEGIN IMMEDIATE: it takes the write lock before its first read, so a
// read-then-write transaction never has to upgrade a read snapshot another process has since
// overtaken (SQLITE_BUSY that no busy_timeout can wait out); it waits for the lock instead.
// On PostgreSQL the isolation level and access mode are the caller's (read committed by default).

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  /**
   * A reading transaction that sees one snapshot throughout: SQLite's deferred BEGIN (the
   * snapshot is taken at the first read, and writers in other processes go on under WAL),
   * PostgreSQL's REPEATABLE READ READ ONLY.
   */
  readOnly?: boolean;
  /** PostgreSQL only (SQLite transactions are always serializable). Default: read committed. */
  isolation?: IsolationLevel;
}

/**
 * Runs `body` in one transaction and commits when it resolves; when it throws, rolls back and
 * rethrows, leaving nothing behind. Inside, use only the `trx` given: on SQLite the handle's one
 * connection is held by the transaction, so a query through `handle.db` would wait forever.
 */
export async function inTransaction<T>(
  handle: DatabaseHandle,
  body: (trx: Kysely<Database>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (handle.dialect === 'postgres') {
    const isolation = options.isolation ?? (options.readOnly ? 'repeatable read' : 'read committed');
    let builder = handle.db.transaction().setIsolationLevel(isolation);
    if (options.readOnly) builder = builder.setAccessMode('read only');
    return builder.execute(body);
  }
  // connection() holds the single SQLite connection (Kysely's mutex) for the whole unit, so
  // transactions of this process run one after another.
  return handle.db.connection().execute(async (connection) => {
    await sql.raw(options.readOnly ? 'begin deferred' : 'begin immediate').execute(connection);
    let result: T;
    try {
      result = await body(connection);
    } catch (error) {
      await sql.raw('rollback').execute(connection).catch(() => undefined);
      throw error;
    }
    await sql.raw('commit').execute(connection);
    return result;
  });
}

/**
 * Makes writing transactions that take the same `key` run one after another, for a rule a read
 * then a write must keep (the first account is the administrator; one administrator remains).
 * SQLite's write transaction already excludes the others; PostgreSQL needs the advisory lock.
 */
export async function takeTurns(handle: DatabaseHandle, trx: Kysely<Database>, key: number): Promise<void> {
  if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
