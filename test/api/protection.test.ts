// The server's defences over HTTP, on SQLite and PostgreSQL: per-address sign-in limits and the
// per-client limit (429 with Retry-After), SQL-injection strings stored and matched as plain
// text, oversize bodies (413), malformed JSON (400 naming the problem), errors that leak nothing,
// and logs that never hold a password, token or secret.

import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { addMember, createProject, createTestApp, createUser, TEST_PASSWORD, unique } from '../support/factories.js';
import type { TestApp } from '../support/factories.js';

const INJECTIONS = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '" OR ""="',
  "1; DELETE FROM projects WHERE 1=1; --",
  "Robert'); DROP TABLE project_members;--",
  '\\x00\'); SELECT pg_sleep(5); --',
  '%\' AND 1=0 UNION SELECT password_hash FROM users --',
];

describeEachDatabase('protection', (getHandle) => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp(getHandle());
  });

  async function tableCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ['users', 'projects', 'project_members', 'api_tokens'] as const) {
      const row = await getHandle().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  it('limits sign-in attempts per address, answering 429 with Retry-After, other addresses unaffected', async () => {
    const limited = createTestApp(getHandle(), { authRateLimit: 3 });
    limited.clock.set('2026-11-22T10:00:20.000Z');
    const user = await createUser(limited);
    const attempt = (ip: string) => limited.request('POST', '/api/v1/auth/login', { json: { email: user.email, password: 'wrong password' }, headers: { 'x-forwarded-for': ip } });
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await attempt('203.0.113.50')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await attempt('203.0.113.50');
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.body.error.code).toBe('rate_limited');
    // Registration shares the budget of the address.
    const register = await limited.request('POST', '/api/v1/auth/register', {
      json: { email: `${unique('r')}@example.test`, name: 'R', password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': '203.0.113.50' },
    });
    expect(register.status).toBe(429);
    expect((await attempt('203.0.113.51')).status).toBe(401);
  });

  it('limits every client per minute on every route, with Retry-After, by user when signed in', async () => {
    const limited = createTestApp(getHandle(), { rateLimit: 5 });
    limited.clock.set('2026-11-22T11:00:50.000Z');
    const user = await createUser(limited);
    const statuses = [];
    for (let index = 0; index < 6; index++) statuses.push((await limited.request('GET', '/api/v1/me', { token: user.token, headers: { 'x-forwarded-for': `192.0.2.${index}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await limited.request('GET', '/api/v1/projects', { token: user.token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    // Someone else is not held up.
    const other = await createUser(limited);
    expect((await limited.request('GET', '/api/v1/me', { token: other.token })).status).toBe(200);
    // Health checks are never limited.
    expect((await limited.request('GET', '/healthz')).status).toBe(200);
    limited.clock.advance(10_000);
    expect((await limited.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
  });

  it('counts requests with bad credentials against their address, so guessing tokens is limited too', async () => {
    const limited = createTestApp(getHandle(), { rateLimit: 3 });
    limited.clock.set('2026-11-22T12:00:00.000Z');
    const statuses = [];
    for (const token of ['sdt_guess1', 'sdt_guess2', 'not-a-jwt', 'sdt_guess3']) {
      statuses.push((await limited.request('GET', '/api/v1/me', { token, headers: { 'x-forwarded-for': '203.0.113.77' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('stores SQL-injection strings as plain text and matches them as plain text', async () => {
    const owner = await createUser(t);
    const before = await tableCounts();
    for (const text of INJECTIONS) {
      // As a name: stored verbatim.
      const project = await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key: unique('inj').toLowerCase(), name: text, description: text } });
      expect(project.status).toBe(201);
      expect(project.body.name).toBe(text.trim());
      // As a key: refused by the key rules, not by the database.
      expect((await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key: text, name: 'x' } })).status).toBe(400);
      // In the path: just a project or member that does not exist.
      expect((await t.request('GET', `/api/v1/projects/${encodeURIComponent(text)}`, { token: owner.token })).status).toBe(404);
      expect((await t.request('PUT', `/api/v1/projects/${project.body.key}/members/${encodeURIComponent(text)}`, { token: owner.token, json: { role: 'viewer' } })).status).toBe(404);
      expect((await t.request('DELETE', `/api/v1/tokens/${encodeURIComponent(text)}`, { token: owner.token })).status).toBe(404);
      // As credentials: a failed sign-in, nothing more.
      expect((await t.request('POST', '/api/v1/auth/login', { json: { email: text, password: text } })).status).toBe(401);
      expect((await t.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: text } })).status).toBe(401);
      expect((await t.request('GET', '/api/v1/me', { token: text.replace(/\s/g, '') })).status).toBe(401);
      // As an account's name and a token's name.
      const registered = await t.request('POST', '/api/v1/auth/register', { json: { email: `${unique('inj')}@example.test`, name: text, password: TEST_PASSWORD } });
      expect(registered.status).toBe(201);
      expect(registered.body.user.name).toBe(text.trim());
      expect((await t.request('POST', '/api/v1/tokens', { token: owner.token, json: { name: text } })).status).toBe(201);
    }
    const after = await tableCounts();
    const n = INJECTIONS.length;
    expect(after).toEqual({
      users: before.users + n,
      projects: before.projects + n,
      project_members: before.project_members + n,
      api_tokens: before.api_tokens + n,
    });
    const names = (await t.request('GET', '/api/v1/projects', { token: owner.token })).body.projects.map((project: { name: string }) => project.name);
    for (const text of INJECTIONS) expect(names).toContain(text.trim());
  });

  it('refuses a body over 10 MB with 413 before reading it, and takes one just under', async () => {
    const owner = await createUser(t);
    const huge = JSON.stringify({ key: unique('big').toLowerCase(), name: 'Big', description: 'x'.repeat(10 * 1024 * 1024) });
    const tooLarge = await t.request('POST', '/api/v1/projects', { token: owner.token, body: huge, headers: { 'content-type': 'application/json' } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');
    // Within the size limit, the field's own limit (10,000 characters) answers 400 naming it.
    const long = await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key: unique('long').toLowerCase(), name: 'Long', description: 'x'.repeat(1024 * 1024) } });
    expect(long.status).toBe(400);
    expect(long.body.error.details.fields[0].field).toBe('description');
  });

  it('answers malformed JSON with 400 naming the problem, and a wrong type with 400 naming the field', async () => {
    const owner = await createUser(t);
    const malformed = await t.request('POST', '/api/v1/projects', { token: owner.token, body: '{"key": "a", "name": }', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
    expect(malformed.body.error.message).toMatch(/^The request body is not valid JSON: Unexpected token/);
    const wrongType = await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key: 'fine', name: ['not', 'a', 'string'] } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details).toMatchObject({ in: 'body', fields: [{ field: 'name' }] });
    expect(wrongType.body.error.message).toContain('name:');
    const notObject = await t.request('POST', '/api/v1/auth/login', { json: ['an', 'array'] });
    expect(notObject.status).toBe(400);
  });

  it('keeps the last owner: neither removed nor demoted (409), and another owner makes it possible', async () => {
    const owner = await createUser(t);
    const project = await createProject(t, owner);
    const removeSelf = await t.request('DELETE', `/api/v1/projects/${project.key}/members/${owner.id}`, { token: owner.token });
    expect(removeSelf.status).toBe(409);
    const demote = await t.request('PUT', `/api/v1/projects/${project.key}/members/${owner.email}`, { token: owner.token, json: { role: 'member' } });
    expect(demote.status).toBe(409);
    const second = await createUser(t);
    await addMember(t, project, second, 'owner');
    expect((await t.request('PUT', `/api/v1/projects/${project.key}/members/${owner.id}`, { token: owner.token, json: { role: 'viewer' } })).status).toBe(200);
    const members = await t.request('GET', `/api/v1/projects/${project.key}/members`, { token: second.token });
    expect(Object.fromEntries(members.body.members.map((member: { userId: string; role: string }) => [member.userId, member.role]))).toEqual({ [owner.id]: 'viewer', [second.id]: 'owner' });
  });

  it('keeps project keys unique (409) and answers unknown routes with a JSON 404', async () => {
    const owner = await createUser(t);
    const key = unique('dup').toLowerCase();
    expect((await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key, name: 'One' } })).status).toBe(201);
    const again = await t.request('POST', '/api/v1/projects', { token: owner.token, json: { key, name: 'Two' } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.field).toBe('key');
    const missing = await t.request('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('never writes a password, token or secret to the log', async () => {
    const logged = createTestApp(getHandle(), { logLevel: 'trace' });
    const email = `${unique('log')}@example.test`;
    const password = 'log-test password 1';
    const registered = await logged.request('POST', '/api/v1/auth/register', { json: { email, name: 'Log', password } });
    const session = await logged.request('POST', '/api/v1/auth/login', { json: { email, password } });
    await logged.request('POST', '/api/v1/auth/login', { json: { email, password: 'wrong-password-in-log' } });
    const refreshed = await logged.request('POST', '/api/v1/auth/refresh', { json: { refreshToken: session.body.refreshToken } });
    const apiToken = await logged.request('POST', '/api/v1/tokens', { token: session.body.accessToken, json: { name: 'cli' } });
    await logged.request('GET', `/api/v1/me?access_token=${apiToken.body.token}`, { token: apiToken.body.token });
    await logged.request('PATCH', '/api/v1/me/password', { token: refreshed.body.accessToken, json: { currentPassword: password, newPassword: 'next-password-in-log' } });
    await logged.request('POST', '/api/v1/auth/logout', { json: { refreshToken: refreshed.body.refreshToken } });
    await logged.request('GET', '/api/v1/me', { token: 'sdt_bogus-token-in-log' });

    const log = logged.logText();
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(9);
    const secrets = [
      password,
      'wrong-password-in-log',
      'next-password-in-log',
      registered.body.accessToken,
      registered.body.refreshToken,
      session.body.accessToken,
      session.body.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
      apiToken.body.token,
      'sdt_bogus-token-in-log',
      Buffer.from(logged.config.jwtSecret).toString('utf8'),
    ];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
    // Not even a fragment of a JWT.
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(log).not.toMatch(/sd[rti]_[A-Za-z0-9_-]{10,}/);
  });
});
