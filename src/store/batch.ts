// Inserting many rows with as few statements as the databases allow: one multi-row INSERT per
// chunk, each under the dialect's limit on bound parameters (SQLite 32766, PostgreSQL 65535).
// Run it inside inTransaction so the rows land together or not at all.

import type { Insertable, Kysely } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

const MAX_PARAMETERS: Record<DialectName, number> = { sqlite: 32_766, postgres: 65_535 };

/** Rows per statement for rows of `columns` values each. */
export function rowsPerStatement(dialect: DialectName, columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS[dialect] / Math.max(1, columns)));
}

/**
 * Inserts `rows` into `table` in chunks and returns how many were inserted. Every row must name
 * the same columns (SQLite has no DEFAULT in a multi-row VALUES list): give nulls explicitly.
 */
export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  dialect: DialectName,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] as object).length;
  const size = rowsPerStatement(dialect, columns);
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    // Kysely's insert types are per table; the generic T cannot be narrowed to one here.
    await db.insertInto(table).values(chunk as never).execute();
  }
  return rows.length;
}
