// Users: look-ups by id and e-mail, creation, and the sign-in bookkeeping (the lock in the row,
// the attempts that failed in sign_in_failures), and the administrator's list of every account.
// E-mail addresses are stored lower-cased.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, NewUser, User, UserUpdate } from '../schema.js';

export type Db = Kysely<Database>;

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Accounts that are administrators and not disabled. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('is_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface UserListQuery {
  /** Text the name or the e-mail address must contain, in any case. */
  text?: string | undefined;
  /** Only addresses after this one (the previous page's last). */
  afterEmail?: string | undefined;
  limit: number;
}

/** Accounts by e-mail address, `limit` of them. */
export async function listUsers(db: Db, query: UserListQuery): Promise<User[]> {
  let q = db.selectFrom('users').selectAll();
  if (query.text !== undefined && query.text !== '') {
    // LIKE with its wildcards escaped. The database lowers both sides with the same lower(), so
    // text as written always matches: SQLite folds A to Z only, PostgreSQL as its locale does.
    const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(lower(name) like lower(${pattern}) escape '\\' or lower(email) like lower(${pattern}) escape '\\')`);
  }
  if (query.afterEmail !== undefined) q = q.where('email', '>', query.afterEmail);
  return q.orderBy('email').limit(query.limit).execute();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values({ ...user, email: user.email.toLowerCase() }).execute();
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/**
 * Records a sign-in attempt as failed until it proves otherwise, forgets the user's attempts at or
 * before `since`, and returns how many are left (this one included). Each attempt's own row is
 * committed before it counts, so of attempts arriving together the k-th to commit sees at least k.
 */
export async function recordSignInAttempt(db: Db, userId: string, at: string, since: string): Promise<number> {
  await db.insertInto('sign_in_failures').values({ user_id: userId, at }).execute();
  await db.deleteFrom('sign_in_failures').where('user_id', '=', userId).where('at', '<=', since).execute();
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Forgets every failed attempt of the user (after a successful sign-in). */
export async function clearSignInFailures(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('user_id', '=', userId).execute();
}
