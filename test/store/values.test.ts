// Values keep their exact shape through both databases: document bytes byte for byte (invalid
// UTF-8, NUL, every byte value, 10 MB), stored timestamps in time order, numbers and nulls.

import { beforeEach, expect, it } from 'vitest';
import { now } from '../../src/store/time.js';
import { describeEachDatabase } from '../support/databases.js';
import { documentRow, emptyAllTables, historyRow, itemRow, seedBase } from './rows.js';

function everyByte(): Buffer {
  return Buffer.from(Array.from({ length: 256 }, (_, value) => value));
}

/** Deterministic bytes that are not text: a linear congruential sequence. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describeEachDatabase('stored values', (getHandle) => {
  beforeEach(async () => {
    await emptyAllTables(getHandle().db);
    await seedBase(getHandle().db);
  });

  const cases: [string, Buffer][] = [
    ['invalid UTF-8', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a])],
    ['NUL bytes', Buffer.from('# a\u0000b\n\u0000\u0000- [ ] T1\n', 'utf8')],
    ['every byte value', everyByte()],
    ['nothing at all', Buffer.alloc(0)],
    ['a UTF-8 BOM and CRLF', Buffer.from('\ufeff# Plan\r\n- [x] done\r\n', 'utf8')],
  ];
  for (const [name, bytes] of cases) {
    it(`document content round-trips byte for byte: ${name}`, async () => {
      const { db } = getHandle();
      await db.insertInto('documents').values(documentRow(2, { content: bytes })).execute();
      const row = await db.selectFrom('documents').select('content').where('id', '=', 'doc-2').executeTakeFirstOrThrow();
      expect(row.content).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row.content).equals(bytes)).toBe(true);
    });
  }

  it('a 10 MB document round-trips byte for byte, and an update replaces it exactly', async () => {
    const { db } = getHandle();
    const big = noise(10 * 1024 * 1024);
    await db.insertInto('documents').values(documentRow(3, { content: big })).execute();
    const row = await db.selectFrom('documents').select('content').where('id', '=', 'doc-3').executeTakeFirstOrThrow();
    expect(row.content.length).toBe(big.length);
    expect(Buffer.from(row.content).equals(big)).toBe(true);
    const smaller = big.subarray(0, 1000);
    await db.updateTable('documents').set({ content: smaller }).where('id', '=', 'doc-3').execute();
    const updated = await db.selectFrom('documents').select('content').where('id', '=', 'doc-3').executeTakeFirstOrThrow();
    expect(Buffer.from(updated.content).equals(smaller)).toBe(true);
  });

  it('timestamps sort in time order as stored text', async () => {
    const { db } = getHandle();
    const times = [
      '2026-11-01T09:00:00.100Z',
      '2025-12-31T23:59:59.999Z',
      '2026-11-01T09:00:00.020Z',
      '2026-11-01T10:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ];
    await db.insertInto('item_history').values(times.map((at, n) => historyRow(n, { at, to_value: String(n) }))).execute();
    const ordered = await db.selectFrom('item_history').select('at').orderBy('at').execute();
    expect(ordered.map((row) => row.at)).toEqual([
      '2025-12-31T23:59:59.999Z',
      '2026-02-01T00:00:00.000Z',
      '2026-11-01T09:00:00.020Z',
      '2026-11-01T09:00:00.100Z',
      '2026-11-01T10:00:00.000Z',
    ]);
    const later = await db.selectFrom('item_history').select('to_value').where('at', '>', '2026-11-01T09:00:00.050Z').orderBy('at').execute();
    expect(later.map((row) => row.to_value)).toEqual(['0', '3']);
  });

  it('now() gives the stored timestamp format, and later calls sort later', () => {
    expect(now(Date.UTC(2026, 10, 22, 4, 37, 33, 120))).toBe('2026-11-22T04:37:33.120Z');
    expect(now(0) < now(1) && now(999) < now(1000)).toBe(true);
    expect(now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('numbers, nulls, JSON text and identity ids come back as they went in', async () => {
    const { db } = getHandle();
    await db
      .insertInto('items')
      .values(itemRow(2, { points: 2.5, hours: 0, priority: 'P1', assignee: 'ana', tags: '["a","ü"]', data: '{"x":"\\u0000 ✓"}' }))
      .execute();
    const row = await db.selectFrom('items').selectAll().where('item_id', '=', 'T00002').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ points: 2.5, hours: 0, priority: 'P1', assignee: 'ana', parent_id: null, section: null, tags: '["a","ü"]', data: '{"x":"\\u0000 ✓"}' });
    const [first, second] = await db.insertInto('item_history').values([historyRow(1), historyRow(2)]).returning('id').execute();
    expect(typeof first?.id).toBe('number');
    expect(second!.id).toBeGreaterThan(first!.id);
    await db.insertInto('rate_limits').values({ key: 'ip:127.0.0.1', window_start: 1_795_323_086_076, count: 3 }).execute();
    expect(await db.selectFrom('rate_limits').selectAll().execute()).toEqual([{ key: 'ip:127.0.0.1', window_start: 1_795_323_086_076, count: 3 }]);
  });
});
