// Operations endpoints on SQLite and PostgreSQL: /healthz, /readyz (database reachable and
// migrated), /metrics (requests and latency by route pattern and status, database timings, items
// by status), the OpenAPI document and its page, and request ids end to end.

import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { createProject, createTestApp, createUser } from '../support/factories.js';
import type { TestApp } from '../support/factories.js';

describeEachDatabase('operations', (getHandle, suite) => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp(getHandle());
  });

  it('answers /healthz and /readyz when the database is migrated', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: { dialect: suite.kind, reachable: true, pendingMigrations: [] } });
  });

  it('is not ready while migrations are pending, and says which', async () => {
    const empty = await suite.fresh({ migrate: false });
    const app = createTestApp(empty.handle);
    const ready = await app.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not_ready');
    expect(ready.body.database.reachable).toBe(true);
    expect(ready.body.database.pendingMigrations[0]).toBe('001-initial');
    expect(ready.body.problem).toContain('Migrations are pending');
  });

  it('is not ready when the database does not answer', async () => {
    const gone = await suite.fresh();
    const app = createTestApp(gone.handle);
    await gone.drop();
    const ready = await app.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.database.reachable).toBe(false);
    expect((await app.request('GET', '/healthz')).status).toBe(200);
  });

  it('counts and times requests by route pattern and status, times queries, and counts items by status', async () => {
    const app = createTestApp(getHandle());
    const owner = await createUser(app);
    const project = await createProject(app, owner);
    await app.request('GET', `/api/v1/projects/${project.key}`, { token: owner.token });
    await app.request('GET', `/api/v1/projects/${project.key}`, { token: owner.token });
    await app.request('GET', '/api/v1/projects/someone-elses', { token: owner.token });
    await app.request('GET', '/api/no/such/route');
    // Any other path is the web app's (a client route): one label for all of them.
    await app.request('GET', '/no/such/page');
    await getHandle()
      .db.insertInto('documents')
      .values({ id: 'metrics-doc', project_id: project.id, name: 'plan.md', content: new Uint8Array([35]), version: 1, hash: 'h', created_by: owner.id, created_at: 'x', updated_by: owner.id, updated_at: 'x' })
      .execute();
    const item = (id: string, status: string) => ({ document_id: 'metrics-doc', project_id: project.id, item_id: id, position: 0, kind: 'task', title: id, status, tags: '[]', line: 1, data: '{}' });
    await getHandle().db.insertInto('items').values([item('A', 'done'), item('B', 'done'), item('C', 'todo')]).execute();

    const metrics = await app.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text: string = metrics.text;
    expect(text).toContain('scrumdown_http_requests_total{method="GET",route="/api/v1/projects/:p",status="200"} 2');
    expect(text).toContain('scrumdown_http_requests_total{method="GET",route="/api/v1/projects/:p",status="404"} 1');
    expect(text).toContain('scrumdown_http_requests_total{method="GET",route="(unmatched)",status="404"} 1');
    expect(text).toContain('scrumdown_http_requests_total{method="GET",route="(web app)",status="200"} 1');
    expect(text).toMatch(/scrumdown_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/projects\/:p",status="200"\} 2/);
    expect(text).toMatch(/scrumdown_db_query_duration_seconds_count\{operation="select"\} [1-9]/);
    // Items of every project on this database: at least the three above.
    expect(text).toMatch(/scrumdown_items\{status="done"\} ([2-9]|\d\d+)/);
    expect(text).toMatch(/scrumdown_items\{status="todo"\} [1-9]/);
    expect(text).not.toContain(project.key);
    await getHandle().db.deleteFrom('documents').where('id', '=', 'metrics-doc').execute();
  });

  it('publishes an OpenAPI 3 document of every route, with the Bearer scheme and the error shape', async () => {
    const response = await t.request('GET', '/api/docs/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/me', '/api/v1/tokens/{id}', '/api/v1/projects/{p}', '/api/v1/projects/{p}/members/{user}', '/readyz']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
    expect(document.paths['/api/v1/projects/{p}'].patch.responses).toHaveProperty('403');
    expect(document.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginRequest');
  });

  it('serves the API page with no assets from elsewhere', async () => {
    const page = await t.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('/api/docs/openapi.json');
    expect(page.text).not.toMatch(/(src|href)=["']?https?:/);
    expect(page.text).not.toMatch(/cdn|unpkg|jsdelivr/i);
  });

  it('echoes the request id on every answer, errors included, and names it in a 500', async () => {
    const ok = await t.request('GET', '/healthz', { headers: { 'x-request-id': 'probe-1' } });
    expect(ok.headers.get('x-request-id')).toBe('probe-1');
    const error = await t.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'probe-2' } });
    expect(error.status).toBe(401);
    expect(error.headers.get('x-request-id')).toBe('probe-2');
    expect(JSON.parse(t.logText().trim().split('\n').pop()!)).toMatchObject({ requestId: 'probe-2', status: 401, route: '/api/v1/me' });
  });
});
