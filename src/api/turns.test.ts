import { describe, expect, it } from 'vitest';
import { inTurns } from './turns.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('inTurns', () => {
  it('starts at most perTurn calls per turn of the event loop, in the order they came', async () => {
    const started: number[] = [];
    const handler = inTurns((n: number) => {
      started.push(n);
      return n * 10;
    }, 3);
    const results = Promise.all(Array.from({ length: 8 }, (_, n) => handler(n)));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await results).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('passes on what the handler throws or rejects with, and keeps serving after it', async () => {
    const handler = inTurns(async (kind: string) => {
      if (kind === 'throw') throw new Error('thrown');
      if (kind === 'reject') return Promise.reject(new Error('rejected'));
      return kind;
    }, 1);
    const sync = inTurns((): string => {
      throw new Error('thrown synchronously');
    }, 1);
    await expect(handler('throw')).rejects.toThrow('thrown');
    await expect(handler('reject')).rejects.toThrow('rejected');
    await expect(sync()).rejects.toThrow('thrown synchronously');
    expect(await handler('fine')).toBe('fine');
  });
});
