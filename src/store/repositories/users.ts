// Users: look-ups by id and e-mail, creation, and the sign-in bookkeeping kept in the row
// (failed attempts and the lock). E-mail addresses are stored lower-cased.

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

/** Counts one failed sign-in and returns the new count (atomic, so parallel guesses all count). */
export async function recordFailedLogin(db: Db, id: string, at: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirst();
  return Number(row?.failed_logins ?? 0);
}
