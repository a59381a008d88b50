// Users: look-ups by id and e-mail, creation, and the sign-in bookkeeping (the lock in the row,
// the attempts that failed in sign_in_failures). E-mail addresses are stored lower-cased.

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
