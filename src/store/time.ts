// Timestamps as the database stores them: ISO 8601 in UTC with milliseconds, which sort as text
// in the same order as in time, on both databases.

import type { Timestamp } from './schema.js';

/** The current time (or the given one) as a stored timestamp, e.g. 2026-11-22T04:37:33.120Z. */
export function now(at: Date | number = Date.now()): Timestamp {
  return new Date(at).toISOString();
}

/** A stored timestamp `ms` milliseconds after `from` (before it when negative). */
export function addMilliseconds(from: Timestamp, ms: number): Timestamp {
  return new Date(Date.parse(from) + ms).toISOString();
}
