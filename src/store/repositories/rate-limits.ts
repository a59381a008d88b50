// Fixed-window request counters in the database, so every server process on one database
// shares the same limits. One row per key and window; old windows are swept now and then.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Adds `hits` requests to the key's window and returns the window's count so far (these included). */
export async function hitRateLimit(db: Db, key: string, windowStart: number, hits = 1): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: hits })
    .onConflict((conflict) => conflict.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_limits.count + ${hits}` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes windows that started before `before` (epoch ms). */
export async function sweepRateLimits(db: Db, before: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}
