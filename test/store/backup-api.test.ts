// A server restored on PostgreSQL from a backup of a SQLite server answers every read exactly
// as the original did: projects, members, documents (byte for byte, with their ETags), items
// and their history, and the analysis routes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/services/backup.js';
import type { ProjectView } from '../../src/services/projects/index.js';
import { createTestDatabase, testDatabases } from '../support/databases.js';
import type { TestDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { CHECKLIST_PLAN, TRACKER_PLAN, base, download, itemPath, upload } from '../api/plans.js';

const postgres = testDatabases().find((testCase) => testCase.kind === 'postgres')!;

describe.skipIf(postgres.skipReason !== undefined)('a restored server answers as the original', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-test-backup-api-'));
  let sqliteDb: TestDatabase;
  let postgresDb: TestDatabase;
  let original: TestApp;
  let restored: TestApp;
  let users: RoleUsers;
  let project: ProjectView;

  beforeAll(async () => {
    sqliteDb = await createTestDatabase('sqlite');
    original = createTestApp(sqliteDb.handle);
    users = await createRoleUsers(original);
    project = await projectWithRoles(original, users);
    expect((await upload(original, project, users.owner.token, 'library.md', TRACKER_PLAN)).status).toBe(201);
    expect((await upload(original, project, users.owner.token, 'bakery.md', CHECKLIST_PLAN)).status).toBe(201);
    const latin1 = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n- [ ] T1 Cr'), Buffer.from([0xe8]), Buffer.from('me br\u00fbl\u00e9e\n', 'latin1')]);
    expect((await upload(original, project, users.owner.token, 'latin1.md', latin1)).status).toBe(201);
    for (const [id, json] of [
      ['TASK-202', { status: 'in_progress' }],
      ['TASK-203', { assignee: 'Lena' }],
      ['1.1.2', { status: 'done' }],
    ] as const) {
      const response = await original.request('PATCH', itemPath(project, id), { token: users.member.token, json });
      expect(response.status, `${id}: ${response.text}`).toBe(200);
    }

    const file = join(dir, 'move.jsonl');
    await backupDatabase(sqliteDb.handle, file);
    postgresDb = await createTestDatabase('postgres', { migrate: false });
    await restoreDatabase(postgresDb.handle, file);
    // Same secret and clock: the tokens issued by the original are valid on the restored one.
    restored = createTestApp(postgresDb.handle, { jwtSecret: original.config.jwtSecret }, original.clock);
  });

  afterAll(async () => {
    await sqliteDb?.drop();
    await postgresDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const reads = (): string[] => {
    const p = base(project);
    return [
      '/api/v1/me',
      '/api/v1/projects',
      p,
      `${p}/members`,
      `${p}/documents`,
      `${p}/documents/library.md`,
      `${p}/documents/bakery.md`,
      `${p}/items`,
      `${p}/items?status=todo&sort=-points`,
      `${p}/items?limit=2`,
      `${p}/items?q=book`,
      itemPath(project, 'TASK-202'),
      `${itemPath(project, 'TASK-202')}/history`,
      `${itemPath(project, '1.1.2')}/history`,
      `${p}/history`,
      `${p}/progress`,
      `${p}/graph`,
      `${p}/next`,
      `${p}/lint`,
      `${p}/forecast?seed=7`,
    ];
  };

  it('for every read route, as owner and as viewer', async () => {
    for (const actor of ['owner', 'viewer', 'admin'] as const) {
      for (const path of reads()) {
        const before = await original.request('GET', path, { token: users[actor].token });
        const after = await restored.request('GET', path, { token: users[actor].token });
        expect(before.status, `${actor} GET ${path}: ${before.text}`).toBe(200);
        expect(after.status, `${actor} GET ${path}`).toBe(before.status);
        expect(after.body, `${actor} GET ${path}`).toEqual(before.body);
        expect(after.headers.get('etag'), `${actor} GET ${path}`).toBe(before.headers.get('etag'));
      }
    }
  });

  it('documents download byte for byte, invalid UTF-8 included', async () => {
    for (const name of ['library.md', 'bakery.md', 'latin1.md']) {
      const before = await download(original, project, users.viewer.token, name);
      const after = await download(restored, project, users.viewer.token, name);
      expect(before.status).toBe(200);
      expect(after.status).toBe(200);
      expect(after.bytes.equals(before.bytes), name).toBe(true);
      expect(after.etag).toBe(before.etag);
    }
  });

  it('and goes on from there: a change on the restored server lands, with its history', async () => {
    const response = await restored.request('PATCH', itemPath(project, 'TASK-201'), { token: users.member.token, json: { status: 'done' } });
    expect(response.status, response.text).toBe(200);
    const history = await restored.request('GET', `${itemPath(project, 'TASK-201')}/history`, { token: users.viewer.token });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('done');
  });
});
