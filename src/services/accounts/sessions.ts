// Registration, sign-in, refresh, sign-out and password change. A sign-in starts a refresh-token
// family; each refresh spends the presented token and issues the next one in the same family.
// Presenting a spent token means it was copied, so the whole family is revoked and everyone
// holding one of its tokens must sign in again. Five wrong passwords within 15 minutes lock the
// account for 15 minutes; both are kept in the database, so every server process sees them.

import { ScrumdownError } from '../../errors.js';
import { inTransaction, takeTurns } from '../../store/transaction.js';
import { clearSignInFailures, countUsers, findUserByEmail, findUserById, insertUser, recordSignInAttempt, updateUser } from '../../store/repositories/users.js';
import {
  findInviteByHash,
  findRefreshTokenByHash,
  insertRefreshToken,
  revokeRefreshFamily,
  revokeUserRefreshTokens,
  spendInvite,
  spendRefreshToken,
} from '../../store/repositories/tokens.js';
import type { RefreshTokenRow } from '../../store/repositories/tokens.js';
import type { User } from '../../store/schema.js';
import { issueAccessToken } from './access-tokens.js';
import { activeUser } from './active.js';
import { checkPasswordRules, hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newId, newToken } from './secrets.js';
import type { AccountsContext, PublicUser, Session } from './types.js';

export const MAX_FAILED_LOGINS = 5;
/** The turns registrations take (takeTurns). */
const REGISTRATION_LOCK = 7_431_001;
export const LOCK_MINUTES = 15;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function publicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.is_admin === 1, createdAt: user.created_at };
}

export interface RegisterInput {
  email: string;
  name: string;
  password: string;
  /** The invite token, when sign-up is by invitation. */
  invite?: string | undefined;
}

/** Creates an account and signs it in. The first account on a server is its administrator. */
export async function register(ctx: AccountsContext, input: RegisterInput): Promise<Session> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new ScrumdownError('validation_failed', `"${input.email}" is not an e-mail address.`, { fields: [{ field: 'email', problem: 'not an e-mail address' }] });
  }
  if (name === '' || name.length > 200) {
    throw new ScrumdownError('validation_failed', 'The name must have 1 to 200 characters.', { fields: [{ field: 'name', problem: '1 to 200 characters' }] });
  }
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock().toISOString();

  const user = await inTransaction(ctx.handle, async (trx) => {
    // Registrations take turns, so two people racing to be first cannot both become admin.
    await takeTurns(ctx.handle, trx, REGISTRATION_LOCK);
    const first = (await countUsers(trx)) === 0;
    if (!first) {
      if (ctx.config.signup === 'closed') {
        throw new ScrumdownError('forbidden', 'Sign-up is closed on this server. Ask an administrator for an account.', { signup: 'closed' });
      }
      if (ctx.config.signup === 'invite') {
        const invite = input.invite ? await findInviteByHash(trx, hashToken(input.invite)) : undefined;
        if (!invite || invite.email !== email || invite.used_at !== null || invite.revoked_at !== null || invite.expires_at <= at) {
          throw new ScrumdownError('forbidden', 'Sign-up on this server needs a valid invite for this e-mail address. Ask an administrator for one.', { signup: 'invite' });
        }
        if (!(await spendInvite(trx, invite.id, at))) {
          throw new ScrumdownError('forbidden', 'This invite has already been used.', { signup: 'invite' });
        }
      }
    }
    if (await findUserByEmail(trx, email)) {
      throw new ScrumdownError('conflict', `An account for ${email} exists already. Sign in instead.`, { field: 'email' });
    }
    const row: User = { id: newId(), email, name, password_hash: passwordHash, is_admin: first ? 1 : 0, locked_until: null, created_at: at, updated_at: at, disabled_at: null };
    await insertUser(trx, row);
    return row;
  });
  return startSession(ctx, user);
}

export interface LoginInput {
  email: string;
  password: string;
}

export async function login(ctx: AccountsContext, input: LoginInput): Promise<Session> {
  const now = ctx.clock();
  const at = now.toISOString();
  const user = await findUserByEmail(ctx.db, input.email.trim());
  if (!user) {
    // The same work and the same answer as a wrong password, so e-mail addresses cannot be probed.
    await verifyPassword(undefined, input.password);
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > at) throw locked(user.locked_until, now);
  // Counted before the password is checked, so guesses sent all at once cannot outrun the count.
  const since = new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString();
  const attempts = await recordSignInAttempt(ctx.db, user.id, at, since);
  if (attempts > MAX_FAILED_LOGINS) throw locked(await lock(ctx, user.id, now), now);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    if (attempts === MAX_FAILED_LOGINS) await lock(ctx, user.id, now);
    throw badCredentials();
  }
  await clearSignInFailures(ctx.db, user.id);
  if (user.locked_until !== null) await updateUser(ctx.db, user.id, { locked_until: null, updated_at: at });
  // Only after the right password: nobody else learns that the account is disabled.
  return startSession(ctx, activeUser(user));
}

