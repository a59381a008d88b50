// Request counts per key and one-minute window, shared through the database but not written on
// every request: hits gather in memory and are added to the row in one statement once a key has
// `flushEvery` of them or its last write is `maxDelayMs` old. Each write returns the window's
// total across every process, so a process sees the others' traffic as of its last write. With
// `flushEvery` 1 every hit is written and the count is exact; larger batches trade a bounded
// overshoot (at most processes × flushEvery requests a window) for one write per batch instead
// of one per request, which on SQLite is most of the cost of a small request.

import type { Kysely } from 'kysely';
import { hitRateLimit, sweepRateLimits } from '../../../store/repositories/rate-limits.js';
import type { Database } from '../../../store/schema.js';

interface Entry {
  windowStart: number;
  /** The window's total in the database after this process's last write. */
  known: number;
  /** Hits counted here and not yet written. */
  pending: number;
  lastWrite: number;
}

export interface CounterOptions {
  flushEvery: number;
  maxDelayMs: number;
  windowMs: number;
}

/** Entries kept in memory before those of ended windows are dropped. */
const MAX_ENTRIES = 10_000;
/** Old windows are deleted from the database once every this many writes. */
const SWEEP_EVERY = 500;

export class SharedCounter {
  readonly #entries = new Map<string, Entry>();
  #writes = 0;

  constructor(private readonly options: CounterOptions) {}

  /** Counts one hit and returns the window's count so far as this process knows it (this hit included). */
  async hit(db: Kysely<Database>, key: string, windowStart: number, now: number): Promise<number> {
    let entry = this.#entries.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      if (!entry && this.#entries.size >= MAX_ENTRIES) this.#dropEnded(windowStart);
      entry = { windowStart, known: 0, pending: 0, lastWrite: now };
      this.#entries.set(key, entry);
      // The first hit of a window is always written, so the total from other processes is read.
      entry.pending += 1;
      await this.#write(db, key, entry);
      return entry.known + entry.pending;
    }
    entry.pending += 1;
    if (entry.pending >= this.options.flushEvery || now - entry.lastWrite >= this.options.maxDelayMs) {
      entry.lastWrite = now;
      await this.#write(db, key, entry);
    }
    return entry.known + entry.pending;
  }

  async #write(db: Kysely<Database>, key: string, entry: Entry): Promise<void> {
    const count = entry.pending;
    if (count === 0) return;
    entry.pending -= count;
    try {
      const total = await hitRateLimit(db, key, entry.windowStart, count);
      // Writes can finish out of order; the larger total is the later one.
      entry.known = Math.max(entry.known, total);
    } catch (error) {
      entry.pending += count;
      throw error;
    }
    if (++this.#writes % SWEEP_EVERY === 0) await sweepRateLimits(db, entry.windowStart - this.options.windowMs);
  }

  #dropEnded(currentWindow: number): void {
    for (const [key, entry] of this.#entries) if (entry.windowStart < currentWindow) this.#entries.delete(key);
  }
}
