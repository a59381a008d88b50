// Per-client request limits in fixed one-minute windows, counted in the database (rate_limits)
// so that several server processes behind a load balancer share one budget per client. Over the
// limit the answer is 429 with Retry-After: the seconds until the window ends.

import type { Context, MiddlewareHandler } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import { hitRateLimit, sweepRateLimits } from '../../../store/repositories/rate-limits.js';
import type { AppEnv } from '../../env.js';

export const WINDOW_MS = 60_000;
/** Old windows are deleted once every this many counted requests. */
const SWEEP_EVERY = 1000;

export interface RateLimitOptions {
  /** Requests per window; 0 turns the limit off. */
  limit: number;
  /** Separates budgets: `client` for every route, `auth` for sign-in and registration. */
  bucket: string;
  /** Who is counted; by default the signed-in user, else the client address. */
  key?: (c: Context<AppEnv>) => string;
  /** What the 429 says. */
  message?: string;
}

export function clientKey(c: Context<AppEnv>): string {
  const user = c.get('user');
  return user ? `user:${user.id}` : `ip:${c.get('clientIp')}`;
}

export function ipKey(c: Context<AppEnv>): string {
  return `ip:${c.get('clientIp')}`;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  let counted = 0;
  return async (c, next) => {
    if (options.limit <= 0) return next();
    const { db, clock } = c.get('services');
    const now = clock().getTime();
    const windowStart = now - (now % WINDOW_MS);
    const key = `${options.bucket}:${(options.key ?? clientKey)(c)}`;
    const count = await hitRateLimit(db, key, windowStart);
    if (++counted % SWEEP_EVERY === 0) await sweepRateLimits(db, windowStart - WINDOW_MS);
    c.header('RateLimit-Limit', String(options.limit));
    c.header('RateLimit-Remaining', String(Math.max(0, options.limit - count)));
    if (count > options.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
      throw new ScrumdownError('rate_limited', options.message ?? `Too many requests: the limit is ${options.limit} a minute. Try again in ${retryAfterSeconds} s.`, {
        limit: options.limit,
        retryAfterSeconds,
      });
    }
    await next();
  };
}
