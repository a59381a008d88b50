// The analysis routes on SQLite and PostgreSQL: each is the CLI's report of the stored document,
// one entry per document, and follows the document as items change.

import { beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { base, itemPath, TRACKER_PLAN, upload } from './plans.js';

describeEachDatabase('analysis API', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;

  async function report(path: string) {
    const response = await t.request('GET', `${base(project)}/${path}`, { token: users.viewer.token });
    expect(response.status, path).toBe(200);
    expect(response.body.documents).toHaveLength(1);
    return response.body.documents[0] as { document: string; version: number; result: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  beforeAll(async () => {
    t = createTestApp(getHandle());
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    expect((await upload(t, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
  });

  it('progress counts the items and points by status', async () => {
    const progress = await report('progress');
    expect(progress).toMatchObject({ document: 'library.md', version: 1 });
    // 4 tasks: 1 done (2 points), 1 in progress (5), 2 to do (3 + 8).
    expect(progress.result.overall.points).toMatchObject({ done: 2, total: 18 });
  });

  it('next lists the ready items first by the critical path; graph knows the dependency', async () => {
    const next = await report('next?limit=5');
    expect(next.result.items.map((item: { id: string }) => item.id).sort()).toEqual(['TASK-201', 'TASK-203']);
    expect(next.result.readyCount).toBe(2);
    expect(next.result.blockedCount).toBe(1);
    const graph = await report('graph');
    expect(graph.result.edges).toContainEqual(expect.objectContaining({ from: 'TASK-201', to: 'TASK-202' }));
  });

  it('lint and forecast answer for the document; a change moves progress and next', async () => {
    const lint = await report('lint');
    expect(lint.result.counts).toEqual({ error: 0, warning: expect.any(Number), info: expect.any(Number) });
    const forecast = await report('forecast?seed=3');
    expect(forecast.result).toHaveProperty('velocity');
    expect((await t.request('PATCH', itemPath(project, 'TASK-201'), { token: users.member.token, json: { status: 'done' } })).status).toBe(200);
    const progress = await report('progress');
    expect(progress.version).toBe(2);
    expect(progress.result.overall.points).toMatchObject({ done: 7, total: 18 });
    const next = await report('next');
    expect(next.result.items.map((item: { id: string }) => item.id).sort()).toEqual(['TASK-202', 'TASK-203']);
  });

  it('refuses bad query values with 400', async () => {
    for (const path of ['next?limit=0', 'next?concurrency=x', 'forecast?seed=-1']) {
      const response = await t.request('GET', `${base(project)}/${path}`, { token: users.viewer.token });
      expect(response.status, path).toBe(400);
    }
  });
});
