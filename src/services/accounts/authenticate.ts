// Who is calling: a Bearer credential is either an API token (sdt_…) or an access JWT. Either
// way the account is read afresh, so a deleted or disabled account or a revoked token stops
// working at once.

import { ScrumdownError } from '../../errors.js';
import { findApiTokenByHash, touchApiToken } from '../../store/repositories/tokens.js';
import { findUserById } from '../../store/repositories/users.js';
import { verifyAccessToken } from './access-tokens.js';
import { activeUser } from './active.js';
import { hashToken } from './secrets.js';
import type { AccountsContext, AuthUser } from './types.js';

/** last_used_at is written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function authenticate(ctx: AccountsContext, credential: string): Promise<AuthUser> {
  const now = ctx.clock();
  let userId: string;
  let via: AuthUser['via'];
  if (credential.startsWith('sdt_')) {
    const token = await findApiTokenByHash(ctx.db, hashToken(credential));
    const at = now.toISOString();
    if (!token || token.revoked_at !== null || (token.expires_at !== null && token.expires_at <= at)) {
      throw new ScrumdownError('unauthenticated', 'The API token is not valid (revoked, expired or mistyped). Create a new one with POST /api/v1/tokens.', { reason: 'invalid' });
    }
    if (token.last_used_at === null || now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await touchApiToken(ctx.db, token.id, at);
    }
    userId = token.user_id;
    via = 'api_token';
  } else {
    userId = (await verifyAccessToken(credential, ctx.config.jwtSecret, now)).userId;
    via = 'access_token';
  }
  // The row read here anyway carries disabled_at: refusing a disabled account costs no query.
  const user = activeUser(await findUserById(ctx.db, userId));
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.is_admin === 1, via };
}
