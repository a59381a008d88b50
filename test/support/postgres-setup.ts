// vitest globalSetup: decides once per run where the PostgreSQL test databases live and hands
// that to every test file through `inject('scrumdownPostgres')`:
// - SCRUMDOWN_TEST_DATABASE_URL set: that server (its user must be allowed to CREATE DATABASE);
// - PostgreSQL binaries found: a throwaway cluster started here and removed at the end;
// - neither (or SCRUMDOWN_TEST_POSTGRES=skip): PostgreSQL cases are skipped with a notice,
//   except under CI=true, where the run fails.

import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startCluster } from './postgres-cluster.js';

export type PostgresProvision =
  | { kind: 'server'; adminUrl: string; source: 'SCRUMDOWN_TEST_DATABASE_URL' | 'cluster' }
  | { kind: 'unavailable'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    scrumdownPostgres: PostgresProvision;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.SCRUMDOWN_TEST_DATABASE_URL;
  if (external) {
    project.provide('scrumdownPostgres', { kind: 'server', adminUrl: external, source: 'SCRUMDOWN_TEST_DATABASE_URL' });
    return undefined;
  }
  const skipAsked = process.env.SCRUMDOWN_TEST_POSTGRES === 'skip';
  const binaries = skipAsked ? undefined : await findPostgresBinaries();
  if (!binaries) {
    const reason = skipAsked
      ? 'SCRUMDOWN_TEST_POSTGRES=skip'
      : 'no PostgreSQL binaries (initdb, pg_ctl) found via SCRUMDOWN_PG_BINDIR, pg_config, /usr/lib/postgresql or PATH, and SCRUMDOWN_TEST_DATABASE_URL is not set';
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required under CI=true: ${reason}. Install postgresql-15 (apt-get install -y postgresql-15).`);
    }
    console.warn(`\n[scrumdown tests] PostgreSQL cases SKIPPED: ${reason}. Install postgresql-15 or set SCRUMDOWN_TEST_DATABASE_URL.\n`);
    project.provide('scrumdownPostgres', { kind: 'unavailable', reason });
    return undefined;
  }
  // Failing to start is an error everywhere: the binaries are there, so something is wrong.
  const cluster = await startCluster(binaries);
  if (process.env.SCRUMDOWN_TEST_VERBOSE) console.log(`[scrumdown tests] PostgreSQL cluster from ${binaries.bindir} up in ${cluster.startMs} ms`);
  project.provide('scrumdownPostgres', { kind: 'server', adminUrl: cluster.adminUrl, source: 'cluster' });
  // A run killed before this teardown leaves its cluster behind; the next run's start removes it.
  return () => cluster.stop();
}
