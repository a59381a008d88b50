// Invites: an administrator invites an e-mail address; the invite token (shown once) lets that
// address register while sign-up is by invitation. Invites expire after seven days.

import { ScrumdownError } from '../../errors.js';
import { insertInvite } from '../../store/repositories/tokens.js';
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

export async function createInvite(ctx: AccountsContext, by: AuthUser, emailInput: string): Promise<CreatedInvite> {
  if (!by.isAdmin) throw new ScrumdownError('forbidden', 'Only an administrator can invite people.');
  const email = emailInput.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ScrumdownError('validation_failed', `"${emailInput}" is not an e-mail address.`, { fields: [{ field: 'email', problem: 'not an e-mail address' }] });
  }
  const now = ctx.clock();
  const invite = newToken('sdi');
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  const id = newId();
  await insertInvite(ctx.db, { id, email, token_hash: hashToken(invite), created_by: by.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
  return { id, email, invite, expiresAt };
}
