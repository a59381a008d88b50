// GET /api/docs: a small self-contained page listing every operation of the OpenAPI document
// (GET /api/docs/openapi.json). Swagger UI would load its scripts from a CDN at run time, which a
// server on a closed network cannot reach, so the page is served from here with no outside assets.

import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scrumdown API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
details { margin: .3rem 0; border: 1px solid #e3e3e3; border-radius: 4px; padding: .3rem .6rem; }
summary { cursor: pointer; } code, pre { font: 13px ui-monospace, monospace; }
.method { display: inline-block; min-width: 4.5rem; font-weight: 600; text-transform: uppercase; }
pre { background: #f6f6f6; padding: .5rem; overflow: auto; }
</style>
</head>
<body>
<h1>scrumdown API</h1>
<p>The machine-readable description is <a href="/api/docs/openapi.json">/api/docs/openapi.json</a> (OpenAPI 3); load it into any OpenAPI tool. Send <code>Authorization: Bearer &lt;token&gt;</code>; errors are <code>{"error": {"code", "message", "details"}}</code>.</p>
<div id="operations">Loading…</div>
<script>
fetch('/api/docs/openapi.json').then(function (response) { return response.json(); }).then(function (doc) {
  var byTag = {};
  Object.keys(doc.paths).forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      var tag = (op.tags && op.tags[0]) || 'other';
      (byTag[tag] = byTag[tag] || []).push({ path: path, method: method, op: op });
    });
  });
  var root = document.getElementById('operations');
  root.textContent = '';
  Object.keys(byTag).forEach(function (tag) {
    var heading = document.createElement('h2');
    heading.textContent = tag;
    root.appendChild(heading);
    byTag[tag].forEach(function (entry) {
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      var method = document.createElement('span');
      method.className = 'method';
      method.textContent = entry.method;
      var path = document.createElement('code');
      path.textContent = entry.path;
      summary.appendChild(method);
      summary.appendChild(path);
      summary.appendChild(document.createTextNode(' ' + (entry.op.summary || '')));
      details.appendChild(summary);
      var body = document.createElement('pre');
      body.textContent = JSON.stringify({ description: entry.op.description, parameters: entry.op.parameters, requestBody: entry.op.requestBody, responses: entry.op.responses }, null, 2);
      details.appendChild(body);
      root.appendChild(details);
    });
  });
}).catch(function (error) { document.getElementById('operations').textContent = 'Could not load the OpenAPI document: ' + error; });
</script>
</body>
</html>
`;

export function docsPage() {
  const router = new Hono<AppEnv>();
  router.get('/api/docs', (c) => c.html(PAGE));
  return router;
}
