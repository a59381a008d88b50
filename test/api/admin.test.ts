// Administration over HTTP on SQLite and PostgreSQL: the list of accounts (pages, the text
// filter), disabling an account (every sign-in, refresh and token refused, until it is enabled
// again), granting and revoking administrator with one active administrator always left, and
// the list of invites with revocation.

import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createTestApp, createUser, TEST_PASSWORD } from '../support/factories.js';
import type { TestApp, TestUser } from '../support/factories.js';

describeEachDatabase('administration', (getHandle, suite) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = createTestApp(getHandle());
    admin = await createUser(t, { admin: true });
  });

  function login(app: TestApp, email: string, password = TEST_PASSWORD) {
    return app.request('POST', '/api/v1/auth/login', { json: { email, password } });
  }

  describe('the list of accounts', () => {
    let app: TestApp;
    let root: TestUser;
    beforeAll(async () => {
      app = createTestApp((await suite.fresh()).handle);
      root = await createUser(app, { admin: true, email: 'root@example.test', name: 'Root' });
      await createUser(app, { email: 'ada@example.test', name: 'Ada Lovelace' });
      await createUser(app, { email: 'grace@navy.example', name: 'Grace Hopper' });
      await createUser(app, { email: 'edsger@example.test', name: '100% Dijkstra' });
      await createUser(app, { email: 'alan_turing@example.test', name: 'Alan Turing' });
      await createUser(app, { email: 'emile@example.test', name: 'Émile Zola' });
    });

    async function emails(query: string): Promise<string[]> {
      const page = await app.request('GET', `/api/v1/admin/users${query}`, { token: root.token });
      expect(page.status, page.text).toBe(200);
      return page.body.users.map((user: { email: string }) => user.email);
    }

    it('lists every account by e-mail address, with its state', async () => {
      const page = await app.request('GET', '/api/v1/admin/users', { token: root.token });
      expect(page.body.nextCursor).toBeNull();
      expect(page.body.users.map((user: { email: string }) => user.email)).toEqual(['ada@example.test', 'alan_turing@example.test', 'edsger@example.test', 'emile@example.test', 'grace@navy.example', 'root@example.test']);
      expect(page.body.users[5]).toEqual({ id: root.id, email: 'root@example.test', name: 'Root', isAdmin: true, createdAt: app.clock().toISOString(), disabledAt: null });
      expect(page.text).not.toContain('argon2');
    });

    it('pages with limit and cursor, every account once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
        const page = await app.request('GET', `/api/v1/admin/users${query}`, { token: root.token });
        expect(page.body.users.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.users.map((user: { email: string }) => user.email));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual(await emails(''));
    });

    it('filters by text in the name or the address, ignoring case, wildcards taken literally', async () => {
      expect(await emails('?q=LOVE')).toEqual(['ada@example.test']);
      expect(await emails('?q=navy')).toEqual(['grace@navy.example']);
      expect(await emails('?q=%25')).toEqual(['edsger@example.test']);
      expect(await emails('?q=_')).toEqual(['alan_turing@example.test']);
      expect(await emails('?q=a&limit=1')).toEqual(['ada@example.test']);
      expect(await emails('?q=nobody-has-this')).toEqual([]);
      // Letters beyond A to Z match at least as written.
      expect(await emails(`?q=${encodeURIComponent('Émile ZOLA')}`)).toEqual(['emile@example.test']);
    });

    it('refuses a bad limit or cursor naming the field', async () => {
      const zero = await app.request('GET', '/api/v1/admin/users?limit=0', { token: root.token });
      expect(zero.status).toBe(400);
      expect(zero.body.error.details.fields[0].field).toBe('limit');
      const bad = await app.request('GET', '/api/v1/admin/users?cursor=not-a-cursor', { token: root.token });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual({ in: 'query', fields: [{ field: 'cursor', problem: 'not a cursor' }] });
    });
  });

  it('refuses a disabled account every credential (sign-in, refresh, access and API tokens) until it is enabled again', async () => {
    const user = await createUser(t);
    const session = await login(t, user.email);
    const apiToken = (await t.request('POST', '/api/v1/tokens', { token: user.token, json: { name: 'laptop' } })).body.token as string;

    const disabled = await t.request('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, json: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: user.id, isAdmin: false, disabledAt: t.clock().toISOString() });

    const refusals = {
      signIn: await login(t, user.email),
      refresh: await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } }),
      accessToken: await t.request('GET', '/api/v1/me', { token: session.body.accessToken }),
      apiToken: await t.request('GET', '/api/v1/me', { token: apiToken }),
      mcp: await t.request('POST', '/mcp?project=any', { token: apiToken, json: { jsonrpc: '2.0', id: 1, method: 'tools/list' } }),
    };
    for (const [name, response] of Object.entries(refusals)) {
      expect(response.status, name).toBe(401);
      expect(response.body.error.details.reason, name).toBe('disabled');
    }
    // Without the right password nothing tells that the account is disabled.
    const wrong = await login(t, user.email, 'not the password');
    expect(wrong.body.error.details.reason).toBe('bad_credentials');
    // The right password, tried again and again, is not counted towards the lockout.
    for (let attempt = 1; attempt <= 6; attempt++) expect((await login(t, user.email)).body.error.details.reason, `attempt ${attempt}`).toBe('disabled');

    // Disabling twice keeps the first time.
    t.clock.advance(60_000);
    expect((await t.request('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, json: { disabled: true } })).body.disabledAt).toBe(disabled.body.disabledAt);

    const enabled = await t.request('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, json: { disabled: false } });
    expect(enabled.body.disabledAt).toBeNull();
    expect((await login(t, user.email)).status).toBe(200);
    // Nothing was spent or revoked while it was disabled: the earlier credentials work again.
    expect((await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: apiToken })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
  });

  it('grants and revokes administrator, taking effect on the next request', async () => {
    const user = await createUser(t);
    expect((await t.request('GET', '/api/v1/admin/users', { token: user.token })).status).toBe(403);
    const granted = await t.request('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, json: { isAdmin: true } });
    expect(granted.body.isAdmin).toBe(true);
    expect((await t.request('GET', '/api/v1/admin/users', { token: user.token })).status).toBe(200);
    expect((await t.request('PATCH', `/api/v1/admin/users/${user.id}`, { token: admin.token, json: { isAdmin: false } })).body.isAdmin).toBe(false);
    expect((await t.request('GET', '/api/v1/admin/users', { token: user.token })).status).toBe(403);
  });

  it('refuses an unknown account (404) and a change that names nothing (400)', async () => {
    const unknown = await t.request('PATCH', '/api/v1/admin/users/no-such-user', { token: admin.token, json: { disabled: true } });
    expect(unknown.status).toBe(404);
    const empty = await t.request('PATCH', `/api/v1/admin/users/${admin.id}`, { token: admin.token, json: {} });
    expect(empty.status).toBe(400);
    const wrongType = await t.request('PATCH', `/api/v1/admin/users/${admin.id}`, { token: admin.token, json: { disabled: 'yes' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.fields[0].field).toBe('disabled');
  });

  it('keeps one active administrator: the last can be neither demoted nor disabled (409 naming the rule)', async () => {
    const app = createTestApp((await suite.fresh()).handle);
    const root = await createUser(app, { admin: true });
    const other = await createUser(app);
    for (const change of [{ isAdmin: false }, { disabled: true }, { isAdmin: false, disabled: true }]) {
      const refused = await app.request('PATCH', `/api/v1/admin/users/${root.id}`, { token: root.token, json: change });
      expect(refused.status, JSON.stringify(change)).toBe(409);
      expect(refused.body.error.details).toEqual({ rule: 'last_admin', id: root.id });
      expect(refused.body.error.message).toContain('last active administrator');
    }
    // A disabled administrator does not count.
    expect((await app.request('PATCH', `/api/v1/admin/users/${other.id}`, { token: root.token, json: { isAdmin: true, disabled: true } })).status).toBe(200);
    expect((await app.request('PATCH', `/api/v1/admin/users/${root.id}`, { token: root.token, json: { isAdmin: false } })).status).toBe(409);
    // With another active administrator, the first may step down; then the other is the last.
    expect((await app.request('PATCH', `/api/v1/admin/users/${other.id}`, { token: root.token, json: { disabled: false } })).status).toBe(200);
    expect((await app.request('PATCH', `/api/v1/admin/users/${root.id}`, { token: root.token, json: { isAdmin: false } })).status).toBe(200);
    expect((await app.request('PATCH', `/api/v1/admin/users/${other.id}`, { token: other.token, json: { disabled: true } })).status).toBe(409);
    // Enabling or granting never meets the rule.
    expect((await app.request('PATCH', `/api/v1/admin/users/${root.id}`, { token: other.token, json: { isAdmin: true } })).status).toBe(200);
  });

  it('lets only one of two administrators demoting each other at once succeed', async () => {
    const app = createTestApp((await suite.fresh()).handle);
    // A race is lost only sometimes: several rounds, each with two fresh administrators.
    for (let round = 1; round <= 6; round++) {
      await app.handle.db.updateTable('users').set({ is_admin: 0 }).execute();
      const first = await createUser(app, { admin: true });
      const second = await createUser(app, { admin: true });
      const answers = await Promise.all([
        app.request('PATCH', `/api/v1/admin/users/${second.id}`, { token: first.token, json: { isAdmin: false } }),
        app.request('PATCH', `/api/v1/admin/users/${first.id}`, { token: second.token, json: { isAdmin: false } }),
      ]);
      // The other is refused by the rule (409) or, demoted first, as no longer an administrator (403).
      expect(answers.filter((answer) => answer.status === 200), `round ${round}`).toHaveLength(1);
      const admins = await app.handle.db.selectFrom('users').select('id').where('is_admin', '=', 1).execute();
      expect(admins, `round ${round}`).toHaveLength(1);
    }
  });

  it('lists invites newest first with their state, and a revoked invite no longer registers', async () => {
    const app = createTestApp((await suite.fresh()).handle, { signup: 'invite' });
    const root = await createUser(app, { admin: true });
    const invite = async (email: string) => {
      const created = await app.request('POST', '/api/v1/invites', { token: root.token, json: { email } });
      app.clock.advance(1000);
      return created.body as { id: string; email: string; invite: string };
    };
    const revoked = await invite('revoked@example.test');
    const used = await invite('used@example.test');
    const pending = await invite('pending@example.test');

    const register = (which: { email: string; invite: string }) =>
      app.request('POST', '/api/v1/auth/register', { json: { email: which.email, name: 'Newcomer', password: TEST_PASSWORD, invite: which.invite } });
    expect((await app.request('DELETE', `/api/v1/invites/${revoked.id}`, { token: root.token })).status).toBe(204);
    const refused = await register(revoked);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({ signup: 'invite' });
    expect((await register(used)).status).toBe(201);

    const list = await app.request('GET', '/api/v1/invites', { token: root.token });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.invites.map((row: { email: string; state: string }) => [row.email, row.state])).toEqual([
      ['pending@example.test', 'pending'],
      ['used@example.test', 'used'],
      ['revoked@example.test', 'revoked'],
    ]);
    expect(list.body.invites[2]).toMatchObject({ id: revoked.id, createdBy: root.id, usedAt: null, revokedAt: expect.any(String) });
    for (const token of [revoked.invite, used.invite, pending.invite]) expect(list.text).not.toContain(token);

    // Revoking twice or an unknown invite: 404; a used one: 409 (the account exists).
    expect((await app.request('DELETE', `/api/v1/invites/${revoked.id}`, { token: root.token })).status).toBe(404);
    expect((await app.request('DELETE', '/api/v1/invites/no-such-invite', { token: root.token })).status).toBe(404);
    expect((await app.request('DELETE', `/api/v1/invites/${used.id}`, { token: root.token })).status).toBe(409);

    // Pages of one, then expiry shows in the state.
    const first = await app.request('GET', '/api/v1/invites?limit=1', { token: root.token });
    const second = await app.request('GET', `/api/v1/invites?limit=1&cursor=${first.body.nextCursor}`, { token: root.token });
    expect([first.body.invites[0].email, second.body.invites[0].email]).toEqual(['pending@example.test', 'used@example.test']);
    app.clock.advance(8 * 86_400_000);
    const later = (await login(app, root.email)).body.accessToken as string;
    expect((await app.request('GET', '/api/v1/invites?limit=1', { token: later })).body.invites[0].state).toBe('expired');
    expect((await register(pending)).status).toBe(403);
  });
});
