// Refresh tokens, API tokens and invites: every one stored as the SHA-256 of the token, never the
// token itself. Refresh tokens form families (one per sign-in) so that reuse of a spent token
// can revoke every token descended from the same sign-in.

import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database, InvitesTable, RefreshTokensTable } from '../schema.js';

type Db = Kysely<Database>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type InviteRow = Selectable<InvitesTable>;

export async function insertRefreshToken(db: Db, row: RefreshTokenRow): Promise<void> {
  await db.insertInto('refresh_tokens').values(row).execute();
}

export async function findRefreshTokenByHash(db: Db, hash: string): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Marks a token spent if nobody spent it first; false means it was already used (a reuse). */
export async function spendRefreshToken(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeRefreshFamily(db: Db, familyId: string, at: string): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: at }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

export async function revokeUserRefreshTokens(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(db: Db, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

export async function revokeApiToken(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertInvite(db: Db, row: InviteRow): Promise<void> {
  await db.insertInto('invites').values(row).execute();
}

export async function findInviteByHash(db: Db, hash: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Uses an invite once; false when someone used it first. */
export async function spendInvite(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('invites').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findInviteById(db: Db, id: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Invites newest first, `limit` of them, after the given one (the previous page's last). */
export async function listInvites(db: Db, query: { after?: { createdAt: string; id: string } | undefined; limit: number }): Promise<InviteRow[]> {
  let q = db.selectFrom('invites').selectAll();
  const after = query.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** Revokes an invite nobody has used; false when it is used or revoked already. */
export async function revokeInvite(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('invites').set({ revoked_at: at }).where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
