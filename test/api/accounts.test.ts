// Accounts over HTTP on SQLite and PostgreSQL: registration and sign-up modes, sign-in with
// lockout, refresh-token rotation with reuse detection, sign-out, password change, API tokens,
// and the access tokens the server must refuse (tampered, expired, alg:none, other algorithms,
// other keys).

import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import { hashToken } from '../../src/services/accounts/secrets.js';
import { describeEachDatabase } from '../support/databases.js';
import { createTestApp, createUser, TEST_PASSWORD, unique } from '../support/factories.js';
import type { TestApp, TestUser } from '../support/factories.js';

const NEW_PASSWORD = 'a different passphrase 2';

describeEachDatabase('accounts', (getHandle, suite) => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp(getHandle());
  });

  function login(email: string, password: string, ip = '192.0.2.1') {
    return t.request('POST', '/api/v1/auth/login', { json: { email, password }, headers: { 'x-forwarded-for': ip } });
  }

  it('makes the first account the administrator and later ones ordinary users', async () => {
    const fresh = await suite.fresh();
    const app = createTestApp(fresh.handle);
    const first = await app.request('POST', '/api/v1/auth/register', { json: { email: 'First@Example.test', name: 'First', password: TEST_PASSWORD } });
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({ email: 'first@example.test', name: 'First', isAdmin: true });
    expect(first.body.expiresIn).toBe(900);
    expect(first.body.refreshToken).toMatch(/^sdr_/);
    const second = await app.request('POST', '/api/v1/auth/register', { json: { email: 'second@example.test', name: 'Second', password: TEST_PASSWORD } });
    expect(second.body.user.isAdmin).toBe(false);
    const me = await app.request('GET', '/api/v1/me', { token: second.body.accessToken });
    expect(me.body).toMatchObject({ email: 'second@example.test', isAdmin: false });
    // The password is stored as an argon2id hash, never as given.
    const row = await fresh.handle.db.selectFrom('users').select('password_hash').where('email', '=', 'second@example.test').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a taken e-mail (409), a bad e-mail or a short password (400 naming the field)', async () => {
    const user = await createUser(t);
    const taken = await t.request('POST', '/api/v1/auth/register', { json: { email: user.email.toUpperCase(), name: 'X', password: TEST_PASSWORD } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.field).toBe('email');
    const badEmail = await t.request('POST', '/api/v1/auth/register', { json: { email: 'not-an-address', name: 'X', password: TEST_PASSWORD } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.details.fields).toEqual([{ field: 'email', problem: 'not an e-mail address' }]);
    const short = await t.request('POST', '/api/v1/auth/register', { json: { email: `${unique('s')}@example.test`, name: 'X', password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.error.details.fields[0].field).toBe('password');
    const missing = await t.request('POST', '/api/v1/auth/register', { json: { email: `${unique('s')}@example.test` } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields.map((field: { field: string }) => field.field)).toEqual(['name', 'password']);
  });

  it('closes sign-up, or opens it by invitation only, as configured', async () => {
    const closed = createTestApp(getHandle(), { signup: 'closed' });
    const refused = await closed.request('POST', '/api/v1/auth/register', { json: { email: `${unique('c')}@example.test`, name: 'C', password: TEST_PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('closed');

    const invited = createTestApp(getHandle(), { signup: 'invite' });
    const email = `${unique('i')}@example.test`;
    const without = await invited.request('POST', '/api/v1/auth/register', { json: { email, name: 'I', password: TEST_PASSWORD } });
    expect(without.status).toBe(403);
    const admin = await createUser(invited, { admin: true });
    const plain = await createUser(invited);
    expect((await invited.request('POST', '/api/v1/invites', { token: plain.token, json: { email } })).status).toBe(403);
    const invite = await invited.request('POST', '/api/v1/invites', { token: admin.token, json: { email } });
    expect(invite.status).toBe(201);
    expect(invite.body.invite).toMatch(/^sdi_/);
    const wrongAddress = await invited.request('POST', '/api/v1/auth/register', { json: { email: `${unique('j')}@example.test`, name: 'J', password: TEST_PASSWORD, invite: invite.body.invite } });
    expect(wrongAddress.status).toBe(403);
    const ok = await invited.request('POST', '/api/v1/auth/register', { json: { email, name: 'I', password: TEST_PASSWORD, invite: invite.body.invite } });
    expect(ok.status).toBe(201);
    const again = await invited.request('POST', '/api/v1/auth/register', { json: { email: `${unique('k')}@example.test`, name: 'K', password: TEST_PASSWORD, invite: invite.body.invite } });
    expect(again.status).toBe(403);
  });

  it('signs in with the right password and answers a wrong password and an unknown account alike', async () => {
    const user = await createUser(t);
    const ok = await login(user.email, TEST_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(user.id);
    const wrong = await login(user.email, 'wrong password!');
    const unknown = await login(`${unique('nobody')}@example.test`, 'wrong password!');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('locks the account after five wrong passwords: the sixth attempt is refused even with the right one, for 15 minutes', async () => {
    const user = await createUser(t);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await login(user.email, `wrong ${attempt}`)).status).toBe(401);
    const locked = await login(user.email, TEST_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.headers.get('retry-after')).toBe('900');
    // Another address does not help: the lock is on the account.
    expect((await login(user.email, TEST_PASSWORD, '198.51.100.99')).status).toBe(423);
    t.clock.advance(14 * 60_000);
    const stillLocked = await login(user.email, TEST_PASSWORD);
    expect(stillLocked.status).toBe(423);
    expect(stillLocked.headers.get('retry-after')).toBe('60');
    t.clock.advance(60_000);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    const row = await getHandle().db.selectFrom('users').select(['locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null });
    expect(await getHandle().db.selectFrom('sign_in_failures').selectAll().where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('counts wrong passwords within a rolling 15 minutes: older ones no longer count', async () => {
    const user = await createUser(t);
    t.clock.set('2026-11-22T10:00:00.000Z');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(user.email, `wrong ${attempt}`)).status).toBe(401);
      t.clock.advance(60_000);
    }
    // 10:15:00: the failure of 10:00 is 15 minutes old and has left the window; three remain.
    t.clock.set('2026-11-22T10:15:00.000Z');
    expect((await login(user.email, 'wrong 5')).status).toBe(401);
    // 10:16:30: the one of 10:01 has left too; 10:02, 10:03, 10:15 and this one make four.
    t.clock.set('2026-11-22T10:16:30.000Z');
    expect((await login(user.email, 'wrong 6')).status).toBe(401);
    t.clock.set('2026-11-22T10:16:40.000Z');
    expect((await login(user.email, 'wrong 7')).status).toBe(401);
    // Five within 15 minutes (10:02, 10:03, 10:15, 10:16:30, 10:16:40): locked for 15 minutes.
    const locked = await login(user.email, TEST_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error.details.lockedUntil).toBe('2026-11-22T10:31:40.000Z');
    expect(locked.headers.get('retry-after')).toBe('900');
    t.clock.set('2026-11-22T10:31:40.000Z');
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('does not lock an account whose wrong passwords are spread over more than 15 minutes', async () => {
    const user = await createUser(t);
    t.clock.set('2026-11-22T12:00:00.000Z');
    for (let attempt = 1; attempt <= 12; attempt++) {
      expect((await login(user.email, `wrong ${attempt}`)).status, `attempt ${attempt}`).toBe(401);
      t.clock.advance(4 * 60_000);
    }
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('forgets earlier wrong passwords after a successful sign-in', async () => {
    const user = await createUser(t);
    for (let attempt = 1; attempt <= 4; attempt++) await login(user.email, `wrong ${attempt}`);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) await login(user.email, `wrong ${attempt}`);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('rotates refresh tokens, and reuse of a spent one revokes the whole family', async () => {
    const user = await createUser(t);
    const first = await login(user.email, TEST_PASSWORD);
    const otherSignIn = await login(user.email, TEST_PASSWORD);
    const second = await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await t.request('GET', '/api/v1/me', { token: second.body.accessToken })).status).toBe(200);

    // The first token again: someone copied it. Both it and its successor stop working.
    const reuse = await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: first.body.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.details.reason).toBe('reused');
    const successor = await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: second.body.refreshToken } });
    expect(successor.status).toBe(401);

    // A separate sign-in is a separate family and goes on working.
    expect((await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: otherSignIn.body.refreshToken } })).status).toBe(200);

    // Only hashes are stored.
    const stored = await getHandle().db.selectFrom('refresh_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    expect(stored.map((row) => row.token_hash)).toContain(hashToken(first.body.refreshToken));
    expect(JSON.stringify(stored)).not.toContain(first.body.refreshToken);
  });

  it('refuses an expired refresh token', async () => {
    const user = await createUser(t);
    const session = await login(user.email, TEST_PASSWORD);
    t.clock.advance(31 * 24 * 3600_000);
    const late = await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } });
    expect(late.status).toBe(401);
    expect(late.body.error.details.reason).toBe('expired');
  });

  it('signs out: the refresh token and its family stop working', async () => {
    const user = await createUser(t);
    const session = await login(user.email, TEST_PASSWORD);
    expect((await t.request('POST', '/api/v1/auth/logout', { json: { refreshToken: session.body.refreshToken } })).status).toBe(204);
    expect((await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } })).status).toBe(401);
  });

  it('changes the password, ending every sign-in of the account', async () => {
    const user = await createUser(t);
    const session = await login(user.email, TEST_PASSWORD);
    const wrong = await t.request('PATCH', '/api/v1/me/password', { token: user.token, json: { currentPassword: 'nope nope', newPassword: NEW_PASSWORD } });
    expect(wrong.status).toBe(403);
    const tooShort = await t.request('PATCH', '/api/v1/me/password', { token: user.token, json: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details.fields[0].field).toBe('newPassword');
    const changed = await t.request('PATCH', '/api/v1/me/password', { token: user.token, json: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(204);
    expect((await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } })).status).toBe(401);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('creates API tokens shown once, lists them by prefix, accepts them as Bearer, and revokes them', async () => {
    const user = await createUser(t);
    const created = await t.request('POST', '/api/v1/tokens', { token: user.token, json: { name: 'laptop' } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(token.slice(0, 12));

    const listed = await t.request('GET', '/api/v1/tokens', { token: user.token });
    expect(listed.body.tokens).toEqual([{ id: created.body.id, name: 'laptop', prefix: token.slice(0, 12), createdAt: created.body.createdAt, lastUsedAt: null, expiresAt: null }]);
    expect(listed.text).not.toContain(token);

    const me = await t.request('GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    const row = await getHandle().db.selectFrom('api_tokens').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(row.last_used_at).not.toBeNull();

    // Someone else cannot revoke it.
    const stranger = await createUser(t);
    expect((await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: stranger.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: user.token })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/tokens', { token: user.token })).body.tokens).toEqual([]);
  });

  it('refuses an API token after its expiry', async () => {
    const user = await createUser(t);
    const created = await t.request('POST', '/api/v1/tokens', { token: user.token, json: { name: 'short-lived', expiresInDays: 1 } });
    expect((await t.request('GET', '/api/v1/me', { token: created.body.token })).status).toBe(200);
    t.clock.advance(24 * 3600_000 + 1);
    expect((await t.request('GET', '/api/v1/me', { token: created.body.token })).status).toBe(401);
  });

  describeTokens();

  function describeTokens(): void {
    let victim: TestUser;
    let admin: TestUser;

    async function meWith(token: string) {
      return t.request('GET', '/api/v1/me', { token });
    }

    function b64(value: unknown): string {
      return Buffer.from(JSON.stringify(value)).toString('base64url');
    }

    it('refuses tampered, unsigned, differently signed and expired access tokens', async () => {
      victim = await createUser(t);
      admin = await createUser(t, { admin: true });
      const now = Math.floor(t.clock().getTime() / 1000);
      expect((await meWith(victim.token)).status).toBe(200);

      const [header, , signature] = victim.token.split('.');
      // The payload changed to claim the administrator's id, the signature kept.
      const tampered = `${header}.${b64({ use: 'access', sub: admin.id, iss: 'scrumdown', iat: now, exp: now + 900 })}.${signature}`;
      // The signature changed in one character. Not the last: its low bits are padding that
      // base64url decoding drops, so changing only those would leave the same signature bytes.
      const at = victim.token.length - 10;
      const badSignature = victim.token.slice(0, at) + (victim.token[at] === 'A' ? 'B' : 'A') + victim.token.slice(at + 1);
      // alg:none, with and without a trailing signature.
      const unsigned = new UnsecuredJWT({ use: 'access' }).setSubject(admin.id).setIssuer('scrumdown').setIssuedAt(now).setExpirationTime(now + 900).encode();
      const noneWithSignature = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ use: 'access', sub: admin.id, iss: 'scrumdown', iat: now, exp: now + 900 })}.${signature}`;
      // The right key but another algorithm.
      const hs512 = await new SignJWT({ use: 'access' }).setProtectedHeader({ alg: 'HS512' }).setSubject(admin.id).setIssuer('scrumdown').setIssuedAt(now).setExpirationTime(now + 900).sign(t.config.jwtSecret);
      // Another key.
      const otherKey = await new SignJWT({ use: 'access' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(admin.id)
        .setIssuer('scrumdown')
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign(new TextEncoder().encode('another secret that is long enough 0123456789'));
      // The right key, but not an access token (no `use`) or from another issuer.
      const noUse = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(admin.id).setIssuer('scrumdown').setIssuedAt(now).setExpirationTime(now + 900).sign(t.config.jwtSecret);
      const otherIssuer = await new SignJWT({ use: 'access' }).setProtectedHeader({ alg: 'HS256' }).setSubject(admin.id).setIssuer('elsewhere').setIssuedAt(now).setExpirationTime(now + 900).sign(t.config.jwtSecret);

      const refused: Record<string, number> = {};
      for (const [name, token] of Object.entries({ tampered, badSignature, unsigned, noneWithSignature, hs512, otherKey, noUse, otherIssuer })) {
        refused[name] = (await meWith(token)).status;
      }
      expect(refused).toEqual({ tampered: 401, badSignature: 401, unsigned: 401, noneWithSignature: 401, hs512: 401, otherKey: 401, noUse: 401, otherIssuer: 401 });
    });

    it('refuses an access token once it has expired, saying so', async () => {
      const user = await createUser(t);
      t.clock.advance(15 * 60_000 + 1000);
      const expired = await meWith(user.token);
      expect(expired.status).toBe(401);
      expect(expired.body.error.details.reason).toBe('expired');
      expect(expired.body.error.message).toContain('/api/v1/auth/refresh');
    });

    it('does not take a refresh token as an access token', async () => {
      const user = await createUser(t);
      const session = await login(user.email, TEST_PASSWORD);
      expect((await meWith(session.body.refreshToken)).status).toBe(401);
    });
  }
});
