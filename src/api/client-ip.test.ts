import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip.js';
import type { AppEnv } from './env.js';

function appFor(trustProxy: boolean): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.text(clientIp(c, trustProxy)));
  return app;
}

async function ipOf(trustProxy: boolean, headers: Record<string, string>, peer?: string): Promise<string> {
  const env = peer === undefined ? undefined : { incoming: { socket: { remoteAddress: peer } } };
  return (await appFor(trustProxy).request('/', { headers }, env)).text();
}

describe('clientIp', () => {
  it('uses the socket peer and ignores X-Forwarded-For unless the proxy is trusted', async () => {
    expect(await ipOf(false, { 'x-forwarded-for': '203.0.113.9' }, '10.0.0.5')).toBe('10.0.0.5');
    expect(await ipOf(false, {})).toBe('unknown');
  });

  it('behind a trusted proxy takes the address the proxy added, not what the client sent', async () => {
    // The client sent "1.2.3.4"; the proxy appended the address it saw.
    expect(await ipOf(true, { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }, '10.0.0.5')).toBe('203.0.113.9');
    expect(await ipOf(true, { 'x-forwarded-for': '198.51.100.2' }, '10.0.0.5')).toBe('198.51.100.2');
    expect(await ipOf(true, {}, '10.0.0.5')).toBe('10.0.0.5');
  });
});
