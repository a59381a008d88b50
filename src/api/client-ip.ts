// The client's address as the rate limits and logs see it: the socket's peer, or, only when
// SCRUMDOWN_TRUST_PROXY is on, the last address in X-Forwarded-For: the one our own proxy added
// (the peer it saw). Addresses further left were sent by the client and could be anything.

import type { Context } from 'hono';
import type { AppEnv } from './env.js';

export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
