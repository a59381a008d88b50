// The client's address as the rate limits and logs see it: the socket's peer, or, only when
// SCRUMDOWN_TRUST_PROXY is on, the first address in X-Forwarded-For (the one the proxy saw).

import type { Context } from 'hono';
import type { AppEnv } from './env.js';

export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const first = forwarded?.split(',')[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
