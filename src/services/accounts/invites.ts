// Invites: an administrator invites an e-mail address; the invite token (shown once) lets that
// address register while sign-up is by invitation. Invites expire after seven days; an
// administrator lists them and can revoke one that has not been used.

import { ScrumdownError } from '../../errors.js';
import { findInviteById, insertInvite, listInvites as listInviteRows, revokeInvite as revokeRow } from '../../store/repositories/tokens.js';
import type { InviteRow } from '../../store/repositories/tokens.js';
import { requireAdmin } from './admin-users.js';
import { decodeCursor, pageOf, pageSize } from './page.js';
import type { PageQuery } from './page.js';
import { hashToken, newId, newToken } from './secrets.js';
import type { AccountsContext, AuthUser } from './types.js';

export const INVITE_DAYS = 7;

export interface CreatedInvite {
  id: string;
  email: string;
  /** Shown this once. */
  invite: string;
  expiresAt: string;
}

export type InviteState = 'pending' | 'used' | 'expired' | 'revoked';

export interface InviteView {
  id: string;
  email: string;
  /** The administrator who invited. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  /** Only a pending invite lets its address register. */
  state: InviteState;
}

export interface InvitePage {
  invites: InviteView[];
  nextCursor: string | null;
}

export async function createInvite(ctx: AccountsContext, by: AuthUser, emailInput: string): Promise<CreatedInvite> {
  requireAdmin(by, 'invite people');
  const email = emailInput.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ScrumdownError('validation_failed', `"${emailInput}" is not an e-mail address.`, { fields: [{ field: 'email', problem: 'not an e-mail address' }] });
  }
  const now = ctx.clock();
  const invite = newToken('sdi');
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  const id = newId();
  await insertInvite(ctx.db, { id, email, token_hash: hashToken(invite), created_by: by.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, revoked_at: null });
  return { id, email, invite, expiresAt };
}

function inviteView(row: InviteRow, at: string): InviteView {
  const state: InviteState = row.used_at !== null ? 'used' : row.revoked_at !== null ? 'revoked' : row.expires_at <= at ? 'expired' : 'pending';
  return { id: row.id, email: row.email, createdBy: row.created_by, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at, state };
}

/** Every invite, newest first. */
export async function listInvites(ctx: AccountsContext, by: AuthUser, input: PageQuery): Promise<InvitePage> {
  requireAdmin(by, 'list invites');
  const limit = pageSize(input.limit);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, 2);
  const rows = await listInviteRows(ctx.db, { after: after && { createdAt: after[0]!, id: after[1]! }, limit: limit + 1 });
  const page = pageOf(rows, limit, (last) => [last.created_at, last.id]);
  const at = ctx.clock().toISOString();
  return { invites: page.rows.map((row) => inviteView(row, at)), nextCursor: page.nextCursor };
}

/** Revokes an unused invite: registering with it is refused from then on. */
export async function revokeInvite(ctx: AccountsContext, by: AuthUser, inviteId: string): Promise<void> {
  requireAdmin(by, 'revoke invites');
  if (await revokeRow(ctx.db, inviteId, ctx.clock().toISOString())) return;
  const row = await findInviteById(ctx.db, inviteId);
  if (!row || row.revoked_at !== null) {
    throw new ScrumdownError('not_found', `There is no invite with id ${inviteId} to revoke. List them with GET /api/v1/invites.`, { id: inviteId });
  }
  throw new ScrumdownError('conflict', `The invite for ${row.email} was used on ${row.used_at}: the account exists. Disable it with PATCH /api/v1/admin/users/:id instead.`, { id: inviteId });
}
