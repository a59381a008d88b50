// The CLI against a real server process, on SQLite and PostgreSQL: login keeps an API token (mode
// 0600), push uploads, pull writes what the server has (changes included), the read commands read
// the project's document, and an unreachable server, a refused token or a missing project is one
// line and exit 2.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { CHECKLIST_PLAN } from './plans.js';
import { api, runCli, startServerProcess } from './server-process.js';
import type { CliRun, ServerProcess } from './server-process.js';


describeEachDatabase('CLI against a server', (_getHandle, suite) => {
  let server: ServerProcess;
  let scratch: string;
  let config: string;
  let token: string;
  const email = 'ada@example.test';
  const password = 'a long enough password 123';

  function run(args: string[], input = ''): Promise<CliRun> {
    return runCli(args, { cwd: scratch, env: { ...process.env, XDG_CONFIG_HOME: config, NO_COLOR: '1', SCRUMDOWN_TOKEN: '' }, input });
  }

  function expectOneLineError(result: CliRun, fragment: string): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain(fragment);
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-cli-remote-'));
    config = join(scratch, 'config');
    server = await startServerProcess(suite.url());
    const session = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email, name: 'Ada', password } });
    token = session.accessToken;
    await api(server.url, 'POST', '/api/v1/projects', { token, json: { key: 'bakery', name: 'Bakery' } });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('logs in with a password from standard input and keeps an API token, readable by the user alone', async () => {
    const result = await run(['login', '--server', server.url, '--email', email], `${password}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Logged in to ${server.url} as ${email}`);
    const file = join(config, 'scrumdown', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { current: string; servers: Record<string, { token: string; email: string }> };
    expect(saved.current).toBe(server.url);
    expect(saved.servers[server.url].token).toMatch(/^sdt_/);
    expect(readFileSync(file, 'utf8')).not.toContain(password);
  });

  it('pushes a plan, reads it through the read commands, and pulls it back with the server-side changes', async () => {
    writeFileSync(join(scratch, 'bakery.md'), CHECKLIST_PLAN);
    const pushed = await run(['push', 'bakery.md', '--project', 'bakery']);
    expect(pushed.stderr).toBe('');
    expect(pushed.stdout).toContain('Created bakery.md in bakery');
    expect(pushed.stdout).toContain('version 1, 8 items');

    const items = await run(['items', '--project', 'bakery', '--status', 'done', '--json']);
    expect(items.code).toBe(0);
    expect((JSON.parse(items.stdout) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['1.1.1']);
    const show = await run(['show', '1.1.2', '--project', 'bakery', '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ item: { id: '1.1.2', title: 'Pick a host' } });
    for (const command of ['status', 'next', 'lint']) {
      const result = await run([command, '--project', 'bakery']);
      expect(result.code, `${command}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    }

    // A change made on the server, then pull: the file has it, and nothing else moved.
    await api(server.url, 'PATCH', '/api/v1/projects/bakery/items/1.2.1', { token, json: { status: 'done' } });
    const pulled = await run(['pull', '--project', 'bakery']);
    expect(pulled.stderr).toBe('');
    expect(pulled.stdout).toContain('bakery.md version 2');
    expect(readFileSync(join(scratch, 'bakery.md'), 'utf8')).toBe(CHECKLIST_PLAN.replace('- [ ] Write the menu page', '- [x] Write the menu page'));
    const elsewhere = await run(['pull', '--project', 'bakery', 'copy.md']);
    expect(elsewhere.code).toBe(0);
    expect(readFileSync(join(scratch, 'copy.md'), 'utf8')).toBe(readFileSync(join(scratch, 'bakery.md'), 'utf8'));

    // Pushing again replaces the document as its next version.
    const again = await run(['push', 'bakery.md', '--project', 'bakery']);
    expect(again.stdout).toContain('Replaced bakery.md in bakery');
    expect(again.stdout).toContain('version 3');
  });

  it('says in one line, with exit 2, when the server is unreachable, refuses the token, or has no such project', async () => {
    expectOneLineError(await run(['items', '--project', 'bakery', '--server', 'http://127.0.0.1:9']), 'Cannot reach the scrumdown server at http://127.0.0.1:9');
    expectOneLineError(await run(['pull', '--project', 'no-such-project']), '404');
    expectOneLineError(await run(['login', '--server', server.url, '--token', 'sdt_not-a-real-token']), '401');
    expectOneLineError(await run(['login', '--server', server.url, '--email', email], 'not the password\n'), '401');
    expectOneLineError(await run(['items']), 'No plan file given');
  });
});
