// The container's runtime promises, checked against the real server started from the build as
// the image starts it: the HEALTHCHECK script passes against it, it writes nothing outside its
// data folder (so a read-only root file system works), and it stops cleanly on SIGTERM (what
// `docker stop` and Kubernetes send through tini).

import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, startServerProcess, type ServerProcess } from './server-process.js';

describe('the server as the container runs it', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.dispose());

  it('passes the image’s health check, and reports ready once migrated', async () => {
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, [join(repositoryRoot, 'deploy', 'healthcheck.mjs')], { env: { PATH: process.env.PATH ?? '', SCRUMDOWN_PORT: String(server.port) }, timeout: 20_000 }, (error) =>
        resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0),
      );
    });
    expect(code).toBe(0);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('writes only in its data folder, then stops with exit code 0 on SIGTERM', async () => {
    // Some traffic that touches the database: a failed sign-in and a registration.
    await fetch(`${server.url}/api/v1/projects`);
    await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.com', password: 'correct horse battery staple', name: 'Ops' }),
    });
    await fetch(`${server.url}/metrics`);
    expect(await server.stop()).toBe(0);
    const { cwd, home, tmp, data } = server.folders;
    expect({ cwd: readdirSync(cwd), home: readdirSync(home), tmp: readdirSync(tmp) }).toEqual({ cwd: [], home: [], tmp: [] });
    const written = readdirSync(data).sort();
    // The database (with SQLite's write-ahead files while they last) and the generated secret.
    expect(written).toContain('scrumdown.db');
    expect(written).toContain('scrumdown.db.jwt-secret');
    expect(written.filter((name) => !/^scrumdown\.db(-wal|-shm|-journal|\.jwt-secret)?$/.test(name))).toEqual([]);
  });
});
