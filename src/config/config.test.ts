import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isScrumdownError } from '../errors.js';
import { checkConfig, loadConfig, secretFileFor } from './index.js';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isScrumdownError(error) && error.code === 'invalid_config') return error.details.problems as string[];
    throw error;
  }
  throw new Error('expected an invalid_config error');
}

const LONG_SECRET = 'x'.repeat(32);

describe('checkConfig', () => {
  it('has working defaults for an embedded server', () => {
    const config = checkConfig({}, {});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./scrumdown.db',
      database: { dialect: 'sqlite', target: './scrumdown.db' },
      production: false,
      signup: 'open',
      rateLimit: 1000,
      authRateLimit: 10,
      trustProxy: false,
      logLevel: 'info',
      publicUrl: undefined,
      jwtSecretText: undefined,
      bodyLimitBytes: 10 * 1024 * 1024,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      SCRUMDOWN_PORT: '9000',
      SCRUMDOWN_HOST: '0.0.0.0',
      SCRUMDOWN_DATABASE_URL: 'sqlite:/tmp/a.db',
      SCRUMDOWN_SIGNUP: 'Invite',
      SCRUMDOWN_RATE_LIMIT: '50',
      SCRUMDOWN_TRUST_PROXY: 'yes',
      SCRUMDOWN_LOG_LEVEL: 'warn',
      SCRUMDOWN_PUBLIC_URL: 'https://plans.example.com/',
    };
    expect(checkConfig({}, env)).toMatchObject({ port: 9000, host: '0.0.0.0', databaseUrl: 'sqlite:/tmp/a.db', signup: 'invite', rateLimit: 50, trustProxy: true, logLevel: 'warn', publicUrl: 'https://plans.example.com' });
    expect(checkConfig({ port: '0', host: '::', db: 'sqlite::memory:' }, env)).toMatchObject({ port: 0, host: '::', database: { dialect: 'sqlite', target: ':memory:' } });
  });

  it('names every problem on its own line, with the variable or flag it came from', () => {
    const problems = problemsOf(() =>
      checkConfig(
        { port: '80a' },
        { SCRUMDOWN_DATABASE_URL: 'mysql://x', SCRUMDOWN_SIGNUP: 'sometimes', SCRUMDOWN_RATE_LIMIT: '-5', SCRUMDOWN_TRUST_PROXY: 'maybe', SCRUMDOWN_LOG_LEVEL: 'loud', SCRUMDOWN_PUBLIC_URL: 'plans' },
      ),
    );
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/^--port="80a" is not a port/);
    expect(problems[1]).toMatch(/^SCRUMDOWN_DATABASE_URL="mysql:\/\/x" is not a database URL/);
    expect(problems[2]).toMatch(/^SCRUMDOWN_SIGNUP="sometimes" is not a sign-up mode: give open, invite or closed/);
    expect(problems[3]).toMatch(/^SCRUMDOWN_RATE_LIMIT="-5"/);
    expect(problems[4]).toMatch(/^SCRUMDOWN_TRUST_PROXY="maybe"/);
    expect(problems[5]).toMatch(/^SCRUMDOWN_LOG_LEVEL="loud"/);
    expect(problems[6]).toMatch(/^SCRUMDOWN_PUBLIC_URL="plans"/);
    for (const problem of problems) expect(problem).not.toContain('\n');
  });

  it('puts the problems in the message, one a line, under a heading that counts them', () => {
    try {
      checkConfig({ port: '70000' }, { SCRUMDOWN_SIGNUP: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        'The server configuration has 2 problems:',
        '  --port="70000" is not a port: give a whole number from 0 to 65535 (0 picks a free port).',
        '  SCRUMDOWN_SIGNUP="x" is not a sign-up mode: give open, invite or closed.',
      ]);
    }
  });

  it('refuses a missing or short JWT secret in production, counting bytes not characters', () => {
    expect(problemsOf(() => checkConfig({}, { NODE_ENV: 'production' }))[0]).toMatch(/^SCRUMDOWN_JWT_SECRET is not set: production mode/);
    expect(problemsOf(() => checkConfig({}, { NODE_ENV: 'production', SCRUMDOWN_JWT_SECRET: 'x'.repeat(31) }))[0]).toMatch(/^SCRUMDOWN_JWT_SECRET is 31 bytes/);
    // 11 three-byte characters are 33 bytes.
    expect(checkConfig({}, { NODE_ENV: 'production', SCRUMDOWN_JWT_SECRET: '€'.repeat(11) }).production).toBe(true);
    expect(checkConfig({}, { NODE_ENV: 'production', SCRUMDOWN_JWT_SECRET: LONG_SECRET }).jwtSecretText).toBe(LONG_SECRET);
  });

  it('never prints the secret or a database password in a problem', () => {
    const problems = problemsOf(() =>
      checkConfig({}, { NODE_ENV: 'production', SCRUMDOWN_JWT_SECRET: 'hunter2', SCRUMDOWN_DATABASE_URL: 'mysql://u:topsecret@h/db' }),
    );
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.join('\n')).not.toContain('topsecret');
  });

  it('schedules the daily digest at HH:MM in a time zone (UTC by default), with the SMTP server it needs', () => {
    const smtp = { SCRUMDOWN_SMTP_HOST: 'mail.example.test', SCRUMDOWN_SMTP_FROM: 'standups@example.test', SCRUMDOWN_SMTP_USER: 'u', SCRUMDOWN_SMTP_PASSWORD: 'mail-secret' };
    expect(checkConfig({}, {}).digest).toBeUndefined();
    expect(checkConfig({}, { ...smtp, SCRUMDOWN_DIGEST_AT: '09:30' }).digest).toEqual({
      at: '09:30',
      timeZone: 'UTC',
      smtp: { host: 'mail.example.test', port: 587, secure: false, user: 'u', password: 'mail-secret', from: 'standups@example.test' },
    });
    expect(checkConfig({}, { ...smtp, SCRUMDOWN_DIGEST_AT: '23:59', SCRUMDOWN_DIGEST_TIME_ZONE: 'Europe/Berlin' }).digest).toMatchObject({ at: '23:59', timeZone: 'Europe/Berlin' });
  });

  it('names a bad digest time, time zone or missing SMTP server, one line each', () => {
    const problems = problemsOf(() => checkConfig({}, { SCRUMDOWN_DIGEST_AT: '9.30', SCRUMDOWN_DIGEST_TIME_ZONE: 'Mars/Olympus' }));
    expect(problems).toEqual([
      'SCRUMDOWN_DIGEST_TIME_ZONE="Mars/Olympus" is not a time zone: give an IANA name such as UTC, Europe/Berlin or America/New_York.',
      'SCRUMDOWN_DIGEST_AT="9.30" is not a time of day: give HH:MM on the 24-hour clock, e.g. 09:30 (empty: no daily digest).',
      'SCRUMDOWN_DIGEST_AT is set but SCRUMDOWN_SMTP_HOST is not: the daily digest needs an SMTP server (SCRUMDOWN_SMTP_HOST and SCRUMDOWN_SMTP_FROM).',
    ]);
    expect(problemsOf(() => checkConfig({}, { SCRUMDOWN_DIGEST_AT: '24:00', SCRUMDOWN_SMTP_HOST: 'mail', SCRUMDOWN_SMTP_FROM: 'a@b.test' }))).toHaveLength(1);
    expect(problemsOf(() => checkConfig({}, { SCRUMDOWN_DIGEST_AT: '07:00', SCRUMDOWN_SMTP_HOST: 'mail', SCRUMDOWN_SMTP_FROM: 'a@b.test', SCRUMDOWN_SMTP_PORT: 'x' }))[0]).toMatch(/^SCRUMDOWN_SMTP_PORT must be/);
  });

  it('needs a shared secret with PostgreSQL even outside production', () => {
    expect(problemsOf(() => checkConfig({}, { SCRUMDOWN_DATABASE_URL: 'postgres://u:p@h/db' }))[0]).toMatch(/^SCRUMDOWN_JWT_SECRET is not set: with PostgreSQL/);
    expect(checkConfig({}, { SCRUMDOWN_DATABASE_URL: 'postgres://u:p@h/db', SCRUMDOWN_JWT_SECRET: 'dev' }).database.dialect).toBe('postgres');
  });
});

