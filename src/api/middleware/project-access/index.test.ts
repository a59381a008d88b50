import { afterEach, describe, expect, it } from 'vitest';
import { harness, readJson } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { issueAccessToken } from '../../../services/accounts/access-tokens.js';
import { authenticateRequest } from '../auth/index.js';
import { currentProject, requireProjectRole } from './index.js';

let h: Harness;
afterEach(() => h.close());

const USERS = ['viewer', 'member', 'owner', 'stranger', 'admin'] as const;

async function setUp(): Promise<void> {
  h = await harness();
  const at = '2026-11-22T09:00:00.000Z';
  await h.handle.db
    .insertInto('users')
    .values(USERS.map((id) => ({ id, email: `${id}@example.test`, name: id, password_hash: 'x', is_admin: id === 'admin' ? 1 : 0, created_at: at, updated_at: at })))
    .execute();
  await h.handle.db.insertInto('projects').values({ id: 'p1', key: 'apollo', name: 'Apollo', created_by: 'owner', created_at: at, updated_at: at }).execute();
  await h.handle.db
    .insertInto('project_members')
    .values((['viewer', 'member', 'owner'] as const).map((role) => ({ project_id: 'p1', user_id: role, role, created_at: at })))
    .execute();
  h.app.use('*', authenticateRequest());
  for (const role of ['viewer', 'member', 'owner'] as const) {
    h.app.get(`/projects/:p/${role}`, requireProjectRole(role), (c) => {
      const access = currentProject(c);
      return c.json({ key: access.project.key, role: access.role, memberRole: access.memberRole });
    });
  }
}

async function call(user: (typeof USERS)[number], needed: string, key = 'apollo'): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await issueAccessToken(user, h.services.config.jwtSecret, h.clock(), 900);
  const response = await h.app.request(`/projects/${key}/${needed}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await readJson<Record<string, unknown>>(response) };
}

describe('requireProjectRole', () => {
  it('gives each role what it allows, 403 below it, and 404 to strangers', async () => {
    await setUp();
    const table: Record<string, number[]> = {};
    for (const user of USERS) table[user] = [await call(user, 'viewer'), await call(user, 'member'), await call(user, 'owner')].map((result) => result.status);
    expect(table).toEqual({
      viewer: [200, 403, 403],
      member: [200, 200, 403],
      owner: [200, 200, 200],
      stranger: [404, 404, 404],
      admin: [200, 200, 200],
    });
  });

  it('answers a missing project exactly as a project the caller cannot see', async () => {
    await setUp();
    const hidden = await call('stranger', 'viewer', 'apollo');
    const missing = await call('stranger', 'viewer', 'no-such');
    expect(hidden.status).toBe(missing.status);
    expect((hidden.body.error as { code: string }).code).toBe((missing.body.error as { code: string }).code);
  });

  it('lets an administrator act as owner without being a member', async () => {
    await setUp();
    expect((await call('admin', 'owner')).body).toEqual({ key: 'apollo', role: 'owner', memberRole: null });
    expect((await call('viewer', 'viewer')).body).toEqual({ key: 'apollo', role: 'viewer', memberRole: 'viewer' });
  });
});
