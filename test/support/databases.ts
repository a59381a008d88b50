// Test databases of both kinds. Each test file gets its own fresh, migrated database per kind:
// SQLite in a temporary file, PostgreSQL as a new database (unique name) on the server the
// globalSetup (postgres-setup.ts) provided, so test files run in parallel without sharing rows.
//
//   describeEachDatabase('items repository', (getHandle, testCase) => {
//     it('stores an item', async () => {
//       const { db } = getHandle();
//       ...
//     });
//   });
//
// PostgreSQL cases are skipped, with the reason in their name, when no PostgreSQL is available,
// except under CI=true where they run and fail.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/database.js';
import type { DatabaseHandle, DialectName } from '../../src/store/database.js';
import type { ClusterAnswer, PostgresProvision } from './postgres-setup.js';

export type DatabaseKind = DialectName;

export interface DatabaseCase {
  kind: DatabaseKind;
  /** Why this kind cannot run here; undefined when it can. */
  skipReason: string | undefined;
}

export interface TestDatabase {
  kind: DatabaseKind;
  /** URL for openDatabase, a child process's --db or SCRUMDOWN_DATABASE_URL. */
  url: string;
  handle: DatabaseHandle;
  /** Closes the handle and deletes the database. */
  drop(): Promise<void>;
}

export interface CreateOptions {
  /** Run every migration (default true); false gives an empty database. */
  migrate?: boolean;
}

/** What describeEachDatabase hands the suite besides the handle. */
export interface DatabaseSuite {
  kind: DatabaseKind;
  /** The URL of the file's database (valid inside tests and hooks). */
  url(): string;
  /** Another new database of the same kind, dropped when the file ends. */
  fresh(options?: CreateOptions): Promise<TestDatabase>;
}

function provision(): PostgresProvision {
  let provided: PostgresProvision | undefined;
  try {
    provided = inject('scrumdownPostgres');
  } catch {
    provided = undefined;
  }
  if (provided) return provided;
  const url = process.env.SCRUMDOWN_TEST_DATABASE_URL;
  if (url) return { kind: 'server', adminUrl: url };
  return { kind: 'unavailable', reason: 'the PostgreSQL globalSetup (test/support/postgres-setup.ts) did not run' };
}

/** The database kinds of this run: SQLite always, PostgreSQL when a server is available. */
export function testDatabases(): DatabaseCase[] {
  const postgres = provision();
  const required = process.env.CI === 'true';
  return [
    { kind: 'sqlite', skipReason: undefined },
    { kind: 'postgres', skipReason: postgres.kind === 'unavailable' && !required ? postgres.reason : undefined },
  ];
}

let adminUrl: Promise<string> | undefined;

/** The superuser URL of the test server, starting the run's cluster if this is the first ask. */
function postgresAdminUrl(): Promise<string> {
  adminUrl ??= (async () => {
    const server = provision();
    if (server.kind === 'unavailable') throw new Error(`PostgreSQL is not available for this test run: ${server.reason}.`);
    if (server.kind === 'server') return server.adminUrl;
    const response = await fetch(server.coordinator);
    const answer = (await response.json()) as ClusterAnswer;
    if ('error' in answer) throw new Error(`The test PostgreSQL cluster did not start: ${answer.error}`);
    return answer.adminUrl;
  })();
  return adminUrl;
}

function uniqueName(): string {
  return `scrumdown_test_${process.pid}_${randomBytes(5).toString('hex')}`;
}

/** The admin URL with another database name. */
function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A test database whose drop closes the handle once, then removes what `remove` names. */
function testDatabase(kind: DatabaseKind, url: string, handle: DatabaseHandle, remove: () => unknown): TestDatabase {
  let dropped = false;
  return {
    kind,
    url,
    handle,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await remove();
    },
  };
}

/** A new database of the given kind, migrated unless told otherwise. */
export async function createTestDatabase(kind: DatabaseKind, options: CreateOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'scrumdown-test-sqlite-'));
    const url = `sqlite:${join(dir, 'scrumdown.db')}`;
    const handle = openDatabase(url);
    if (migrate) await migrateToLatest(handle);
    return testDatabase(kind, url, handle, () => rmSync(dir, { recursive: true, force: true }));
  }
  const admin = await postgresAdminUrl();
  const name = uniqueName();
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = withDatabase(admin, name);
  const handle = openDatabase(url);
  if (migrate) await migrateToLatest(handle);
  return testDatabase(kind, url, handle, () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Declares `name` once per database kind ("name [sqlite]", "name [postgres]"); the body registers
 * tests that reach the file's database through getHandle() (valid inside tests and hooks).
 */
export function describeEachDatabase(
  name: string,
  body: (getHandle: () => DatabaseHandle, suite: DatabaseSuite) => void,
  options: CreateOptions = {},
): void {
  for (const testCase of testDatabases()) {
    const title = testCase.skipReason ? `${name} [${testCase.kind}: skipped, ${testCase.skipReason}]` : `${name} [${testCase.kind}]`;
    const declare = testCase.skipReason ? describe.skip : describe;
    declare(title, () => {
      let database: TestDatabase | undefined;
      const extras: TestDatabase[] = [];
      beforeAll(async () => {
        database = await createTestDatabase(testCase.kind, options);
      });
      afterAll(async () => {
        for (const extra of extras) await extra.drop();
        await database?.drop();
      });
      const current = (): TestDatabase => {
        if (!database) throw new Error(`The ${testCase.kind} test database is only there inside tests and hooks.`);
        return database;
      };
      body(() => current().handle, {
        kind: testCase.kind,
        url: () => current().url,
        fresh: async (freshOptions) => {
          const extra = await createTestDatabase(testCase.kind, freshOptions);
          extras.push(extra);
          return extra;
        },
      });
    });
  }
}
