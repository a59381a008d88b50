// Role matrix of the document, item, history and analysis routes, on SQLite and PostgreSQL:
// anonymous callers get 401, non-members 404, viewers read but get 403 on every write, members,
// owners and administrators write.

import { importDocument } from '../../src/services/documents/import.js';
import type { RoleCase, RoleFixture } from '../support/role-matrix.js';
import { roleMatrix, statuses } from '../support/role-matrix.js';
import { TRACKER_PLAN } from './plans.js';

/** Puts the tracker plan into the caller's project once (shared projects are reused by GET cases). */
async function withPlan(fixture: RoleFixture): Promise<Record<string, string>> {
  const { t, project, users } = fixture;
  const existing = await t.handle.db.selectFrom('documents').select('id').where('project_id', '=', project.id).where('name', '=', 'library.md').executeTakeFirst();
  if (existing) return { d: existing.id };
  const summary = await importDocument(t.handle.db, { projectId: project.id, name: 'library.md', bytes: new TextEncoder().encode(TRACKER_PLAN), userId: users.owner.id });
  return { d: summary.id };
}

const READ = statuses(401, 404, 200, 200, 200, 200);
const WRITE_OK = (status: number) => statuses(401, 404, 403, status, status, status);

const cases: RoleCase[] = [
  { method: 'GET', path: '/api/v1/projects/{p}/documents', setup: withPlan, expect: READ },
  { method: 'POST', path: '/api/v1/projects/{p}/documents', json: { name: 'new.md', content: TRACKER_PLAN }, expect: WRITE_OK(201) },
  { method: 'GET', path: '/api/v1/projects/{p}/documents/{d}', setup: withPlan, expect: READ },
  { name: 'GET /api/v1/projects/{p}/documents/{d}?format=raw', method: 'GET', path: '/api/v1/projects/{p}/documents/{d}?format=raw', setup: withPlan, expect: READ },
  { method: 'PUT', path: '/api/v1/projects/{p}/documents/{d}', setup: withPlan, json: { content: `${TRACKER_PLAN}\n` }, headers: { 'if-match': '"1"' }, expect: WRITE_OK(200) },
  { method: 'GET', path: '/api/v1/projects/{p}/items', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/items/TASK-201', setup: withPlan, expect: READ },
  { method: 'PATCH', path: '/api/v1/projects/{p}/items/TASK-202', setup: withPlan, json: { status: 'done' }, headers: { 'if-match': '"1"' }, expect: WRITE_OK(200) },
  { method: 'PATCH', path: '/api/v1/projects/{p}/items', setup: withPlan, json: { items: [{ id: 'TASK-202', status: 'done' }, { id: 'TASK-201', status: 'in_progress' }] }, headers: { 'if-match': '"1"' }, expect: WRITE_OK(200) },
  { method: 'GET', path: '/api/v1/projects/{p}/items/TASK-201/history', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/history', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/progress', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/graph', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/next', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/lint', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/{p}/forecast?seed=7', setup: withPlan, expect: READ },
  { method: 'GET', path: '/api/v1/projects/no-such-project/items', expect: statuses(401, 404, 404, 404, 404, 404) },
];

roleMatrix('documents, items, history and analysis', cases);
