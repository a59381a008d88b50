// Every constraint the schema promises, on both databases: unique e-mail, unique project key,
// one document per (project, name), the role check, foreign keys, and the cascades that remove a
// project's members, documents, items and history with it.

import { beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { integrityProblems } from '../../src/store/integrity.js';
import { constraintViolation } from '../../src/store/violations.js';
import { describeEachDatabase } from '../support/databases.js';
import { T0, documentRow, emptyAllTables, historyRow, itemRow, projectRow, seedBase, userRow } from './rows.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describeEachDatabase('schema constraints', (getHandle) => {
  beforeEach(async () => {
    await emptyAllTables(getHandle().db);
    await seedBase(getHandle().db);
  });

  it('refuses a second user with the same e-mail', async () => {
    const { db } = getHandle();
    const error = await failure(db.insertInto('users').values(userRow(2, { email: 'user1@example.test' })).execute());
    expect(constraintViolation(error)).toBe('unique');
    expect(await db.selectFrom('users').select('id').execute()).toEqual([{ id: 'user-1' }]);
  });

  it('refuses a second project with the same key', async () => {
    const error = await failure(getHandle().db.insertInto('projects').values(projectRow(2, { key: 'proj-1' })).execute());
    expect(constraintViolation(error)).toBe('unique');
  });

  it('refuses two documents of one name in a project, allows the name in another project', async () => {
    const { db } = getHandle();
    const error = await failure(db.insertInto('documents').values(documentRow(2, { name: 'plan-1.md' })).execute());
    expect(constraintViolation(error)).toBe('unique');
    await db.insertInto('projects').values(projectRow(2)).execute();
    await db.insertInto('documents').values(documentRow(2, { project_id: 'project-2', name: 'plan-1.md' })).execute();
    expect(await db.selectFrom('documents').select(['id', 'name']).orderBy('id').execute()).toEqual([
      { id: 'doc-1', name: 'plan-1.md' },
      { id: 'doc-2', name: 'plan-1.md' },
    ]);
  });

  it('refuses an item id twice in one document', async () => {
    const error = await failure(getHandle().db.insertInto('items').values(itemRow(1, { title: 'again' })).execute());
    expect(constraintViolation(error)).toBe('unique');
  });

  it('accepts the roles owner, member and viewer and refuses any other', async () => {
    const { db } = getHandle();
    for (const [n, role] of [[2, 'member'], [3, 'viewer']] as const) {
      await db.insertInto('users').values(userRow(n)).execute();
      await db.insertInto('project_members').values({ project_id: 'project-1', user_id: `user-${n}`, role, created_at: T0 }).execute();
    }
    await db.insertInto('users').values(userRow(4)).execute();
    const error = await failure(
      db.insertInto('project_members').values({ project_id: 'project-1', user_id: 'user-4', role: 'admin' as 'owner', created_at: T0 }).execute(),
    );
    expect(constraintViolation(error)).toBe('check');
    const roles = await db.selectFrom('project_members').select('role').orderBy('user_id').execute();
    expect(roles.map((row) => row.role)).toEqual(['owner', 'member', 'viewer']);
  });

  it('refuses a member of a project that does not exist', async () => {
    const error = await failure(
      getHandle().db.insertInto('project_members').values({ project_id: 'no-such-project', user_id: 'user-1', role: 'member', created_at: T0 }).execute(),
    );
    expect(constraintViolation(error)).toBe('foreign_key');
  });

  it('refuses a missing required column', async () => {
    const error = await failure(getHandle().db.insertInto('users').values(userRow(5, { name: null as unknown as string })).execute());
    expect(constraintViolation(error)).toBe('not_null');
  });

  it('deleting a project removes its members, documents, items and history, and nothing of another project', async () => {
    const { db } = getHandle();
    await db.insertInto('item_history').values([historyRow(1), historyRow(2)]).execute();
    await db.insertInto('projects').values(projectRow(2)).execute();
    await db.insertInto('project_members').values({ project_id: 'project-2', user_id: 'user-1', role: 'owner', created_at: T0 }).execute();
    await db.insertInto('documents').values(documentRow(2, { project_id: 'project-2' })).execute();
    await db.insertInto('items').values(itemRow(1, { project_id: 'project-2', document_id: 'doc-2' })).execute();
    await db.insertInto('item_history').values(historyRow(3, { project_id: 'project-2', document_id: 'doc-2' })).execute();

    await db.deleteFrom('projects').where('id', '=', 'project-1').execute();

    const count = async (table: 'project_members' | 'documents' | 'items' | 'item_history'): Promise<string[]> =>
      (await db.selectFrom(table).select('project_id').execute()).map((row) => row.project_id);
    expect(await count('project_members')).toEqual(['project-2']);
    expect(await count('documents')).toEqual(['project-2']);
    expect(await count('items')).toEqual(['project-2']);
    expect(await count('item_history')).toEqual(['project-2']);
    expect(await db.selectFrom('users').select('id').execute()).toEqual([{ id: 'user-1' }]);
  });

  it('deleting a document removes its items and history; deleting a user keeps history without them', async () => {
    const { db } = getHandle();
    await db.insertInto('users').values(userRow(2)).execute();
    await db.insertInto('item_history').values([historyRow(1, { user_id: 'user-2' })]).execute();
    await db.deleteFrom('users').where('id', '=', 'user-2').execute();
    expect(await db.selectFrom('item_history').select(['user_id', 'field']).execute()).toEqual([{ user_id: null, field: 'status' }]);
    await db.deleteFrom('documents').where('id', '=', 'doc-1').execute();
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('item_history').selectAll().execute()).toEqual([]);
  });

  it('deleting a user removes their tokens and invites', async () => {
    const { db } = getHandle();
    await db.insertInto('users').values(userRow(2)).execute();
    await db
      .insertInto('refresh_tokens')
      .values({ id: 'rt-1', user_id: 'user-2', family_id: 'fam-1', token_hash: 'h1', created_at: T0, expires_at: T0, used_at: null, revoked_at: null })
      .execute();
    await db
      .insertInto('api_tokens')
      .values({ id: 'at-1', user_id: 'user-2', name: 'cli', prefix: 'sd_ab', token_hash: 'h2', created_at: T0, last_used_at: null, expires_at: null, revoked_at: null })
      .execute();
    await db.insertInto('invites').values({ id: 'inv-1', email: 'x@example.test', token_hash: 'h3', created_by: 'user-2', created_at: T0, expires_at: T0, used_at: null }).execute();
    await db.deleteFrom('users').where('id', '=', 'user-2').execute();
    expect(await db.selectFrom('refresh_tokens').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('invites').selectAll().execute()).toEqual([]);
  });

  it('refuses to delete a user who still created a project', async () => {
    const error = await failure(getHandle().db.deleteFrom('users').where('id', '=', 'user-1').execute());
    expect(constraintViolation(error)).toBe('foreign_key');
  });
});

describeEachDatabase('integrity check', (getHandle, suite) => {
  it('finds nothing wrong in a whole database', async () => {
    await emptyAllTables(getHandle().db);
    await seedBase(getHandle().db);
    expect(await integrityProblems(getHandle())).toEqual([]);
  });

  it.skipIf(suite.kind !== 'sqlite')('on SQLite, names a row whose parent is missing', async () => {
    const handle = getHandle();
    await sql`pragma foreign_keys = off`.execute(handle.db);
    try {
      await handle.db.insertInto('project_members').values({ project_id: 'gone', user_id: 'user-1', role: 'member', created_at: T0 }).execute();
    } finally {
      await sql`pragma foreign_keys = on`.execute(handle.db);
    }
    const problems = await integrityProblems(handle);
    await handle.db.deleteFrom('project_members').where('project_id', '=', 'gone').execute();
    expect(problems).toEqual([expect.stringMatching(/^a row of project_members \(rowid \d+\) refers to a missing row of projects$/)]);
  });
});
