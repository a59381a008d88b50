// `scrumdown migrate` end to end on both databases: what it prints, --status, --json, the URL
// from --db, SCRUMDOWN_DATABASE_URL or the default, and each failure as one line with exit 2.

import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDatabase } from '../support/databases.js';
import { migrations } from '../../src/store/migrations/index.js';
import { runCli } from './cli-run.js';

const NAMES = Object.keys(migrations('sqlite'));
const LATEST = NAMES[NAMES.length - 1]!;

describeEachDatabase(
  'scrumdown migrate',
  (getHandle, suite) => {
    it('--status lists the pending migration before anything ran', async () => {
      const run = await runCli(['migrate', '--status', '--db', suite.url()]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^Database (sqlite:\/|postgres:\/\/)/);
      expect(lines.slice(1)).toEqual([...NAMES.map((name) => `  pending  ${name}`), `${NAMES.length} pending migrations: run "scrumdown migrate" to apply.`]);
    });

    it('applies what is pending and prints it, then has nothing to do', async () => {
      const first = await runCli(['migrate', '--db', suite.url()]);
      expect(first.status).toBe(0);
      expect(first.stdout.trimEnd().split('\n').slice(1)).toEqual([...NAMES.map((name) => `  applied  ${name}`), `Applied ${NAMES.length} migrations; latest ${LATEST}.`]);
      const tables = await getHandle().db.introspection.getTables();
      expect(tables.length).toBe(16);
      const second = await runCli(['migrate', '--db', suite.url()]);
      expect(second.status).toBe(0);
      expect(second.stdout.trimEnd().split('\n').slice(1)).toEqual([`Up to date: nothing to apply (latest ${LATEST}).`]);
    });

    it('--status --json says what ran and when', async () => {
      const run = await runCli(['migrate', '--status', '--json'], { env: { SCRUMDOWN_DATABASE_URL: suite.url() } });
      expect(run.status).toBe(0);
      const body = JSON.parse(run.stdout) as { schema: string; mode: string; applied: { name: string; executedAt: string }[]; pending: string[] };
      expect(body.schema).toBe('scrumdown/migrate@1');
      expect(body.mode).toBe('status');
      expect(body.applied.map((migration) => migration.name)).toEqual(NAMES);
      expect(Date.parse(body.applied[0]!.executedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(body.pending).toEqual([]);
    });

    it('refuses a database a newer scrumdown migrated, in one line with exit 2', async () => {
      const database = await suite.fresh();
      await sql`insert into kysely_migration (name, timestamp) values ('900-newer', '2030-01-01T00:00:00.000Z')`.execute(database.handle.db);
      const run = await runCli(['migrate', '--db', database.url]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: The database .* has migration 900-newer, which this version of scrumdown does not know: a newer scrumdown migrated it\. Upgrade scrumdown\.\n$/);
    });

    it('a failed migration is one line with exit 2, and nothing is applied', async () => {
      const database = await suite.fresh({ migrate: false });
      await sql`create table items (id text)`.execute(database.handle.db);
      const run = await runCli(['migrate', '--db', database.url]);
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: Migration 001-initial failed on .*, and nothing of this run was applied: /);
      expect((await database.handle.db.introspection.getTables()).map((table) => table.name)).toEqual(['items']);
    });
  },
  { migrate: false },
);

describe('scrumdown migrate: where the database is, and when it cannot be used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-test-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to sqlite:./scrumdown.db in the working directory', async () => {
    const run = await runCli(['migrate'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Database sqlite:./scrumdown.db');
    expect(existsSync(join(dir, 'scrumdown.db'))).toBe(true);
  });

  it('names a URL of no known kind', async () => {
    const run = await runCli(['migrate', '--db', 'mysql://root:hunter2@db/x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('error: The database URL "mysql://root:***@db/x" is neither sqlite:PATH nor postgres://USER:PASSWORD@HOST:PORT/NAME.\n');
  });

  it('names a file that is not a database', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'just some notes, long enough to have a header page\n'.repeat(20));
    const run = await runCli(['migrate', '--db', `sqlite:${path}`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: Cannot open the database sqlite:${path}: the file is not a SQLite database: point --db at a scrumdown database or a new file.\n`);
  });

  it('names an unreachable server without printing its password', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const run = await runCli(['migrate', '--status', '--db', `postgres://scrumdown:s3cret@127.0.0.1:${port}/scrumdown`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error: Cannot connect to the database postgres://scrumdown:***@127.0.0.1:${port}/scrumdown: connection refused; check that the server is running and listening on that host and port.\n`,
    );
    expect(run.stderr).not.toContain('s3cret');
  });
});
