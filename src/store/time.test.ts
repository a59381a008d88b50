import { describe, expect, it } from 'vitest';
import { addMilliseconds, now } from './time.js';

describe('now', () => {
  it('formats the given instant in UTC with milliseconds', () => {
    expect(now(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z');
    expect(now(new Date('2026-11-22T06:00:00+02:00'))).toBe('2026-11-22T04:00:00.000Z');
  });
});

describe('addMilliseconds', () => {
  it('moves a timestamp forward and back, across a day', () => {
    expect(addMilliseconds('2026-11-22T23:59:59.500Z', 15 * 60_000)).toBe('2026-11-23T00:14:59.500Z');
    expect(addMilliseconds('2026-11-22T00:00:00.000Z', -1)).toBe('2026-11-21T23:59:59.999Z');
  });
});
