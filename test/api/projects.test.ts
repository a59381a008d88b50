// Projects and members over HTTP on SQLite and PostgreSQL: who sees which projects, renaming a
// key, deleting a project with its documents, items and history, and membership by e-mail.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { importDocument } from '../../src/services/documents/import.js';
import { describeEachDatabase } from '../support/databases.js';
import { addMember, createProject, createTestApp, createUser, unique } from '../support/factories.js';
import type { TestApp } from '../support/factories.js';

describeEachDatabase('projects', (getHandle) => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp(getHandle());
  });

  it('lists the projects a user belongs to with their role, and every project to an administrator', async () => {
    const ann = await createUser(t);
    const bob = await createUser(t);
    const admin = await createUser(t, { admin: true });
    const first = await createProject(t, ann, { key: unique('a-first').toLowerCase() });
    const second = await createProject(t, bob, { key: unique('b-second').toLowerCase() });
    await addMember(t, second, ann, 'viewer');
    const third = await createProject(t, bob, { key: unique('c-third').toLowerCase() });

    const annSees = (await t.request('GET', '/api/v1/projects', { token: ann.token })).body.projects;
    expect(annSees.map((project: { key: string; role: string }) => [project.key, project.role])).toEqual([
      [first.key, 'owner'],
      [second.key, 'viewer'],
    ]);
    const adminSees = (await t.request('GET', '/api/v1/projects', { token: admin.token })).body.projects;
    const keys = adminSees.map((project: { key: string }) => project.key);
    for (const project of [first, second, third]) expect(keys).toContain(project.key);
    expect(adminSees.find((project: { key: string }) => project.key === third.key).role).toBeNull();
    // Ordered by key.
    expect([...keys].sort()).toEqual(keys);
  });

  it('renames a project key: the new key answers, the old one is gone', async () => {
    const owner = await createUser(t);
    const project = await createProject(t, owner);
    const newKey = unique('renamed').toLowerCase();
    const renamed = await t.request('PATCH', `/api/v1/projects/${project.key}`, { token: owner.token, json: { key: newKey, description: 'Now with a description' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: project.id, key: newKey, name: project.name, description: 'Now with a description', role: 'owner' });
    expect((await t.request('GET', `/api/v1/projects/${newKey}`, { token: owner.token })).body.description).toBe('Now with a description');
    expect((await t.request('GET', `/api/v1/projects/${project.key}`, { token: owner.token })).status).toBe(404);
    const badKey = await t.request('PATCH', `/api/v1/projects/${newKey}`, { token: owner.token, json: { key: 'Not A Key' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.details.fields[0].field).toBe('key');
  });

  it('deletes a project with its documents and items', async () => {
    const owner = await createUser(t);
    const project = await createProject(t, owner);
    const bytes = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'platform-rollout.md'));
    const summary = await importDocument(getHandle().db, { projectId: project.id, name: 'plan.md', bytes, userId: owner.id });
    expect(summary.items).toBeGreaterThan(0);
    const countItems = async () =>
      Number((await getHandle().db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', project.id).executeTakeFirstOrThrow()).n);
    expect(await countItems()).toBe(summary.items);
    expect((await t.request('DELETE', `/api/v1/projects/${project.key}`, { token: owner.token })).status).toBe(204);
    expect(await countItems()).toBe(0);
    expect(await getHandle().db.selectFrom('documents').selectAll().where('project_id', '=', project.id).execute()).toEqual([]);
    expect((await t.request('GET', `/api/v1/projects/${project.key}`, { token: owner.token })).status).toBe(404);
  });

  it('adds members by e-mail or id, changes and removes them, and refuses unknown users', async () => {
    const owner = await createUser(t);
    const newcomer = await createUser(t);
    const project = await createProject(t, owner);
    const added = await t.request('PUT', `/api/v1/projects/${project.key}/members/${newcomer.email.toUpperCase()}`, { token: owner.token, json: { role: 'viewer' } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ userId: newcomer.id, email: newcomer.email, role: 'viewer' });
    expect((await t.request('GET', `/api/v1/projects/${project.key}`, { token: newcomer.token })).body.role).toBe('viewer');
    expect((await t.request('PUT', `/api/v1/projects/${project.key}/members/${newcomer.id}`, { token: owner.token, json: { role: 'member' } })).body.role).toBe('member');
    expect((await t.request('DELETE', `/api/v1/projects/${project.key}/members/${newcomer.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/projects/${project.key}`, { token: newcomer.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/projects/${project.key}/members/${newcomer.id}`, { token: owner.token })).status).toBe(404);
    const unknown = await t.request('PUT', `/api/v1/projects/${project.key}/members/nobody@example.test`, { token: owner.token, json: { role: 'member' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody@example.test');
  });
});
