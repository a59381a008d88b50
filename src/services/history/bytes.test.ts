// The native comparison must agree with the engine's plain one on every pair of byte arrays.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedEnds } from '../../engine/history/incremental.js';
import { sharedEndsNative } from './bytes.js';

describe('sharedEndsNative', () => {
  it('agrees with sharedEnds, across block boundaries too', () => {
    const base = fc.uint8Array({ minLength: 0, maxLength: 9000 });
    fc.assert(
      fc.property(base, fc.uint8Array({ maxLength: 40 }), fc.nat(), fc.nat(), (bytes, insert, at, cut) => {
        const where = bytes.length === 0 ? 0 : at % bytes.length;
        const removed = Math.min(cut % 50, bytes.length - where);
        const other = new Uint8Array([...bytes.subarray(0, where), ...insert, ...bytes.subarray(where + removed)]);
        expect(sharedEndsNative(bytes, other)).toEqual(sharedEnds(bytes, other));
        expect(sharedEndsNative(other, bytes)).toEqual(sharedEnds(other, bytes));
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('handles identical and empty inputs', () => {
    const text = new TextEncoder().encode('x'.repeat(10000));
    expect(sharedEndsNative(text, text)).toEqual({ prefix: 10000, suffix: 0 });
    expect(sharedEndsNative(new Uint8Array(0), text)).toEqual({ prefix: 0, suffix: 0 });
  });
});
