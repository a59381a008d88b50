import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../../store/database.js';
import type { DatabaseHandle } from '../../../store/database.js';
import { SharedCounter } from './counter.js';

let handle: DatabaseHandle;
afterEach(() => handle.close());

async function stored(key: string): Promise<number | undefined> {
  const row = await handle.db.selectFrom('rate_limits').select('count').where('key', '=', key).executeTakeFirst();
  return row?.count;
}

describe('SharedCounter', () => {
  it('writes the first hit of a window, then one batch per flushEvery hits, and counts every hit', async () => {
    handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle);
    const counter = new SharedCounter({ flushEvery: 10, maxDelayMs: 60_000, windowMs: 60_000 });
    const seen: number[] = [];
    for (let hit = 1; hit <= 25; hit++) seen.push(await counter.hit(handle.db, 'k', 0, 0));
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    // Written: hit 1 alone, then hits 2-11 and 12-21; hits 22-25 wait for the next batch.
    expect(await stored('k')).toBe(21);
  });

  it('writes a part batch once the last write is maxDelayMs old', async () => {
    handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle);
    const counter = new SharedCounter({ flushEvery: 100, maxDelayMs: 1000, windowMs: 60_000 });
    await counter.hit(handle.db, 'k', 0, 0);
    await counter.hit(handle.db, 'k', 0, 500);
    expect(await stored('k')).toBe(1);
    await counter.hit(handle.db, 'k', 0, 1000);
    expect(await stored('k')).toBe(3);
  });

  it("sees other processes' hits as of its last write", async () => {
    handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle);
    const first = new SharedCounter({ flushEvery: 1, maxDelayMs: 60_000, windowMs: 60_000 });
    const second = new SharedCounter({ flushEvery: 1, maxDelayMs: 60_000, windowMs: 60_000 });
    for (let hit = 0; hit < 5; hit++) await first.hit(handle.db, 'k', 0, 0);
    expect(await second.hit(handle.db, 'k', 0, 0)).toBe(6);
    expect(await first.hit(handle.db, 'k', 0, 0)).toBe(7);
  });

  it('starts each window from zero', async () => {
    handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle);
    const counter = new SharedCounter({ flushEvery: 1, maxDelayMs: 60_000, windowMs: 60_000 });
    await counter.hit(handle.db, 'k', 0, 0);
    await counter.hit(handle.db, 'k', 0, 0);
    expect(await counter.hit(handle.db, 'k', 60_000, 60_000)).toBe(1);
  });
});
