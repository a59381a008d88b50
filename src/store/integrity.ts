// Whether a database is whole: SQLite's own integrity and foreign key checks. PostgreSQL keeps
// its constraints enforced at all times and has no cheap whole-database check, so there the
// answer is whether it answers at all. Used after crashes (tests that kill the server) and by
// operators after a restore.

import { sql } from 'kysely';
import { assertReachable } from './database.js';
import type { DatabaseHandle } from './database.js';

/** Problems found, one line each; empty when the database is whole. */
export async function integrityProblems(handle: DatabaseHandle): Promise<string[]> {
  await assertReachable(handle);
  if (handle.dialect === 'postgres') return [];
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
  const problems = integrity.rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  const keys = await sql<{ table: string; rowid: number | null; parent: string }>`pragma foreign_key_check`.execute(handle.db);
  for (const row of keys.rows) problems.push(`a row of ${row.table} (rowid ${String(row.rowid)}) refers to a missing row of ${row.parent}`);
  return problems;
}
