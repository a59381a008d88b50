// The web app's files from a temporary build folder: hashed assets cached as immutable, index.html
// no-cache and served for client routes, gzip when asked, a missing file 404, the API untouched.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../env.js';
import { IMMUTABLE, NO_CACHE, webApp } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'scrumdown-web-'));
mkdirSync(join(root, 'assets'));
const INDEX = '<!doctype html><title>scrumdown</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
writeFileSync(join(root, 'index.html'), INDEX);
writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function app(folder = root) {
  const outer = new Hono<AppEnv>();
  outer.route('/', webApp(folder));
  outer.get('/api/v1/ping', (c) => c.json({ ok: true }));
  outer.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  return outer;
}

describe('the web app route', () => {
  it('serves index.html at / and for client routes, never cached', async () => {
    for (const path of ['/', '/index.html', '/p/demo/board', '/signin']) {
      const response = await app().request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe(NO_CACHE);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year and gzips them when asked', async () => {
    const plain = await app().request('/assets/index-abc123.js');
    expect(plain.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(plain.headers.get('content-type')).toContain('javascript');
    expect(await plain.text()).toBe(SCRIPT);
    const zipped = await app().request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(SCRIPT);
  });

  it('answers a missing file with 404 rather than the page, and leaves /api alone', async () => {
    expect((await app().request('/assets/index-old999.js')).status).toBe(404);
    expect((await app().request('/../package.json')).status).toBe(404);
    expect((await app().request('/api/v1/nothing')).status).toBe(404);
    expect(await (await app().request('/api/v1/ping')).json()).toEqual({ ok: true });
  });

  it('says how to build the app when there is no build', async () => {
    const response = await app(join(root, 'missing')).request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build');
  });
});
