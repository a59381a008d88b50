// vitest globalSetup: decides once per run where the PostgreSQL test databases live and hands
// that to every test file through `inject('scrumdownPostgres')`:
// - SCRUMDOWN_TEST_DATABASE_URL set: that server (its user must be allowed to CREATE DATABASE);
// - PostgreSQL binaries found: a throwaway cluster, started when the first test file asks for
//   it (runs that need no PostgreSQL never pay for it) and removed at the end;
// - neither (or SCRUMDOWN_TEST_POSTGRES=skip): PostgreSQL cases are skipped with a notice,
//   except under CI=true, where the run fails.
// Test files ask for the cluster over a small HTTP endpoint on 127.0.0.1 served from here, the
// one process that outlives them all.

import { createServer } from 'node:http';
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startCluster } from './postgres-cluster.js';
import type { RunningCluster } from './postgres-cluster.js';

export type PostgresProvision =
  | { kind: 'server'; adminUrl: string }
  | { kind: 'on-demand'; coordinator: string }
  | { kind: 'unavailable'; reason: string };

/** The coordinator's answer: the cluster's admin URL, or why it could not start. */
export type ClusterAnswer = { adminUrl: string } | { error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    scrumdownPostgres: PostgresProvision;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.SCRUMDOWN_TEST_DATABASE_URL;
  if (external) {
    project.provide('scrumdownPostgres', { kind: 'server', adminUrl: external });
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

  let cluster: Promise<RunningCluster> | undefined;
  const start = (): Promise<RunningCluster> => {
    cluster ??= startCluster(binaries).then((running) => {
      if (process.env.SCRUMDOWN_TEST_VERBOSE) console.log(`[scrumdown tests] PostgreSQL cluster from ${binaries.bindir} up in ${running.startMs} ms`);
      return running;
    });
    return cluster;
  };
  const coordinator = createServer((request, response) => {
    const answer = (body: ClusterAnswer, status: number): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.url !== '/postgres') return answer({ error: 'unknown path' }, 404);
    // Failing to start is an error everywhere: the binaries are there, so something is wrong.
    start().then(
      (running) => answer({ adminUrl: running.adminUrl }, 200),
      (error: unknown) => answer({ error: (error as Error).message }, 500),
    );
  });
  await new Promise<void>((resolve) => coordinator.listen(0, '127.0.0.1', resolve));
  const address = coordinator.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('scrumdownPostgres', { kind: 'on-demand', coordinator: `http://127.0.0.1:${port}/postgres` });

  // A run killed before this teardown leaves its cluster behind; the next start removes it.
  return async () => {
    coordinator.closeAllConnections();
    await new Promise<void>((resolve) => coordinator.close(() => resolve()));
    if (cluster) await (await cluster.catch(() => undefined))?.stop();
  };
}
