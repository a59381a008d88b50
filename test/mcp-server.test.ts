// The MCP server on a project of the team server, end to end, on SQLite and PostgreSQL: a real
// `scrumdown serve` process; `scrumdown mcp --server URL --project P` spawned with the official
// SDK's stdio client (every tool called, the document downloaded and compared byte for byte after
// set_status, standups written and changed and read back through the REST API, a subscriber told
// of an edit made on the server), and the server's own /mcp
// endpoint through the SDK's Streamable HTTP client (a valid API token works; none, a wrong one,
// a revoked one and an expired one are refused with 401).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CHECKLIST_PLAN } from './api/plans.js';
import { describeEachDatabase } from './support/databases.js';
import { api, CLI, ROOT, startServerProcess } from './api/server-process.js';
import type { ServerProcess } from './api/server-process.js';
import type { StandupView } from '../src/services/standups/index.js';

const PLAN = readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'backlog.md'));
const PROJECT = 'bakery';
const TOOLS = ['add_standup', 'get_item', 'lint_plan', 'list_items', 'next_items', 'plan_status', 'set_status', 'update_standup'];

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

describeEachDatabase('MCP on a project of the team server', (getHandle, suite) => {
  let server: ServerProcess;
  let scratch: string;
  let token: string;
  let viewerToken: string;
  let documentId: string;
  /** A standup entry of Cy, another member of the project. */
  let othersEntry: string;
  const open: Client[] = [];

  async function raw(): Promise<{ bytes: Buffer; version: number }> {
    const response = await fetch(`${server.url}/api/v1/projects/${PROJECT}/documents/${documentId}?format=raw`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return { bytes: Buffer.from(await response.arrayBuffer()), version: Number(response.headers.get('etag')!.replace(/\D/g, '')) };
  }

  async function apiToken(user: string, name: string): Promise<{ id: string; token: string }> {
    return api<{ id: string; token: string }>(server.url, 'POST', '/api/v1/tokens', { token: user, json: { name } });
  }

  async function stdio(args: string[] = [], env: Record<string, string> = {}): Promise<Client> {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--server', server.url, '--project', PROJECT, ...args],
      env: { ...(process.env as Record<string, string>), XDG_CONFIG_HOME: join(scratch, 'config'), SCRUMDOWN_TOKEN: token, ...env },
      stderr: 'pipe',
      cwd: scratch,
    });
    const client = new Client({ name: 'scrumdown-test', version: '1.0.0' });
    await client.connect(transport);
    open.push(client);
    // With the tool list cached, the client checks every structured result against its output schema.
    await client.listTools();
    return client;
  }

  function httpTransport(credential: string | undefined, query = `project=${PROJECT}`): StreamableHTTPClientTransport {
    const headers: Record<string, string> = credential === undefined ? {} : { authorization: `Bearer ${credential}` };
    return new StreamableHTTPClientTransport(new URL(`${server.url}/mcp?${query}`), { requestInit: { headers } });
  }

  async function http(credential: string | undefined, query?: string): Promise<Client> {
    const client = new Client({ name: 'scrumdown-test', version: '1.0.0' });
    await client.connect(httpTransport(credential, query));
    open.push(client);
    await client.listTools();
    return client;
  }

  /** A POST /mcp the way an MCP client starts, answered by the status and error code given. */
  async function initialize(credential: string | undefined, query = `project=${PROJECT}`): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    if (credential !== undefined) headers.authorization = `Bearer ${credential}`;
    const response = await fetch(`${server.url}/mcp?${query}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }

  async function standupsOn(day: string): Promise<StandupView[]> {
    return (await api<{ entries: StandupView[] }>(server.url, 'GET', `/api/v1/projects/${PROJECT}/standups?from=${day}&to=${day}`, { token })).entries;
  }

  /** add_standup refusing a second entry for `day` in favour of update_standup, and update_standup changing the first, through `client`. */
  async function updatesStandup(client: Client, day: string): Promise<void> {
    const written = await call(client, 'add_standup', { done: 'Catalogue API', blockers: 'No test card', mood: 3, items: ['BAKE-002'], day });
    const { id } = written.structuredContent as { id: string };
    const second = await call(client, 'add_standup', { done: 'More', day });
    expect(second.isError).toBe(true);
    expect(text(second)).toBe(
      `conflict: You already wrote a standup for ${day} (entry ${id}); change it with update_standup {"id": "${id}"} (or {"day": "${day}"}) instead of adding another. Nothing was written.`,
    );

    const byDay = await call(client, 'update_standup', { day, next: 'Basket page', mood: 5, items: ['BAKE-003'], blocker_resolved: true });
    expect(byDay.isError).toBeFalsy();
    expect(text(byDay)).toContain(`Updated Ada's standup for ${day} in project ${PROJECT}`);
    const byId = await call(client, 'update_standup', { id, done: 'Catalogue API and its tests', mood: null });
    expect(byId.structuredContent).toMatchObject({ id, day, done: 'Catalogue API and its tests', mood: null });
    const [stored, ...others] = await standupsOn(day);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ id, user: { name: 'Ada' }, done: 'Catalogue API and its tests', next: 'Basket page', blockers: 'No test card', mood: null, items: ['BAKE-003'] });
    expect(stored.blockerResolvedAt).not.toBeNull();

    // Refusals name the problem, and leave the entry as it was.
    const mood = await call(client, 'update_standup', { id, mood: 7 });
    expect(mood.isError).toBe(true);
    expect(text(mood)).toMatch(/^validation_failed: mood must be a whole number from 1 \(bad\) to 5 \(great\); got 7\..* Fix the argument and call the tool again\.$/);
    const item = await call(client, 'update_standup', { day, items: ['BAKE-06'] });
    expect(item.isError).toBe(true);
    expect(text(item)).toMatch(/^unknown_id: Unknown item 'BAKE-06'.*BAKE-00/);
    const foreign = await call(client, 'update_standup', { id: othersEntry, done: 'Not mine to write' });
    expect(foreign.isError).toBe(true);
    expect(text(foreign)).toMatch(/^forbidden: This standup entry is Cy's; you can only change your own/);
    const none = await call(client, 'update_standup', { day: '2026-10-01', done: 'x' });
    expect(text(none)).toMatch(/^not_found: You have no standup entry for 2026-10-01 in project bakery.*; write one with add_standup\..* give the day/);
    const unknown = await call(client, 'update_standup', { id: 'no-such-entry', done: 'x' });
    expect(text(unknown)).toMatch(/^not_found: The project has no standup entry "no-such-entry"\..* Give the id add_standup or update_standup returned/);
    const badDay = await call(client, 'update_standup', { day: '2026-13-40', done: 'x' });
    expect(text(badDay)).toMatch(/^validation_failed: day must be a day written YYYY-MM-DD, e\.g\. 2026-11-23 \(got "2026-13-40"\)/);
    const both = await call(client, 'update_standup', { id, day, done: 'x' });
    expect(text(both)).toMatch(/^invalid_argument: Name the entry by id or by day, not both/);
    const nothing = await call(client, 'update_standup', { id });
    expect(text(nothing)).toMatch(/^invalid_argument: Say what to change/);
    expect(await standupsOn(day)).toEqual([stored]);
    expect((await standupsOn('2026-11-20'))[0]).toMatchObject({ id: othersEntry, done: 'Logo' });
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'scrumdown-mcp-server-'));
    server = await startServerProcess(suite.url());
    const ada = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'ada@example.test', name: 'Ada', password: 'a long enough password 123' } });
    const bob = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'bob@example.test', name: 'Bob', password: 'a long enough password 456' } });
    await api(server.url, 'POST', '/api/v1/projects', { token: ada.accessToken, json: { key: PROJECT, name: 'Bakery' } });
    await api(server.url, 'PUT', `/api/v1/projects/${PROJECT}/members/bob@example.test`, { token: ada.accessToken, json: { role: 'viewer' } });
    const document = await api<{ id: string }>(server.url, 'POST', `/api/v1/projects/${PROJECT}/documents`, {
      token: ada.accessToken,
      json: { name: 'backlog.md', content: PLAN.toString('base64'), encoding: 'base64' },
    });
    documentId = document.id;
    const cy = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/register', { json: { email: 'cy@example.test', name: 'Cy', password: 'a long enough password 789' } });
    await api(server.url, 'PUT', `/api/v1/projects/${PROJECT}/members/cy@example.test`, { token: ada.accessToken, json: { role: 'member' } });
    othersEntry = (await api<{ id: string }>(server.url, 'POST', `/api/v1/projects/${PROJECT}/standups`, { token: cy.accessToken, json: { done: 'Logo', day: '2026-11-20' } })).id;
    token = (await apiToken(ada.accessToken, 'agent')).token;
    viewerToken = (await apiToken(bob.accessToken, 'viewer agent')).token;
  });

  afterEach(async () => {
    while (open.length > 0) await open.pop()!.close();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stdio: lists the plan tools and add_standup, and answers the read tools from the project document', async () => {
    const client = await stdio();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);

    const status = await call(client, 'plan_status');
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent).toMatchObject({ file: 'backlog.md', title: 'Bakery Ordering - Backlog', ready: 2, blocked: 2 });
    expect(text(status)).toContain('Bakery Ordering - Backlog (backlog.md)');

    const stories = await call(client, 'list_items', { status: ['todo'], kind: ['story'] });
    expect((stories.structuredContent as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['BAKE-002', 'BAKE-003', 'BAKE-004', 'BAKE-005']);

    const item = await call(client, 'get_item', { id: 'BAKE-003' });
    expect(text(item)).toContain('Depends on: BAKE-002 [todo]');
    expect((item.structuredContent as { dependents: Array<{ id: string }> }).dependents.map((dep) => dep.id)).toEqual(['BAKE-004']);

    const next = await call(client, 'next_items', { concurrency: 2 });
    expect((next.structuredContent as { items: Array<{ id: string }> }).items.map((entry) => entry.id)).toEqual(['BAKE-002', 'BAKE-005']);

    const lint = await call(client, 'lint_plan');
    expect(lint.isError).toBeFalsy();
    expect(lint.structuredContent).toMatchObject({ count: 0 });

    const uri = `${server.url}/api/v1/projects/${PROJECT}/documents/${documentId}?format=raw`;
    expect((await client.listResources()).resources).toEqual([expect.objectContaining({ uri, mimeType: 'text/markdown' })]);
    expect((await client.readResource({ uri })).contents[0]).toMatchObject({ text: (await raw()).bytes.toString('utf8') });
  });

  it('stdio: set_status changes only the status bytes of the document on the server', async () => {
    const client = await stdio();
    const before = await raw();

    const dry = await call(client, 'set_status', { ids: ['BAKE-002.ac1'], status: 'done', dry_run: true });
    expect(dry.structuredContent).toMatchObject({ written: false, dryRun: true, changes: [{ id: 'BAKE-002.ac1', from: 'todo', to: 'done' }] });
    expect((await raw()).version).toBe(before.version);

    // A checkbox: one byte.
    const ticked = await call(client, 'set_status', { ids: ['BAKE-002.ac1'], status: 'done' });
    expect(ticked.isError).toBeFalsy();
    expect(ticked.structuredContent).toMatchObject({ written: true, changes: [{ id: 'BAKE-002.ac1', to: 'done' }] });
    const afterTick = await raw();
    expect(afterTick.version).toBe(before.version + 1);
    expect(afterTick.bytes.length).toBe(before.bytes.length);
    const differing = [...before.bytes.keys()].filter((i) => before.bytes[i] !== afterTick.bytes[i]);
    expect(differing).toHaveLength(1);
    expect(String.fromCharCode(afterTick.bytes[differing[0]])).toBe('x');
    expect(before.bytes.subarray(differing[0] - 1, differing[0] + 2).toString()).toBe('[ ]');

    // A story with a field line: a status field added to it, every other line as it was; two items at once.
    const started = await call(client, 'set_status', { ids: ['BAKE-004', 'BAKE-005'], status: 'in_progress' });
    expect(started.isError).toBeFalsy();
    expect(text(started)).toContain('BAKE-004 todo → in_progress, BAKE-005 todo → in_progress');
    const afterStart = await raw();
    // Both in one version: a multi-item set_status is one write on the server.
    expect(afterStart.version).toBe(afterTick.version + 1);
    const oldLines = afterTick.bytes.toString('utf8').split('\n');
    const newLines = afterStart.bytes.toString('utf8').split('\n');
    expect(newLines).toHaveLength(oldLines.length);
    const changedLines = newLines.map((line, i) => [oldLines[i], line]).filter(([old, line]) => old !== line);
    expect(changedLines).toEqual([
      ['**Priority:** HIGH | **Points:** 8 | **Effort:** 12 hours', '**Priority:** HIGH | **Points:** 8 | **Effort:** 12 hours | **Status:** In Progress'],
      ['**Priority:** LOW | **Points:** 2 | **Effort:** 3 hours', '**Priority:** LOW | **Points:** 2 | **Effort:** 3 hours | **Status:** In Progress'],
    ]);
    // The diff the tool returns is the one between the versions on the server.
    expect((started.structuredContent as { diff: string }).diff).toContain('+**Priority:** HIGH | **Points:** 8 | **Effort:** 12 hours | **Status:** In Progress');

    const again = await call(client, 'set_status', { ids: ['BAKE-004'], status: 'in_progress' });
    expect(again.structuredContent).toMatchObject({ written: false, unchanged: ['BAKE-004'] });
    expect((await raw()).version).toBe(afterStart.version);
  });

  it('stdio: an unknown id is a tool error with the nearest ids, and nothing changes', async () => {
    const client = await stdio();
    const before = await raw();
    const item = await call(client, 'get_item', { id: 'BAKE-03' });
    expect(item.isError).toBe(true);
    expect(text(item)).toMatch(/^unknown_id: .*BAKE-003/);
    const set = await call(client, 'set_status', { ids: ['BAKE-004', 'BAKE-99'], status: 'done' });
    expect(set.isError).toBe(true);
    expect(text(set)).toMatch(/^unknown_id: Unknown item 'BAKE-99'.*Did you mean/);
    expect(text(set)).toContain('Use an id exactly as list_items returns it');
    expect((await raw()).version).toBe(before.version);
  });

  it('stdio: add_standup writes the entry; a second one the same day points at the first; the service validates', async () => {
    const client = await stdio();
    const written = await call(client, 'add_standup', { done: 'Catalogue API', next: 'Basket page', mood: 4, items: ['BAKE-002', 'BAKE-003'], day: '2026-11-23' });
    expect(written.isError).toBeFalsy();
    const entry = written.structuredContent as { id: string; day: string; user: { name: string }; mood: number; items: string[] };
    expect(entry).toMatchObject({ day: '2026-11-23', user: { name: 'Ada' }, mood: 4, items: ['BAKE-002', 'BAKE-003'] });
    expect(text(written)).toContain("Wrote Ada's standup for 2026-11-23");
    const feed = await api<{ entries: Array<{ id: string }> }>(server.url, 'GET', `/api/v1/projects/${PROJECT}/standups?from=2026-11-23&to=2026-11-23`, { token });
    expect(feed.entries.map((e) => e.id)).toEqual([entry.id]);

    const second = await call(client, 'add_standup', { done: 'More', day: '2026-11-23' });
    expect(second.isError).toBe(true);
    expect(text(second)).toMatch(/^conflict: You already wrote a standup for 2026-11-23/);
    expect(text(second)).toContain(`update_standup {"id": "${entry.id}"}`);

    const empty = await call(client, 'add_standup', { mood: 3, day: '2026-11-24' });
    expect(empty.isError).toBe(true);
    expect(text(empty)).toMatch(/^validation_failed: Write at least one of done, next or blockers/);
    const badDay = await call(client, 'add_standup', { done: 'x', day: '2026-13-40' });
    expect(badDay.isError).toBe(true);
    expect(text(badDay)).toMatch(/^validation_failed: day must be a day written YYYY-MM-DD, e\.g\. 2026-11-23 \(got "2026-13-40"\)/);
    const unknown = await call(client, 'add_standup', { done: 'x', items: ['BAKE-06'], day: '2026-11-24' });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/^unknown_id: .*BAKE-00/);
  });

  it('stdio: update_standup changes your entry, by day or by id; add_standup points at it for a second entry', async () => {
    await updatesStandup(await stdio(), '2026-11-26');
  });

  it('HTTP: update_standup changes your entry, by day or by id; add_standup points at it for a second entry', async () => {
    await updatesStandup(await http(token), '2026-11-27');
  });

  it('stdio: a subscribed client is told when the document changes on the server', async () => {
    const client = await stdio();
    const uri = `${server.url}/api/v1/projects/${PROJECT}/documents/${documentId}?format=raw`;
    const updated = new Promise<string>((resolve) => {
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => resolve(notification.params.uri));
    });
    await client.subscribeResource({ uri });
    // Let the first check learn the version, then change the document as another client would.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await api(server.url, 'PATCH', `/api/v1/projects/${PROJECT}/items/BAKE-005.ac1`, { token, json: { status: 'done' } });
    expect(await updated).toBe(uri);
    expect(((await client.readResource({ uri })).contents[0] as { text: string }).text).toContain('- [x] Receipt lists items');
  });

  it('stdio: refuses to start on a refused token or an unknown project (exit 2, one line on stderr)', () => {
    const base = [CLI, 'mcp', '--server', server.url];
    const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config') };
    const refused = spawnSync(process.execPath, [...base, '--project', PROJECT, '--token', 'sdt_not_a_real_token'], { encoding: 'utf8', input: '', env });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: .*refused the token \(401\)/);
    const missing = spawnSync(process.execPath, [...base, '--project', 'nope'], { encoding: 'utf8', input: '', env: { ...env, SCRUMDOWN_TOKEN: token } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*404/);
    const none = spawnSync(process.execPath, [...base, '--project', PROJECT], { encoding: 'utf8', input: '', env: { ...env, SCRUMDOWN_TOKEN: '' } });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('needs an API token');
  });

  it('HTTP: with a valid API token the same tools work on the project, as the token owner', async () => {
    const client = await http(token);
    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    // Stateless: nothing could carry a change notice, so no subscriptions are offered.
    expect(client.getServerCapabilities()?.resources?.subscribe).toBeFalsy();
    const status = await call(client, 'plan_status');
    expect(status.structuredContent).toMatchObject({ file: 'backlog.md', title: 'Bakery Ordering - Backlog' });
    const before = await raw();
    const done = await call(client, 'set_status', { ids: ['BAKE-003.ac1'], status: 'done' });
    expect(done.isError).toBeFalsy();
    const after = await raw();
    expect(after.version).toBe(before.version + 1);
    expect([...before.bytes.keys()].filter((i) => before.bytes[i] !== after.bytes[i])).toHaveLength(1);
    const history = await api<{ entries: Array<{ user: { email: string } | null; to: string }> }>(server.url, 'GET', `/api/v1/projects/${PROJECT}/items/BAKE-003.ac1/history`, { token });
    expect(history.entries[0]).toMatchObject({ to: 'done' });

    const unknown = await call(client, 'get_item', { id: 'BAKE-3' });
    expect(text(unknown)).toMatch(/^unknown_id: .*BAKE-003/);
    const standup = await call(client, 'add_standup', { blockers: 'Waiting for the payment provider', day: '2026-11-25' });
    expect(standup.structuredContent).toMatchObject({ day: '2026-11-25', user: { name: 'Ada' } });
  });

  it('HTTP: a viewer reads but may not change the plan or write a standup', async () => {
    const client = await http(viewerToken);
    expect((await call(client, 'plan_status')).isError).toBeFalsy();
    const set = await call(client, 'set_status', { ids: ['BAKE-004'], status: 'done' });
    expect(set.isError).toBe(true);
    expect(text(set)).toMatch(/^forbidden: This needs the member role in project "bakery"; you are a viewer/);
    const standup = await call(client, 'add_standup', { done: 'x' });
    expect(text(standup)).toMatch(/^forbidden: /);
    const update = await call(client, 'update_standup', { id: othersEntry, done: 'x' });
    expect(text(update)).toMatch(/^forbidden: This needs the member role/);
  });

  it('HTTP: no token, a wrong one, a revoked one and an expired one are refused with 401 before any MCP handling', async () => {
    const none = await initialize(undefined);
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('unauthenticated');
    await expect(http(undefined)).rejects.toMatchObject({ code: 401 });

    expect((await initialize('sdt_0000000000000000000000000000000000')).status).toBe(401);
    await expect(http('sdt_0000000000000000000000000000000000')).rejects.toMatchObject({ code: 401 });

    const session = await api<{ accessToken: string }>(server.url, 'POST', '/api/v1/auth/login', { json: { email: 'ada@example.test', password: 'a long enough password 123' } });
    const revoked = await apiToken(session.accessToken, 'to revoke');
    const client = await http(revoked.token);
    expect((await call(client, 'plan_status')).isError).toBeFalsy();
    await api(server.url, 'DELETE', `/api/v1/tokens/${revoked.id}`, { token: session.accessToken });
    await expect(call(client, 'plan_status')).rejects.toMatchObject({ code: 401 });
    expect((await initialize(revoked.token)).status).toBe(401);

    const expiring = await apiToken(session.accessToken, 'to expire');
    expect((await initialize(expiring.token)).status).toBe(200);
    await getHandle().db.updateTable('api_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', expiring.id).execute();
    const expired = await initialize(expiring.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toMatch(/expired/);
  });

  it('HTTP: the project is chosen in the URL; a missing one lists yours, a foreign one is 404', async () => {
    const missing = await initialize(token, '');
    expect(missing.status).toBe(400);
    expect(missing.body.error?.message).toContain('/mcp?project=KEY. Your projects: bakery.');
    const foreign = await initialize(token, 'project=elsewhere');
    expect(foreign.status).toBe(404);
    const get = await fetch(`${server.url}/mcp?project=${PROJECT}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
  });

  it('a project with several documents: each mode names the one to serve, and changes land in that one', async () => {
    await api(server.url, 'POST', `/api/v1/projects/${PROJECT}/documents`, { token, json: { name: 'website.md', content: CHECKLIST_PLAN } });
    const unnamed = await initialize(token);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error?.message).toContain('has 2 documents (backlog.md, website.md); say which in the MCP URL: /mcp?project=bakery&document=NAME');
    const refused = spawnSync(process.execPath, [CLI, 'mcp', '--server', server.url, '--project', PROJECT], { encoding: 'utf8', input: '', env: { ...process.env, SCRUMDOWN_TOKEN: token } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('say which with --document NAME');

    for (const client of [await http(token, `project=${PROJECT}&document=website.md`), await stdio(['--document', 'website.md'])]) {
      expect((await call(client, 'plan_status')).structuredContent).toMatchObject({ file: 'website.md', title: 'Bakery Website - Work Plan' });
      const todo = (await call(client, 'list_items', { status: ['todo'] })).structuredContent as { items: Array<{ id: string }> };
      const id = todo.items[0].id;
      const set = await call(client, 'set_status', { ids: [id], status: 'done' });
      expect(set.isError).toBeFalsy();
      expect(set.structuredContent).toMatchObject({ written: true, changes: [{ id, to: 'done' }] });
    }
  });
});
