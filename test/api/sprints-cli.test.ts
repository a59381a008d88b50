// The sprint, standup and report commands against a real server process (SQLite): create, start,
// show, burndown and close a sprint; write a standup from flags; a weekly report to a file in
// each format; and the file form `scrumdown sprint FILE` still works beside the subcommands.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, runCli, startServerProcess } from './server-process.js';
import type { CliRun, ServerProcess } from './server-process.js';
import { TRACKER_PLAN } from './plans.js';


describe('sprint, standup and report commands against a server', () => {
  let server: ServerProcess;
  let scratch: string;
  let token: string;

  function run(args: string[]): Promise<CliRun> {
    return runCli(args, { cwd: scratch, env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), NO_COLOR: '1', SCRUMDOWN_TOKEN: token } });
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-sprints-cli-'));
    server = await startServerProcess(`sqlite:${join(scratch, 'db.sqlite')}`);
    const session = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'ada@example.test', name: 'Ada', password: 'a long enough password 123' } });
    token = session.accessToken;
    await api(server.url, 'POST', '/api/v1/projects', { token, json: { key: 'library', name: 'Library' } });
    await api(server.url, 'POST', '/api/v1/projects/library/documents', { token, json: { name: 'library.md', content: TRACKER_PLAN } });
    // The plan's "Current Sprint" section came in as sprint 1; these commands start afresh.
    await api(server.url, 'DELETE', '/api/v1/projects/library/sprints/1', { token });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('creates, starts, shows, burns down and closes a sprint', async () => {
    const remote = ['--project', 'library', '--server', server.url];
    const created = await run(['sprint', 'create', '--name', 'Returns', '--start', '2026-11-23', '--end', '2026-12-04', '--items', 'TASK-202,TASK-203', ...remote]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Sprint 1: Returns (planned)');
    expect(created.stdout).toContain('11 points in 2 items');
    expect((await run(['sprint', 'start', '1', ...remote])).stdout).toContain('committed at start: 11');
    const burndown = await run(['sprint', 'burndown', '1', ...remote]);
    expect(burndown.stdout).toContain('commitment 11 points');
    expect(burndown.stdout).toMatch(/2026-11-23\s+11\s+9\.9\s+0\s+0/);
    expect((await run(['sprint', 'close', '1', ...remote])).stdout).toContain('(closed)');
    expect((await run(['sprint', 'show', '1', ...remote])).stdout).toContain('completed 0 of 11 committed points');
    const bad = await run(['sprint', 'create', '--name', 'X', '--start', '2026-12-04', '--end', '2026-11-23', ...remote]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/endDate \(2026-11-23\) is before startDate/);
  });

  it('writes a standup from flags and a report to a file in each format', async () => {
    const remote = ['--project', 'library', '--server', server.url];
    const standup = await run(['standup', '--day', '2026-11-23', '--done', 'Loans', '--next', 'Returns', '--mood', '4', '--items', 'TASK-201', ...remote]);
    expect(standup.stderr).toBe('');
    expect(standup.stdout).toMatch(/^Wrote Ada's standup for 2026-11-23 in library/);
    const md = await run(['report', 'weekly', '--week', '2026-W48', ...remote]);
    expect(md.stdout).toContain('# Weekly summary 2026-W48: Library');
    expect(md.stdout).toContain('| Ada | 1 | 20% | 0 | 0 | 4 |');
    for (const format of ['csv', 'json', 'pdf']) {
      const out = join(scratch, `weekly.${format}`);
      const result = await run(['report', 'weekly', '--week', '2026-W48', '--format', format, '--out', out, ...remote]);
      expect(result.stdout).toMatch(/^Wrote /);
      const bytes = readFileSync(out);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'json') expect(JSON.parse(bytes.toString()).report.team.entries).toBe(1);
      if (format === 'csv') expect(bytes.toString()).toContain('Ada,1,20%,0,0,4');
    }
  });

  it('scrumdown sprint FILE still reads a plan file', async () => {
    writeFileSync(join(scratch, 'plan.md'), TRACKER_PLAN);
    const result = await run(['sprint', 'plan.md', '--seed', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Current Sprint');
  });
});
