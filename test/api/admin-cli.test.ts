// `scrumdown admin` against a real server process: an administrator lists, disables, enables,
// promotes and demotes accounts named by e-mail address, invites and revokes invites; the server's
// refusals (not an administrator, the last administrator) and names that match nothing are one
// line and exit 2. The routes themselves are tested on both databases in accounts tests.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, runCli, startServerProcess } from './server-process.js';
import type { CliRun, ServerProcess } from './server-process.js';

describe('scrumdown admin', () => {
  let server: ServerProcess;
  let scratch: string;
  let adminToken: string;
  let memberToken: string;
  const password = 'a long enough password 123';

  function run(args: string[], token = adminToken): Promise<CliRun> {
    return runCli(['admin', ...args, '--server', server.url], { cwd: scratch, env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), NO_COLOR: '1', SCRUMDOWN_TOKEN: token } });
  }

  function expectOneLineError(result: CliRun, fragment: string | RegExp): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: /);
    if (typeof fragment === 'string') expect(result.stderr).toContain(fragment);
    else expect(result.stderr).toMatch(fragment);
  }

  async function signIn(email: string): Promise<number> {
    const response = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return response.status;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-admin-cli-'));
    server = await startServerProcess(`sqlite:${join(scratch, 'db.sqlite')}`);
    // The first account on a server is its administrator.
    adminToken = (await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'ada@example.test', name: 'Ada', password } })).accessToken;
    memberToken = (await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'grace@example.test', name: 'Grace', password } })).accessToken;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lists every account, filters by text, and prints JSON', async () => {
    const listed = await run(['users']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^EMAIL +NAME +ADMIN +STATE +CREATED\n/);
    expect(listed.stdout).toMatch(/ada@example\.test +Ada +yes +active/);
    expect(listed.stdout).toMatch(/grace@example\.test +Grace + active/);
    expect(listed.stdout).toContain('2 accounts');
    const searched = await run(['users', '--search', 'GRACE', '--json']);
    const body = JSON.parse(searched.stdout) as { schema: string; count: number; users: Array<{ email: string; isAdmin: boolean; disabledAt: string | null }> };
    expect(body.schema).toBe('scrumdown/admin-users@1');
    expect(body.users.map((user) => user.email)).toEqual(['grace@example.test']);
  });

  it('disables and enables an account named by e-mail in any case; a disabled account cannot sign in', async () => {
    expect(await signIn('grace@example.test')).toBe(200);
    const disabled = await run(['disable', 'Grace@Example.test']);
    expect(disabled.stderr).toBe('');
    expect(disabled.stdout).toBe('Disabled grace@example.test (not administrator, disabled).\n');
    expect(await signIn('grace@example.test')).not.toBe(200);
    expect((await run(['users'])).stdout).toMatch(/grace@example\.test +Grace + disabled \d{4}-\d\d-\d\d/);
    const enabled = await run(['enable', 'grace@example.test']);
    expect(enabled.stdout).toBe('Enabled grace@example.test (not administrator, active).\n');
    expect(await signIn('grace@example.test')).toBe(200);
  });

  it('grants and revokes administrator, and passes on the refusal to demote the last one', async () => {
    const granted = await run(['grant-admin', 'grace@example.test', '--json']);
    expect(JSON.parse(granted.stdout)).toMatchObject({ schema: 'scrumdown/admin-user@1', user: { email: 'grace@example.test', isAdmin: true } });
    const revoked = await run(['revoke-admin', 'grace@example.test']);
    expect(revoked.stdout).toBe('No longer administrator: grace@example.test (not administrator, active).\n');
    expectOneLineError(await run(['revoke-admin', 'ada@example.test']), /last/i);
    expectOneLineError(await run(['disable', 'ada@example.test']), /last/i);
  });

  it('refuses an account that is not an administrator, and names nobody it cannot find', async () => {
    expectOneLineError(await run(['users'], memberToken), /admin/i);
    expectOneLineError(await run(['disable', 'nobody@example.test']), `No account with the e-mail address nobody@example.test on ${server.url}. scrumdown admin users lists them.`);
    expectOneLineError(await run(['enable', 'u_missing']), 'No account with the id u_missing');
  });

  it('invites once, lists invites, and revokes a pending one by e-mail', async () => {
    const invited = await run(['invite', 'alan@example.test']);
    expect(invited.stderr).toBe('');
    expect(invited.stdout).toMatch(/^Invited alan@example\.test \(invite \S+, valid until \S+\)\.\nInvite token, shown this once: \S+\n/);
    const token = /shown this once: (\S+)/.exec(invited.stdout)?.[1];
    const listed = await run(['invites']);
    expect(listed.stdout).toMatch(/alan@example\.test +pending/);
    expect(listed.stdout).not.toContain(token);
    const revoked = await run(['revoke-invite', 'ALAN@example.test']);
    expect(revoked.stdout).toMatch(/^Revoked the invite for alan@example\.test \(\S+\)\.\n$/);
    expect((await run(['invites', '--json'])).stdout).toContain('"state":"revoked"');
    expectOneLineError(await run(['revoke-invite', 'alan@example.test']), 'The invite for alan@example.test is revoked, not pending: there is nothing to revoke.');
    expectOneLineError(await run(['revoke-invite', 'i_missing']), `No invite with the id i_missing on ${server.url}.`);
  });
});
