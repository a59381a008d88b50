// Per-client request limits in fixed one-minute windows, counted in the database (rate_limits)
// so that several server processes behind a load balancer share one budget per client. Over the
// limit the answer is 429 with Retry-After: the seconds until the window ends. Counts are written
// in small batches (counter.ts): exact for small limits, within a few requests for large ones.

import type { Context, MiddlewareHandler } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import type { AppEnv } from '../../env.js';
import { SharedCounter } from './counter.js';

export const WINDOW_MS = 60_000;
/** A batch is at most this share of the limit, so the overshoot stays a small fraction of it. */
const BATCH_SHARE = 100;
/** A batch is written at least this often. */
const MAX_DELAY_MS = 1000;

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
  const counter = new SharedCounter({ flushEvery: Math.max(1, Math.floor(options.limit / BATCH_SHARE)), maxDelayMs: MAX_DELAY_MS, windowMs: WINDOW_MS });
  return async (c, next) => {
    if (options.limit <= 0) return next();
    const { db, clock } = c.get('services');
    const now = clock().getTime();
    const windowStart = now - (now % WINDOW_MS);
    const key = `${options.bucket}:${(options.key ?? clientKey)(c)}`;
    const count = await counter.hit(db, key, windowStart, now);
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
