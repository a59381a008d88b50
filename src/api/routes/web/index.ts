// The web app (built by Vite into dist/web) at `/`: files by their path, index.html for every
// other path a client route may take (the SPA fallback). Vite names the files under assets/ by
// their content hash, so they are cached for a year as immutable; index.html is no-cache so a new
// release is picked up on the next load. The files are read once, on the first request, with a
// gzip copy of each text file; only paths in that list are served, so no request reaches the
// file system with a path it chose.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';

/** The built app inside the installed package (dist/api/routes/web → dist/web). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../../web/', import.meta.url));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

interface WebFile {
  body: Uint8Array;
  gzip?: Uint8Array;
  type: string;
  cache: string;
}

function listFiles(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

function loadFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // No build: the fallback page below says how to make one.
  }
  if (!isFolder) return files;
  for (const path of listFiles(root)) {
    const body = readFileSync(join(root, path));
    const extension = extname(path);
    const gzip = COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body) : undefined;
    files.set(`/${path}`, {
      body,
      gzip,
      type: TYPES[extension] ?? 'application/octet-stream',
      cache: path.startsWith('assets/') ? IMMUTABLE : NO_CACHE,
    });
  }
  return files;
}

const NOT_BUILT: WebFile = {
  body: new TextEncoder().encode(`<!doctype html><meta charset="utf-8"><title>scrumdown</title>
<p>The web app is not built. Run <code>npm run build</code>, then restart the server. The API answers under <a href="/api/docs">/api</a>.</p>`),
  type: TYPES['.html'],
  cache: NO_CACHE,
};

function send(c: Context<AppEnv>, file: WebFile): Response {
  const gzip = file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '') ? file.gzip : undefined;
  const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': file.cache, vary: 'accept-encoding' };
  if (gzip) headers['content-encoding'] = 'gzip';
  const body = gzip ?? file.body;
  headers['content-length'] = String(body.length);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(new Uint8Array(body), 200, headers);
}

export function webApp(root: string = defaultWebRoot()) {
  let files: Map<string, WebFile> | undefined;
  const app = new Hono<AppEnv>();
  // Middleware rather than a GET route: API requests pass through it, and a route here would
  // become the route label (metrics, logs) of every GET.
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) return next();
    files ??= loadFiles(root);
    // A missing file (an asset of an older release, a typo) is a 404, not the page: a script tag
    // given HTML fails confusingly. Paths without an extension are client routes.
    const file = files.get(path) ?? (extname(path) === '' ? (files.get('/index.html') ?? NOT_BUILT) : undefined);
    if (!file) return next();
    c.set('webApp', true);
    return send(c, file);
  });
  return app;
}
