// Transactions on both databases: a unit that throws leaves nothing behind; concurrent units that
// use the services' pattern (read, then UPDATE … WHERE version = the version read, retry when no
// row changed) lose no update; 10,000 item rows go in as one transaction in a few statements.

import { Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { insertInChunks, rowsPerStatement } from '../../src/store/batch.js';
import { openDatabase } from '../../src/store/database.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import type { Database } from '../../src/store/schema.js';
import { inTransaction } from '../../src/store/transaction.js';
import { constraintViolation } from '../../src/store/violations.js';
import { createTestDatabase, describeEachDatabase } from '../support/databases.js';
import { documentRow, emptyAllTables, historyRow, itemRow, projectRow, seedBase, userRow } from './rows.js';

/**
 * One "PATCH": mark item `n` done, append a line to the document, bump its version, record
 * history; all or nothing, and only when the version is still the one read. Returns false when
 * the version moved on (the caller answers 409 or retries).
 */
async function patchItem(trx: Kysely<Database>, n: number, expectedVersion?: number): Promise<boolean> {
  const document = await trx.selectFrom('documents').select(['content', 'version']).where('id', '=', 'doc-1').executeTakeFirstOrThrow();
  if (expectedVersion !== undefined && document.version !== expectedVersion) return false;
  const content = Buffer.concat([Buffer.from(document.content), Buffer.from(`- [x] T${n} done\n`)]);
  const updated = await trx
    .updateTable('documents')
    .set({ content, version: document.version + 1 })
    .where('id', '=', 'doc-1')
    .where('version', '=', document.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await trx.updateTable('items').set({ status: 'done' }).where('document_id', '=', 'doc-1').where('item_id', '=', itemRow(n).item_id).execute();
  await trx.insertInto('item_history').values(historyRow(n, { item_id: itemRow(n).item_id })).execute();
  return true;
}

async function patchWithRetry(handle: DatabaseHandle, n: number): Promise<number> {
  for (let attempt = 1; attempt <= 100; attempt += 1) {
    if (await inTransaction(handle, (trx) => patchItem(trx, n))) return attempt;
  }
  throw new Error(`item ${n}: no attempt landed`);
}

describeEachDatabase('transactions', (getHandle, suite) => {
  beforeEach(async () => {
    await emptyAllTables(getHandle().db);
    await seedBase(getHandle().db);
  });

  it('a unit that throws leaves nothing behind, and the handle works after', async () => {
    const handle = getHandle();
    await expect(
      inTransaction(handle, async (trx) => {
        await trx.insertInto('users').values(userRow(2)).execute();
        await trx.insertInto('projects').values(projectRow(2, { created_by: 'user-2' })).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([{ id: 'user-1' }]);
    expect(await handle.db.selectFrom('projects').select('id').execute()).toEqual([{ id: 'project-1' }]);
  });

  it('a unit whose last statement breaks a constraint keeps none of its earlier writes', async () => {
    const handle = getHandle();
    const error = await inTransaction(handle, async (trx) => {
      await trx.insertInto('users').values(userRow(2)).execute();
      await trx.updateTable('documents').set({ version: 99 }).execute();
      await trx.insertInto('users').values(userRow(3, { email: 'user2@example.test' })).execute();
    }).catch((caught: unknown) => caught);
    expect(constraintViolation(error)).toBe('unique');
    expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([{ id: 'user-1' }]);
    expect(await handle.db.selectFrom('documents').select('version').execute()).toEqual([{ version: 1 }]);
  });

  it('returns what the unit returns, committed', async () => {
    const handle = getHandle();
    const id = await inTransaction(handle, async (trx) => {
      await trx.insertInto('users').values(userRow(7)).execute();
      return 'user-7';
    });
    expect(id).toBe('user-7');
    expect(await handle.db.selectFrom('users').select('id').where('id', '=', 'user-7').execute()).toEqual([{ id: 'user-7' }]);
  });

  it('50 concurrent patches of 50 items of one document all land', async () => {
    const handle = getHandle();
    await insertInChunks(handle.db, handle.dialect, 'items', Array.from({ length: 50 }, (_, i) => itemRow(i + 2)));
    const attempts = await Promise.all(Array.from({ length: 50 }, (_, i) => patchWithRetry(handle, i + 2)));
    expect(attempts.length).toBe(50);
    const document = await handle.db.selectFrom('documents').select(['content', 'version']).executeTakeFirstOrThrow();
    expect(document.version).toBe(51);
    const lines = Buffer.from(document.content).toString('utf8').split('\n').filter((line) => line.startsWith('- [x]'));
    expect(lines.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `- [x] T${i + 2} done`).sort());
    const done = await handle.db.selectFrom('items').select('item_id').where('status', '=', 'done').execute();
    expect(done.length).toBe(50);
    expect((await handle.db.selectFrom('item_history').select('id').execute()).length).toBe(50);
  });

  it('ten concurrent patches expecting the same version: exactly one lands', async () => {
    const handle = getHandle();
    await insertInChunks(handle.db, handle.dialect, 'items', Array.from({ length: 10 }, (_, i) => itemRow(i + 2)));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => inTransaction(handle, (trx) => patchItem(trx, i + 2, 1))));
    expect(results.filter(Boolean).length).toBe(1);
    const document = await handle.db.selectFrom('documents').select('version').executeTakeFirstOrThrow();
    expect(document.version).toBe(2);
    expect((await handle.db.selectFrom('item_history').select('id').execute()).length).toBe(1);
  });

  it('a read-only unit sees one snapshot while another writer commits', async () => {
    const handle = getHandle();
    // A second handle is a second connection, as another process would have; under WAL a
    // SQLite writer commits while a reader keeps its snapshot, so this does not wait.
    const writer = openDatabase(suite.url());
    try {
      const seen = await inTransaction(
        handle,
        async (trx) => {
          const before = await trx.selectFrom('users').select('id').execute();
          await writer.db.insertInto('users').values(userRow(9)).execute();
          const after = await trx.selectFrom('users').select('id').execute();
          return [before.length, after.length];
        },
        { readOnly: true },
      );
      expect(seen).toEqual([1, 1]);
      expect((await handle.db.selectFrom('users').select('id').execute()).length).toBe(2);
    } finally {
      await writer.close();
    }
  });

  it('10,000 item rows go in as one transaction, in a few statements', async () => {
    const handle = getHandle();
    const rows = Array.from({ length: 10_000 }, (_, i) => itemRow(i + 2, { tags: '["bulk"]', points: i % 8 }));
    const started = performance.now();
    const inserted = await inTransaction(handle, (trx) => insertInChunks(trx, handle.dialect, 'items', rows));
    const ms = performance.now() - started;
    expect(inserted).toBe(10_000);
    const count = await handle.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10_001);
    const last = await handle.db.selectFrom('items').select(['item_id', 'points']).where('item_id', '=', 'T10001').executeTakeFirstOrThrow();
    expect(last).toEqual({ item_id: 'T10001', points: 9999 % 8 });
    expect(ms).toBeLessThan(30_000);
  });

  it('a batch that fails in its last chunk keeps none of its rows', async () => {
    const handle = getHandle();
    const rows = Array.from({ length: 10_000 }, (_, i) => itemRow(i + 2));
    rows.push(itemRow(1)); // already there: the last chunk breaks the primary key
    const error = await inTransaction(handle, (trx) => insertInChunks(trx, handle.dialect, 'items', rows)).catch((caught: unknown) => caught);
    expect(constraintViolation(error)).toBe('unique');
    const count = await handle.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('chunks stay under the dialect parameter limit', () => {
    const columns = Object.keys(itemRow(1)).length;
    expect(columns).toBe(16);
    expect(rowsPerStatement('sqlite', columns)).toBe(2047); // 32766 / 16
    expect(rowsPerStatement('postgres', columns)).toBe(4095); // 65535 / 16
  });
});

// SQLite allows one writer at a time across processes. Four threads, each with its own
// connection (as separate server processes would have), increment one version 50 times each
// with read-then-write transactions started by BEGIN IMMEDIATE: none may fail or be lost.
describe('SQLite writers on separate connections', () => {
  it('lose no update with BEGIN IMMEDIATE and the busy timeout', async () => {
    const database = await createTestDatabase('sqlite');
    await database.handle.db.insertInto('users').values(userRow(1)).execute();
    await database.handle.db.insertInto('projects').values(projectRow(1)).execute();
    await database.handle.db.insertInto('documents').values(documentRow(1)).execute();
    await database.handle.close();
    const path = database.url.slice('sqlite:'.length);
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const Database = require(workerData.module);
      const db = new Database(workerData.path);
      db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000'); db.pragma('foreign_keys = ON');
      let busy = 0;
      for (let i = 0; i < 50; i += 1) {
        db.exec('begin immediate');
        const { version } = db.prepare("select version from documents where id = 'doc-1'").get();
        const changed = db.prepare("update documents set version = ? where id = 'doc-1' and version = ?").run(version + 1, version).changes;
        if (changed !== 1) busy += 1;
        db.exec('commit');
      }
      db.close();
      parentPort.postMessage(busy);
    `;
    const module = (await import('node:module')).createRequire(import.meta.url).resolve('better-sqlite3');
    const lost = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(source, { eval: true, workerData: { path, module } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
      ),
    );
    expect(lost).toEqual([0, 0, 0, 0]);
    const reader = openDatabase(database.url);
    expect(await reader.db.selectFrom('documents').select('version').executeTakeFirstOrThrow()).toEqual({ version: 201 });
    await reader.close();
    await database.drop();
  });
});
