import { afterEach, describe, expect, it } from 'vitest';
import { harness, readJson } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { authenticateRequest, currentUser, requireAdmin, requireAuth } from './index.js';
import { issueAccessToken } from '../../../services/accounts/access-tokens.js';

let h: Harness;
afterEach(() => h.close());

async function setUp(): Promise<void> {
  h = await harness();
  await h.handle.db
    .insertInto('users')
    .values([
      { id: 'u1', email: 'ann@example.test', name: 'Ann', password_hash: 'x', is_admin: 0, created_at: 'now', updated_at: 'now' },
      { id: 'u2', email: 'root@example.test', name: 'Root', password_hash: 'x', is_admin: 1, created_at: 'now', updated_at: 'now' },
    ])
    .execute();
  h.app.use('*', authenticateRequest());
  h.app.get('/open', (c) => c.json({ user: c.get('user')?.id ?? null }));
  h.app.get('/closed', requireAuth(), (c) => c.json({ user: currentUser(c).id }));
  h.app.get('/admin', requireAuth(), requireAdmin(), (c) => c.json({ ok: true }));
}

async function token(userId: string): Promise<string> {
  return issueAccessToken(userId, h.services.config.jwtSecret, h.clock(), 900);
}

describe('auth middleware', () => {
  it('lets anonymous callers reach open routes and stops them at requireAuth with 401 and WWW-Authenticate', async () => {
    await setUp();
    expect(await readJson<unknown>(await h.app.request('/open'))).toEqual({ user: null });
    const closed = await h.app.request('/closed');
    expect(closed.status).toBe(401);
    expect(closed.headers.get('www-authenticate')).toBe('Bearer');
    expect((await readJson(closed)).error.details).toEqual({ reason: 'missing' });
  });

  it('sets the user from a valid access token', async () => {
    await setUp();
    const response = await h.app.request('/closed', { headers: { authorization: `Bearer ${await token('u1')}` } });
    expect(await readJson<unknown>(response)).toEqual({ user: 'u1' });
  });

  it('refuses a malformed or invalid credential even on an open route', async () => {
    await setUp();
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Bearer not.a.jwt']) {
      const response = await h.app.request('/open', { headers: { authorization: header } });
      expect(response.status, header).toBe(401);
    }
  });

  it('refuses a token whose account is gone', async () => {
    await setUp();
    const stale = await token('u1');
    await h.handle.db.deleteFrom('users').where('id', '=', 'u1').execute();
    expect((await h.app.request('/closed', { headers: { authorization: `Bearer ${stale}` } })).status).toBe(401);
  });

  it('lets only administrators past requireAdmin', async () => {
    await setUp();
    expect((await h.app.request('/admin', { headers: { authorization: `Bearer ${await token('u1')}` } })).status).toBe(403);
    expect((await h.app.request('/admin', { headers: { authorization: `Bearer ${await token('u2')}` } })).status).toBe(200);
  });
});
