// Authentication: `authenticateRequest` reads an `Authorization: Bearer …` credential (an access
// JWT or an API token) when there is one and sets the user; a bad credential is a 401 even on
// routes that would allow anonymous callers, so a client learns at once that its token is dead.
// `requireAuth` refuses anonymous callers. Handlers read the caller with `currentUser(c)`.

import type { Context, MiddlewareHandler } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import { authenticate } from '../../../services/accounts/authenticate.js';
import type { AuthUser } from '../../../services/accounts/types.js';
import type { AppEnv } from '../../env.js';
import { accountsContext } from '../../service-context.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export interface AuthenticateOptions {
  /**
   * Keep a failure for rejectFailedCredential() instead of answering at once, so that middleware
   * in between (the rate limit) still runs: requests with bad credentials are then counted
   * against their address like any anonymous request.
   */
  defer?: boolean;
}

export function authenticateRequest(options: AuthenticateOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      try {
        const match = BEARER.exec(header);
        if (!match) {
          throw new ScrumdownError('unauthenticated', 'The Authorization header must be "Bearer <token>" with an access token or an API token.', { reason: 'malformed' });
        }
        c.set('user', await authenticate(accountsContext(c), match[1]!));
      } catch (error) {
        if (!options.defer) throw error;
        c.set('authFailure', error);
      }
    }
    await next();
  };
}

/** Answers a credential that authenticateRequest({ defer: true }) refused. */
export function rejectFailedCredential(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const failure = c.get('authFailure');
    if (failure !== undefined) throw failure;
    await next();
  };
}

export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    currentUser(c);
    await next();
  };
}

/** The signed-in caller; 401 when there is none. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.get('user');
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new ScrumdownError('unauthenticated', 'Sign in first: send "Authorization: Bearer <token>" (POST /api/v1/auth/login gives one).', { reason: 'missing' });
  }
  return user;
}

/** Refuses callers who are not administrators. */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!currentUser(c).isAdmin) throw new ScrumdownError('forbidden', 'Only an administrator can do this.');
    await next();
  };
}
