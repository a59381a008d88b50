// Two real `scrumdown serve` processes on one PostgreSQL database behave as one server: the
// per-client rate limit, the sign-in lockout and refresh-token reuse detection are shared, so a
// client gains nothing by having its requests spread over both. Each part comes from its own
// client address (the servers trust X-Forwarded-For), so the parts do not spend each other's
// request budget.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabases } from '../support/databases.js';
import type { TestDatabase } from '../support/databases.js';
import { startServerProcess } from './server-process.js';
import type { ServerProcess } from './server-process.js';

const RATE_LIMIT = 8;
const PASSWORD = 'a long enough password 123';

interface Answer {
  status: number;
  headers: Headers;
  body: { [key: string]: unknown; error?: { code: string } };
}

async function call(server: ServerProcess, method: string, path: string, options: { ip: string; token?: string; json?: unknown }): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.ip };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, body: options.json === undefined ? undefined : JSON.stringify(options.json) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}

/** Waits out the end of the current minute when it is close, so a count does not straddle two windows. */
async function awayFromWindowEnd(seconds: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

const postgres = testDatabases().find((testCase) => testCase.kind === 'postgres')!;
const title = postgres.skipReason ? `two server processes on one PostgreSQL [skipped, ${postgres.skipReason}]` : 'two server processes on one PostgreSQL';

(postgres.skipReason ? describe.skip : describe)(title, () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    const env = { SCRUMDOWN_RATE_LIMIT: String(RATE_LIMIT), SCRUMDOWN_TRUST_PROXY: 'true' };
    // Started together on an empty database: both migrate it at once.
    const started = await Promise.allSettled([startServerProcess(database.url, env), startServerProcess(database.url, env)]);
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    [a, b] = servers;
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  async function register(server: ServerProcess, email: string, ip: string): Promise<{ accessToken: string; refreshToken: string }> {
    const answer = await call(server, 'POST', '/api/v1/auth/register', { ip, json: { email, name: email.split('@')[0], password: PASSWORD } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as unknown as { accessToken: string; refreshToken: string };
  }

  it('shares the per-client rate limit: requests split over both hit 429 with Retry-After at the combined limit', async () => {
    const { accessToken: token } = await register(a, 'rate@example.test', '203.0.113.10');
    await awayFromWindowEnd(5);
    const statuses: number[] = [];
    let refused: Answer | undefined;
    for (let request = 1; request <= RATE_LIMIT + 2; request++) {
      const answer = await call(request % 2 === 0 ? b : a, 'GET', '/api/v1/me', { ip: '203.0.113.10', token });
      statuses.push(answer.status);
      if (answer.status === 429) refused ??= answer;
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429, 429]);
    expect(refused?.body.error?.code).toBe('rate_limited');
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('shares the sign-in lockout: wrong passwords alternating between them lock the account on the sixth attempt, on both', async () => {
    const email = 'locked@example.test';
    await register(b, email, '198.51.100.20');
    const ip = '198.51.100.21';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await call(attempt % 2 === 0 ? b : a, 'POST', '/api/v1/auth/login', { ip, json: { email, password: `wrong ${attempt}` } });
      expect(answer.status, `attempt ${attempt}`).toBe(401);
    }
    for (const server of [b, a]) {
      const answer = await call(server, 'POST', '/api/v1/auth/login', { ip, json: { email, password: PASSWORD } });
      expect(answer.status).toBe(423);
      expect(answer.body.error?.code).toBe('account_locked');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    }
  });

  it('lets no more than five wrong passwords through when they arrive at both at once', async () => {
    const email = 'rushed@example.test';
    await register(a, email, '198.51.100.30');
    const ip = '198.51.100.31';
    const attempts = Array.from({ length: RATE_LIMIT - 1 }, (_, attempt) =>
      call(attempt % 2 === 0 ? a : b, 'POST', '/api/v1/auth/login', { ip, json: { email, password: `wrong ${attempt}` } }),
    );
    const statuses = (await Promise.all(attempts)).map((answer) => answer.status).sort();
    // Each attempt is counted before its password is checked, so a rush may be cut off even earlier.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 423)).toBe(true);
    expect((await call(b, 'POST', '/api/v1/auth/login', { ip, json: { email, password: PASSWORD } })).status).toBe(423);
  });

  it('shares refresh-token reuse detection: rotate on A, reuse the old token on B, and the family is revoked on both', async () => {
    const ip = '192.0.2.30';
    const { refreshToken: first } = await register(a, 'rotate@example.test', ip);
    const rotated = await call(a, 'POST', '/api/v1/auth/refresh', { ip, json: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    const second = rotated.body.refreshToken as string;

    const reused = await call(b, 'POST', '/api/v1/auth/refresh', { ip, json: { refreshToken: first } });
    expect(reused.status).toBe(401);
    expect(reused.body.error).toMatchObject({ details: { reason: 'reused' } });
    for (const server of [a, b]) {
      const answer = await call(server, 'POST', '/api/v1/auth/refresh', { ip, json: { refreshToken: second } });
      expect(answer.status).toBe(401);
    }
  });

  it('revokes the family when one token is refreshed on both at once, the winner\'s new token too', async () => {
    for (let round = 0; round < 5; round++) {
      const ip = `192.0.2.${40 + round}`;
      const { refreshToken } = await register(b, `race${round}@example.test`, ip);
      const answers = await Promise.all([a, b].map((server) => call(server, 'POST', '/api/v1/auth/refresh', { ip, json: { refreshToken } })));
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners.length, `round ${round}`).toBeLessThanOrEqual(1);
      for (const winner of winners) {
        for (const server of [a, b]) {
          const answer = await call(server, 'POST', '/api/v1/auth/refresh', { ip, json: { refreshToken: winner.body.refreshToken } });
          expect(answer.status, `round ${round}`).toBe(401);
        }
      }
    }
  });
});
