// Role matrix of the account, administration, project and member routes, on SQLite and
// PostgreSQL: anonymous callers get 401, non-members 404 (a project's existence is not leaked),
// viewers 403 on writes, owners and administrators what the route does; the administration
// routes are for administrators only (everyone else 403).

import { createInvite } from '../../src/services/accounts/index.js';
import { createUser, unique } from '../support/factories.js';
import type { RoleFixture } from '../support/role-matrix.js';
import { roleMatrix, statuses } from '../support/role-matrix.js';

roleMatrix('accounts and projects', [
  { method: 'GET', path: '/healthz', expect: statuses(200, 200, 200, 200, 200, 200) },
  { method: 'GET', path: '/metrics', expect: statuses(200, 200, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/docs/openapi.json', expect: statuses(200, 200, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/me', expect: statuses(401, 200, 200, 200, 200, 200) },
  {
    name: 'PATCH /api/v1/me/password with a wrong current password',
    method: 'PATCH',
    path: '/api/v1/me/password',
    json: { currentPassword: 'not the password', newPassword: 'a new password 123' },
    expect: statuses(401, 403, 403, 403, 403, 403),
  },
  { method: 'GET', path: '/api/v1/tokens', expect: statuses(401, 200, 200, 200, 200, 200) },
  { method: 'POST', path: '/api/v1/tokens', json: { name: 'ci' }, expect: statuses(401, 201, 201, 201, 201, 201) },
  { method: 'DELETE', path: '/api/v1/tokens/no-such-token', expect: statuses(401, 404, 404, 404, 404, 404) },
  { method: 'POST', path: '/api/v1/invites', json: { email: 'newcomer@example.test' }, expect: statuses(401, 403, 403, 403, 403, 201) },
  { method: 'GET', path: '/api/v1/invites', expect: statuses(401, 403, 403, 403, 403, 200) },
  { method: 'DELETE', path: '/api/v1/invites/{invite}', setup: freshInvite, expect: statuses(401, 403, 403, 403, 403, 204) },
  { method: 'DELETE', path: '/api/v1/invites/no-such-invite', expect: statuses(401, 403, 403, 403, 403, 404) },
  { method: 'GET', path: '/api/v1/admin/users', expect: statuses(401, 403, 403, 403, 403, 200) },
  { method: 'GET', path: '/api/v1/admin/users?q=otto&limit=1', expect: statuses(401, 403, 403, 403, 403, 200) },
  { method: 'PATCH', path: '/api/v1/admin/users/{target}', setup: freshUser, json: { disabled: true }, expect: statuses(401, 403, 403, 403, 403, 200) },
  { method: 'PATCH', path: '/api/v1/admin/users/{target}', setup: freshUser, json: { isAdmin: true }, expect: statuses(401, 403, 403, 403, 403, 200), name: 'PATCH /api/v1/admin/users/{target} granting administrator' },
  { method: 'PATCH', path: '/api/v1/admin/users/no-such-user', json: { disabled: true }, expect: statuses(401, 403, 403, 403, 403, 404) },
  { method: 'POST', path: '/api/v1/auth/refresh', json: { refreshToken: 'sdr_not-a-real-token' }, expect: statuses(401, 401, 401, 401, 401, 401) },
  { method: 'POST', path: '/api/v1/auth/logout', json: { refreshToken: 'sdr_not-a-real-token' }, expect: statuses(204, 204, 204, 204, 204, 204) },
  { method: 'GET', path: '/api/v1/projects', expect: statuses(401, 200, 200, 200, 200, 200) },
  {
    method: 'POST',
    path: '/api/v1/projects',
    json: () => ({ key: unique('new').toLowerCase(), name: 'New project' }),
    expect: statuses(401, 201, 201, 201, 201, 201),
  },
  { method: 'GET', path: '/api/v1/projects/{p}', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'GET', path: '/api/v1/projects/no-such-project', expect: statuses(401, 404, 404, 404, 404, 404) },
  { method: 'PATCH', path: '/api/v1/projects/{p}', json: { name: 'Renamed' }, expect: statuses(401, 404, 403, 403, 200, 200) },
  { method: 'DELETE', path: '/api/v1/projects/{p}', expect: statuses(401, 404, 403, 403, 204, 204) },
  { method: 'GET', path: '/api/v1/projects/{p}/members', expect: statuses(401, 404, 200, 200, 200, 200) },
  { method: 'PUT', path: '/api/v1/projects/{p}/members/{other}', json: { role: 'viewer' }, expect: statuses(401, 404, 403, 403, 200, 200) },
  { method: 'DELETE', path: '/api/v1/projects/{p}/members/{other}', expect: statuses(401, 404, 403, 403, 204, 204) },
  {
    name: 'PUT /api/v1/projects/{p}/members/{other} with a role that does not exist',
    method: 'PUT',
    path: '/api/v1/projects/{p}/members/{other}',
    json: { role: 'emperor' },
    expect: statuses(401, 404, 403, 403, 400, 400),
  },
]);

/** A user of its own per call, so that disabling one changes nothing for the next caller. */
async function freshUser(fixture: RoleFixture): Promise<Record<string, string>> {
  return { target: (await createUser(fixture.t)).id };
}

/** An invite of its own per call, made by the administrator. */
async function freshInvite(fixture: RoleFixture): Promise<Record<string, string>> {
  const { t, users } = fixture;
  const by = { id: users.admin.id, email: users.admin.email, name: users.admin.name, isAdmin: true, via: 'access_token' as const };
  const invite = await createInvite({ db: t.handle.db, handle: t.handle, clock: t.clock, config: t.config }, by, `${unique('invitee')}@example.test`);
  return { invite: invite.id };
}
