// Durability: a real server on a SQLite file takes a stream of item changes, is killed with SIGKILL
// in the middle of it, and is started again on the same file. Every change the server
// acknowledged must be in the document and in the history, and the database must pass SQLite's
// integrity check.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine/build.js';
import { api, startServerProcess } from './server-process.js';
import type { ServerProcess } from './server-process.js';

const TASKS = 400;

function plan(): string {
  const lines = ['# Archive Digitisation - Work Plan', '', '## Phase 1: Scanning', ''];
  for (let i = 1; i <= TASKS; i++) lines.push(`- [ ] Scan box ${i}`);
  lines.push('');
  return lines.join('\n');
}

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-durability-'));
  const file = join(dir, 'scrumdown.db');
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged change across a SIGKILL, and the database passes its integrity check', async () => {
    const first = await startServerProcess(`sqlite:${file}`);
    servers.push(first);
    const { accessToken: token } = await api<{ accessToken: string }>(first.url, 'POST', '/api/v1/auth/register', {
      json: { email: 'keeper@example.test', name: 'Keeper', password: 'a long enough password 123' },
    });
    await api(first.url, 'POST', '/api/v1/projects', { token, json: { key: 'archive', name: 'Archive' } });
    await api(first.url, 'POST', '/api/v1/projects/archive/documents', { token, json: { name: 'archive.md', content: plan() } });
    const ids = buildPlan(plan(), 'archive.md')
      .items.filter((item) => item.kind !== 'phase')
      .map((item) => item.id);

    // Eight writers stream changes; the server is killed once 60 have been acknowledged.
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const writer = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++];
        try {
          const response = await fetch(`${first.url}/api/v1/projects/archive/items/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'done' }),
          });
          if (response.status === 200) acknowledged.push(id);
          await response.arrayBuffer();
        } catch {
          return; // The server is gone: this write was never acknowledged.
        }
        if (!killed && acknowledged.length >= 60) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(acknowledged.length).toBeLessThan(ids.length);
    await first.stop();

    const second = await startServerProcess(`sqlite:${file}`);
    servers.push(second);
    const response = await fetch(`${second.url}/api/v1/projects/archive/documents/archive.md?format=raw`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const done = new Set(
      buildPlan(text, 'archive.md')
        .items.filter((item) => item.status === 'done')
        .map((item) => item.id),
    );
    const missing = acknowledged.filter((id) => !done.has(id));
    expect(missing).toEqual([]);
    // The text is the original with some boxes ticked: nothing torn, nothing else changed.
    expect(text.replace(/- \[x\]/g, '- [ ]')).toBe(plan());
    const history = await api<{ entries: Array<{ item: string }> }>(second.url, 'GET', '/api/v1/projects/archive/history?limit=200', { token });
    const recorded = new Set(history.entries.map((entry) => entry.item));
    expect(acknowledged.filter((id) => !recorded.has(id))).toEqual([]);
    // Rows, history and text agree: every history row's item is done in the text.
    expect([...recorded].filter((id) => !done.has(id))).toEqual([]);
    await second.stop();

    const database = new BetterSqlite3(file, { readonly: true });
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = database.prepare("select count(*) as n from items where status = 'done'").get() as { n: number };
      expect(rows.n).toBe(done.size);
    } finally {
      database.close();
    }
  });
});
