import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingSqlite } from './sqlite-statements.js';

/** A real in-memory connection whose prepare() calls are counted per SQL text. */
function countedConnection() {
  const connection = new BetterSqlite3(':memory:');
  const prepared = new Map<string, number>();
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((text: string) => {
    prepared.set(text, (prepared.get(text) ?? 0) + 1);
    return prepare(text);
  }) as typeof connection.prepare;
  return { connection, prepared };
}

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const connection of open.splice(0)) if (connection.open) connection.close();
});

describe('cachingSqlite', () => {
  it('prepares each SQL text once and answers every run with current rows', async () => {
    const { connection, prepared } = countedConnection();
    open.push(connection);
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cachingSqlite(connection) }) });
    await sql`create table t (id integer primary key, name text not null)`.execute(db);
    for (let id = 1; id <= 5; id++) await db.insertInto('t').values({ id, name: `n${id}` }).execute();
    for (let id = 1; id <= 5; id++) {
      expect(await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst()).toEqual({ name: `n${id}` });
    }
    const select = [...prepared.keys()].find((text) => text.startsWith('select'));
    const insert = [...prepared.keys()].find((text) => text.startsWith('insert'));
    expect(select && prepared.get(select)).toBe(1);
    expect(insert && prepared.get(insert)).toBe(1);
  });

  it('keeps working across a schema change and inside transactions', async () => {
    const { connection } = countedConnection();
    open.push(connection);
    const db = new Kysely<{ t: { id: number; note: string | null } }>({ dialect: new SqliteDialect({ database: cachingSqlite(connection) }) });
    await sql`create table t (id integer primary key)`.execute(db);
    await db.insertInto('t').values({ id: 1 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ id: 1 }]);
    await sql`alter table t add column note text`.execute(db);
    // The same SQL text, kept from before the change, now sees the new column.
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ id: 1, note: null }]);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 2, note: 'x' }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.selectFrom('t').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it('keeps at most 256 statements and does not keep very long SQL', () => {
    const { connection, prepared } = countedConnection();
    open.push(connection);
    const cached = cachingSqlite(connection);
    for (let i = 0; i < 300; i++) cached.prepare(`select ${i}`);
    cached.prepare('select 299');
    cached.prepare('select 0');
    // 299 was still kept; 0 had been dropped as the least recently used and is prepared again.
    expect(prepared.get('select 299')).toBe(1);
    expect(prepared.get('select 0')).toBe(2);
    const long = `select ${Array.from({ length: 1500 }, (_, i) => i).join(', ')}`;
    cached.prepare(long);
    cached.prepare(long);
    expect(prepared.get(long)).toBe(2);
  });

  it('closes the connection', () => {
    const { connection } = countedConnection();
    cachingSqlite(connection).close();
    expect(connection.open).toBe(false);
  });
});