describe('the JWT secret of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-config-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into a 0600 file beside the database and kept across starts', async () => {
    const db = join(dir, 'team.db');
    const first = await loadConfig({ db: `sqlite:${db}` }, {});
    expect(first.jwtSecretSource).toBe('file');
    const file = secretFileFor(db);
    expect(file).toBe(`${db}.jwt-secret`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.jwtSecret.byteLength).toBeGreaterThanOrEqual(32);
    const second = await loadConfig({ db: `sqlite:${db}` }, {});
    expect(Buffer.from(second.jwtSecret).equals(Buffer.from(first.jwtSecret))).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(Buffer.from(first.jwtSecret).toString('utf8'));
  });

  it('makes the folder of a database that does not exist yet', async () => {
    const db = join(dir, 'not', 'yet', 'there.db');
    const config = await loadConfig({ db: `sqlite:${db}` }, {});
    expect(config.jwtSecretSource).toBe('file');
    expect(statSync(secretFileFor(db)).mode & 0o777).toBe(0o600);
  });

  it('uses the environment secret when there is one, and writes no file', async () => {
    const db = join(dir, 'other.db');
    const config = await loadConfig({ db: `sqlite:${db}` }, { SCRUMDOWN_JWT_SECRET: LONG_SECRET });
    expect(config.jwtSecretSource).toBe('environment');
    expect(() => statSync(secretFileFor(db))).toThrow();
  });

  it('refuses a secret file that was emptied', async () => {
    const db = join(dir, 'emptied.db');
    writeFileSync(secretFileFor(db), 'short\n', { mode: 0o644 });
    await expect(loadConfig({ db: `sqlite:${db}` }, {})).rejects.toThrow(/holds fewer than 32 bytes/);
  });

  it('keeps an in-memory database on an in-memory secret', async () => {
    const config = await loadConfig({ db: 'sqlite::memory:' }, {});
    expect(config.jwtSecretSource).toBe('memory');
  });
});
