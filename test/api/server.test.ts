// startServer in-process: binds port 0 and reports the URL, refuses a port in use with a clear
// configuration error (closing what it opened), finishes a request in flight when closed, and
// closes twice without complaint.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/api/server.js';
import { testConfig } from '../../src/config/testing.js';
import { isScrumdownError } from '../../src/errors.js';
import { migrateToLatest, openDatabase } from '../../src/store/database.js';

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

describe('startServer', () => {
  it('listens on a free port, answers, and refuses a second server on the same port', async () => {
    const first = await startServer(testConfig({ port: 0 }), { logDestination: quiet });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const port = Number(new URL(first.url).port);
      const error = await startServer(testConfig({ port }), { logDestination: quiet }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(isScrumdownError(error) && error.code).toBe('invalid_config');
      expect((error as Error).message).toBe(`Cannot listen on 127.0.0.1:${port}: the port is in use (another server?); choose another with --port or SCRUMDOWN_PORT.`);
    } finally {
      await first.close();
    }
  });

  it('lets a request in flight finish when closing, then closes the database; closing twice is fine', async () => {
    const database = openDatabase('sqlite::memory:');
    await migrateToLatest(database);
    const running = await startServer(testConfig({ port: 0 }), { logDestination: quiet, database });
    // A slow route (under /api: every other path is the web app's): answers 300 ms after it starts.
    running.app.get('/api/slow', async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return c.json({ done: true });
    });
    const inFlight = fetch(`${running.url}/api/slow`).then((response) => response.json());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = running.close();
    expect(await inFlight).toEqual({ done: true });
    await closed;
    await running.close();
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    await expect(database.db.selectFrom('users').selectAll().execute()).rejects.toThrow();
  });
});
