// A throwaway PostgreSQL cluster for the test run: initdb into a temporary directory, pg_ctl
// start on a free TCP port of 127.0.0.1 (its socket in the same directory), trust
// authentication, durability switched off for speed; stopped and deleted at the end. PostgreSQL
// refuses to run as root, so as root the binaries run as the `postgres` user.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresBinaries {
  bindir: string;
  initdb: string;
  pgCtl: string;
}

export interface RunningCluster {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:41234/postgres. */
  adminUrl: string;
  dir: string;
  /** Milliseconds initdb and pg_ctl start took together. */
  startMs: number;
  stop(): Promise<void>;
}

const DIR_PREFIX = 'scrumdown-test-pg-';

/** Where initdb and pg_ctl are: $SCRUMDOWN_PG_BINDIR, `pg_config --bindir`, the newest /usr/lib/postgresql/N/bin, then PATH. */
export async function findPostgresBinaries(): Promise<PostgresBinaries | undefined> {
  const candidates: string[] = [];
  if (process.env.SCRUMDOWN_PG_BINDIR) candidates.push(process.env.SCRUMDOWN_PG_BINDIR);
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    candidates.push(stdout.trim());
  } catch {
    // pg_config comes with libpq's development files, which not every machine has.
  }
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    // Prefer 15, the version the server is supported on, then the newest.
    versions.sort((a, b) => Number(b === '15') - Number(a === '15'));
    for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  for (const bindir of candidates) {
    const initdb = join(bindir, 'initdb');
    const pgCtl = join(bindir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl) && existsSync(join(bindir, 'postgres'))) return { bindir, initdb, pgCtl };
  }
  return undefined;
}

interface RunAs {
  uid: number;
  gid: number;
  wrap(command: string, args: string[]): [string, string[]];
}

/** As root, how to run a binary as `postgres`; otherwise undefined (run as the current user). */
async function postgresUser(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error('The tests run as root, and PostgreSQL refuses root, but there is no "postgres" user to run it as. Create one (useradd --system postgres) or run the tests as another user.');
  });
  const uid = Number(stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  const hasRunuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((path) => existsSync(path));
  return {
    uid,
    gid,
    wrap: (command, args) =>
      hasRunuser
        ? [hasRunuser, ['-u', 'postgres', '--', command, ...args]]
        : ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]],
  };
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Stops and deletes clusters left behind by test runs that were killed before their teardown. */
async function removeAbandonedClusters(binaries: PostgresBinaries, runAs: RunAs | undefined): Promise<void> {
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(base, name);
    try {
      const owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
      if (processAlive(owner)) continue;
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
        const [command, args] = wrap(runAs, binaries.pgCtl, ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
        await run(command, args).catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Someone else's directory or one being removed right now: leave it.
    }
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function wrap(runAs: RunAs | undefined, command: string, args: string[]): [string, string[]] {
  return runAs ? runAs.wrap(command, args) : [command, args];
}

/** Starts a fresh cluster. Throws with initdb's or the server log's own words when it cannot. */
export async function startCluster(binaries: PostgresBinaries): Promise<RunningCluster> {
  const started = Date.now();
  const runAs = await postgresUser();
  await removeAbandonedClusters(binaries, runAs);
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');

  const step = async (command: string, args: string[], what: string): Promise<void> => {
    const [file, argv] = wrap(runAs, command, args);
    try {
      await run(file, argv, { cwd: dir, timeout: 60_000 });
    } catch (error) {
      const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(`${what} failed: ${(stderr || stdout || (error as Error).message).trim()}${serverLog ? `\nserver log:\n${serverLog}` : ''}`);
    }
  };

  try {
    await step(binaries.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb');
    let port = 0;
    // A port found free can be taken before the server binds it; try a few.
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${dir}`,
        `-c listen_addresses=127.0.0.1`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=300',
        '-c shared_buffers=32MB',
      ].join(' ');
      try {
        await step(binaries.pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start'], 'pg_ctl start');
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const stop = async (): Promise<void> => {
      const [file, argv] = wrap(runAs, binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await run(file, argv).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    };
    return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, startMs: Date.now() - started, stop };
  } catch (error) {
    const [file, argv] = wrap(runAs, binaries.pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    await run(file, argv).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
