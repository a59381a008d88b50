import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../env.js';
import { errorResponse } from '../../errors.js';
import { harness, readJson } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { ipKey, rateLimit, WINDOW_MS } from './index.js';

let h: Harness;
afterEach(() => h.close());

function get(app: Hono<AppEnv>, ip = '203.0.113.7'): Promise<Response> {
  return Promise.resolve(app.request('/', { headers: { 'x-forwarded-for': ip } }));
}

describe('rateLimit', () => {
  it('lets the limit through per minute, then answers 429 with Retry-After until the window ends', async () => {
    h = await harness();
    h.clock.set('2026-11-22T09:00:15.000Z');
    h.app.use('*', rateLimit({ bucket: 'client', limit: 3 }));
    h.app.get('/', (c) => c.text('ok'));

    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await get(h.app)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await get(h.app);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const body = await readJson(refused);
    expect(body.error).toMatchObject({ code: 'rate_limited', details: { limit: 3, retryAfterSeconds: 45 } });

    // Another address has its own budget.
    expect((await get(h.app, '198.51.100.1')).status).toBe(200);

    // The next window starts afresh.
    h.clock.set('2026-11-22T09:01:00.000Z');
    expect((await get(h.app)).status).toBe(200);
  });

  it('is shared by every app on the same database, as several server processes would be', async () => {
    h = await harness();
    const second = new Hono<AppEnv>();
    second.use('*', async (c, next) => {
      c.set('services', h.services);
      c.set('clientIp', clientIp(c, true));
      await next();
    });
    second.onError((error, c) => errorResponse(c, error));
    for (const app of [h.app, second]) {
      app.use('*', rateLimit({ bucket: 'client', limit: 2, key: ipKey }));
      app.get('/', (c) => c.text('ok'));
    }
    expect((await get(h.app)).status).toBe(200);
    expect((await get(second)).status).toBe(200);
    expect((await get(h.app)).status).toBe(429);
    expect((await get(second)).status).toBe(429);
    const rows = await h.handle.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows).toEqual([{ key: 'client:ip:203.0.113.7', window_start: Date.parse('2026-11-22T09:00:00.000Z'), count: 4 }]);
  });

  it('writes a large limit in batches of a hundredth of it, not on every request', async () => {
    h = await harness();
    h.app.use('*', rateLimit({ bucket: 'client', limit: 1000 }));
    h.app.get('/', (c) => c.text('ok'));
    let remaining = '';
    for (let index = 0; index < 30; index++) remaining = (await get(h.app)).headers.get('ratelimit-remaining')!;
    expect(remaining).toBe('970');
    // The first hit, then two batches of ten.
    const row = await h.handle.db.selectFrom('rate_limits').select('count').executeTakeFirstOrThrow();
    expect(row.count).toBe(21);
  });

  it('counts nothing when the limit is 0', async () => {
    h = await harness();
    h.app.use('*', rateLimit({ bucket: 'client', limit: 0 }));
    h.app.get('/', (c) => c.text('ok'));
    for (let index = 0; index < 5; index++) expect((await get(h.app)).status).toBe(200);
    expect(await h.handle.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
  });

  it('sweeps windows that have ended', async () => {
    h = await harness();
    // A limit under 100 writes every hit; the sweep comes once every 500 writes.
    h.app.use('*', rateLimit({ bucket: 'client', limit: 99 }));
    h.app.get('/', (c) => c.text('ok'));
    await get(h.app);
    h.clock.advance(3 * WINDOW_MS);
    for (let index = 0; index < 500; index++) await get(h.app);
    const windows = await h.handle.db.selectFrom('rate_limits').select('window_start').execute();
    expect(windows.map((row) => row.window_start)).toEqual([Date.parse('2026-11-22T09:03:00.000Z')]);
  });
});