/** Locks the account for LOCK_MINUTES from now and returns until when. */
async function lock(ctx: AccountsContext, userId: string, now: Date): Promise<string> {
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  await updateUser(ctx.db, userId, { locked_until: until, updated_at: now.toISOString() });
  return until;
}

function badCredentials(): ScrumdownError {
  return new ScrumdownError('unauthenticated', 'The e-mail address or the password is wrong.', { reason: 'bad_credentials' });
}

function locked(until: string, now: Date): ScrumdownError {
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000));
  return new ScrumdownError(
    'account_locked',
    `This account is locked after ${MAX_FAILED_LOGINS} wrong passwords within ${LOCK_MINUTES} minutes, until ${until}. Try again then.`,
    { lockedUntil: until, retryAfterSeconds },
  );
}

async function startSession(ctx: AccountsContext, user: User): Promise<Session> {
  const now = ctx.clock();
  const next = nextRefreshToken(ctx, user.id, newId(), now);
  await insertRefreshToken(ctx.db, next.row);
  return session(ctx, user, next.token, now);
}

/** A new refresh token of the family and the row that stores its hash. */
function nextRefreshToken(ctx: AccountsContext, userId: string, familyId: string, now: Date): { token: string; row: RefreshTokenRow } {
  const token = newToken('sdr');
  const row: RefreshTokenRow = {
    id: newId(),
    user_id: userId,
    family_id: familyId,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.refreshTokenSeconds * 1000).toISOString(),
    used_at: null,
    revoked_at: null,
  };
  return { token, row };
}

async function session(ctx: AccountsContext, user: User, refreshToken: string, now: Date): Promise<Session> {
  const accessToken = await issueAccessToken(user.id, ctx.config.jwtSecret, now, ctx.config.accessTokenSeconds);
  return { accessToken, expiresIn: ctx.config.accessTokenSeconds, refreshToken, user: publicUser(user) };
}

/** Spends a refresh token for a new session in the same family; reuse revokes the family. */
export async function refreshSession(ctx: AccountsContext, refreshToken: string): Promise<Session> {
  const now = ctx.clock();
  const at = now.toISOString();
  const row = await findRefreshTokenByHash(ctx.db, hashToken(refreshToken));
  if (!row || row.revoked_at !== null) {
    throw new ScrumdownError('unauthenticated', 'The refresh token is not valid. Sign in again.', { reason: 'invalid' });
  }
  if (row.used_at === null && row.expires_at <= at) {
    throw new ScrumdownError('unauthenticated', 'The refresh token has expired. Sign in again.', { reason: 'expired' });
  }
  const user = activeUser(await findUserById(ctx.db, row.user_id));
  const next = nextRefreshToken(ctx, user.id, row.family_id, now);
  // The spend and its successor commit together: a reuse racing this refresh (on any server
  // process) waits for both, so the revocation it causes reaches the successor too.
  const spent =
    row.used_at === null &&
    (await inTransaction(ctx.handle, async (trx) => {
      if (!(await spendRefreshToken(trx, row.id, at))) return false;
      await insertRefreshToken(trx, next.row);
      return true;
    }));
  if (!spent) {
    await revokeRefreshFamily(ctx.db, row.family_id, at);
    throw new ScrumdownError('unauthenticated', 'This refresh token was used before, so every session from the same sign-in has been ended. Sign in again.', {
      reason: 'reused',
    });
  }
  return session(ctx, user, next.token, now);
}

/** Ends the sign-in the refresh token belongs to. Unknown tokens are ignored (signing out twice is fine). */
export async function logout(ctx: AccountsContext, refreshToken: string): Promise<void> {
  const row = await findRefreshTokenByHash(ctx.db, hashToken(refreshToken));
  if (row) await revokeRefreshFamily(ctx.db, row.family_id, ctx.clock().toISOString());
}

/** Changes the password and ends every sign-in of the account (API tokens stay). */
export async function changePassword(ctx: AccountsContext, userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new ScrumdownError('unauthenticated', 'The account no longer exists.');
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new ScrumdownError('forbidden', 'The current password is wrong.', { fields: [{ field: 'currentPassword', problem: 'wrong password' }] });
  }
  checkPasswordRules(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const at = ctx.clock().toISOString();
  await inTransaction(ctx.handle, async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash, updated_at: at });
    await revokeUserRefreshTokens(trx, userId, at);
  });
}
