import { describe, expect, it } from 'vitest';
import { isScrumdownError } from '../../errors.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from './page.js';

function problem(run: () => unknown): unknown {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return isScrumdownError(error) ? error.details : error;
  }
}

describe('pages', () => {
  it('take 50 rows by default and refuse sizes outside 1 to 200, naming the field', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(200)).toBe(200);
    for (const size of [0, 201, 1.5, Number.NaN]) {
      expect(problem(() => pageSize(size)), String(size)).toEqual({ in: 'query', fields: [{ field: 'limit', problem: 'not between 1 and 200' }] });
    }
  });

  it('give back the parts of a cursor, whatever characters they hold', () => {
    const parts = ['zoë|o’brien@example.test', '2026-11-22T09:00:00.000Z'];
    expect(decodeCursor(encodeCursor(parts), 2)).toEqual(parts);
  });

  it('refuse cursors the server did not give out', () => {
    const refused = { in: 'query', fields: [{ field: 'cursor', problem: 'not a cursor' }] };
    for (const cursor of ['', 'not-a-cursor', encodeCursor(['one']), Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(problem(() => decodeCursor(cursor, 2)), cursor).toEqual(refused);
    }
  });

  it('name the last row as the next cursor only when the extra row says there is more', () => {
    expect(pageOf(['a', 'b', 'c'], 2, (last) => [last])).toEqual({ rows: ['a', 'b'], nextCursor: encodeCursor(['b']) });
    expect(pageOf(['a', 'b'], 2, (last) => [last])).toEqual({ rows: ['a', 'b'], nextCursor: null });
    expect(pageOf([], 2, (last: string) => [last])).toEqual({ rows: [], nextCursor: null });
  });
});
