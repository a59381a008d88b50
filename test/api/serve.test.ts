// `scrumdown serve` as a process (the built CLI): configuration errors exit 2 naming each problem
// on its own line; a server starts on SQLite and on PostgreSQL, prints its URL, answers, keeps its
// generated secret across restarts, and stops cleanly on SIGTERM; --demo prints a sign-in that
// works and imports the example plans.

import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const SECRET = 'serve-test-secret-0123456789-abcdefghij';

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SCRUMDOWN_') && key !== 'NODE_ENV') env[key] = value;
  return { ...env, ...extra };
}

interface Running {
  child: ChildProcess;
  url: string;
  stderr(): string;
  stdout(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

function startServe(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { cwd: root, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${err}\n${out}`)), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${err}\n${out}`));
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const match = /scrumdown is serving (http:\/\/\S+)/.exec(err);
      if (match && err.includes('stop with Ctrl-C')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolvePromise({
          child,
          url: match[1]!,
          stderr: () => err,
          stdout: () => out,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

async function getJson(url: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: await response.json() };
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

beforeAll(() => {
  if (!existsSync(cli)) {
    spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
});

describe('scrumdown serve configuration', () => {
  it('exits 2 naming every problem on its own line, before opening anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrumdown-serve-config-'));
    try {
      const result = spawnSync(process.execPath, [cli, 'serve', '--port', 'eighty', '--db', `sqlite:${join(dir, 'never.db')}`], {
        cwd: root,
        env: cleanEnv({ SCRUMDOWN_SIGNUP: 'sometimes', SCRUMDOWN_RATE_LIMIT: 'lots', NODE_ENV: 'production', SCRUMDOWN_JWT_SECRET: 'short' }),
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        'error: The server configuration has 4 problems:',
        '  --port="eighty" is not a port: give a whole number from 0 to 65535 (0 picks a free port).',
        '  SCRUMDOWN_SIGNUP="sometimes" is not a sign-up mode: give open, invite or closed.',
        '  SCRUMDOWN_RATE_LIMIT="lots" is not a number of requests per minute: give a whole number (0 turns the limit off).',
        '  SCRUMDOWN_JWT_SECRET is 5 bytes: production mode needs at least 32, e.g. from: openssl rand -base64 48.',
      ]);
      // Nothing was created: not the database, not a secret file.
      expect(existsSync(join(dir, 'never.db'))).toBe(false);
      expect(existsSync(join(dir, 'never.db.jwt-secret'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line for a single problem', () => {
    const result = spawnSync(process.execPath, [cli, 'serve'], { cwd: root, env: cleanEnv({ SCRUMDOWN_DATABASE_URL: 'postgres://u:pw@localhost:1/db' }), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'error: The server configuration has a problem:',
      '  SCRUMDOWN_JWT_SECRET is not set: with PostgreSQL every server instance must share one secret (only the embedded SQLite database keeps a generated one).',
    ]);
  });
});

describe('scrumdown serve on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a generated secret in a 0600 file, so tokens outlive a restart; prints the demo sign-in, which works', async () => {
    // A folder that does not exist yet, as on a first `npm start`.
    const db = join(dir, 'data', 'team.db');
    const first = await startServe(['--db', `sqlite:${db}`, '--demo']);
    let token: string;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const signIn = /demo sign-in: (\S+) \/ (\S+)/.exec(first.stderr());
      expect(signIn).not.toBeNull();
      const session = await postJson(`${first.url}/api/v1/auth/login`, { email: signIn![1], password: signIn![2] });
      expect(session.status).toBe(200);
      token = session.body.accessToken;
      const projects = await getJson(`${first.url}/api/v1/projects`, token);
      expect(projects.body.projects.map((project: { key: string }) => project.key)).toEqual(['demo']);
      expect(first.stderr()).toMatch(/project "demo", \d+ plans?: .*platform-rollout\.md/);
      expect(statSync(`${db}.jwt-secret`).mode & 0o777).toBe(0o600);
      // Logs are JSON lines on stdout.
      const lines = first.stdout().trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.some((line) => line.msg === 'server listening' && line.url === first.url)).toBe(true);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(first.stdout()).toContain('"msg":"server stopped"');

    const second = await startServe(['--db', `sqlite:${db}`, '--demo']);
    try {
      expect((await getJson(`${second.url}/api/v1/me`, token)).status).toBe(200);
      expect((await getJson(`${second.url}/readyz`)).body.status).toBe('ready');
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});

describeEachDatabase('scrumdown serve', (_getHandle, suite) => {
  it('starts on the database, answers health, readiness and the API, and stops on SIGTERM', async () => {
    const running = await startServe(['--db', suite.url()], { SCRUMDOWN_JWT_SECRET: SECRET, NODE_ENV: 'production' });
    try {
      expect((await getJson(`${running.url}/healthz`)).body).toEqual({ status: 'ok' });
      expect((await getJson(`${running.url}/readyz`)).body).toMatchObject({ status: 'ready', database: { dialect: suite.kind } });
      const email = `serve-${suite.kind}-${process.pid}@example.test`;
      const registered = await postJson(`${running.url}/api/v1/auth/register`, { email, name: 'Serve', password: 'serve test password' });
      expect(registered.status).toBe(201);
      const response = await fetch(`${running.url}/api/v1/me`, { headers: { authorization: `Bearer ${registered.body.accessToken}`, 'x-request-id': 'serve-probe' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('serve-probe');
    } finally {
      expect(await running.stop()).toBe(0);
    }
    expect(running.stdout()).not.toContain(SECRET);
    expect(running.stdout()).not.toContain('serve test password');
  });
});
