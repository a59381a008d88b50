// The SQLite connection as Kysely sees it, with its prepared statements kept: better-sqlite3
// compiles a statement on every prepare(), and Kysely prepares each query it runs, so on small
// requests compiling the same few SQL strings again was a tenth of the server's time. Statements
// are kept per SQL text in a bounded least-recently-used map; SQLite re-prepares a kept statement
// by itself after a schema change. Kysely runs one query at a time on the single connection (its
// mutex), so a statement is never in use twice at once.

import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept. */
const MAX_STATEMENTS = 256;
/** Longer SQL (multi-row inserts of a whole plan) is prepared each time rather than kept. */
const MAX_KEPT_SQL_LENGTH = 4096;

export function cachingSqlite(connection: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => {
      kept.clear();
      connection.close();
    },
    prepare(sql: string): SqliteStatement {
      const statement = kept.get(sql);
      if (statement) {
        // Re-inserted to mark it as the most recently used.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const prepared = connection.prepare(sql);
      if (sql.length <= MAX_KEPT_SQL_LENGTH) {
        if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value as string);
        kept.set(sql, prepared);
      }
      return prepared;
    },
  };
}
