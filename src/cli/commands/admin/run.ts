// Runs `scrumdown admin …` against a server's administrator routes (/admin/users, /invites):
// every page of a list, a user or invite found by e-mail address, and the server's own refusals
// (not an administrator, the last administrator) passed on as they are.

import { ScrumdownError } from '../../../errors.js';
import type { AdminUserView as AdminUser } from '../../../services/accounts/admin-users.js';
import type { CreatedInvite, InviteView as InviteInfo } from '../../../services/accounts/invites.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { print, printJson, table } from '../../output.js';
import type { AdminOptions } from './index.js';

type UserChange = 'disable' | 'enable' | 'grant-admin' | 'revoke-admin';

const CHANGES: Record<UserChange, { body: { disabled?: boolean; isAdmin?: boolean }; done: string }> = {
  disable: { body: { disabled: true }, done: 'Disabled' },
  enable: { body: { disabled: false }, done: 'Enabled' },
  'grant-admin': { body: { isAdmin: true }, done: 'Made administrator:' },
  'revoke-admin': { body: { isAdmin: false }, done: 'No longer administrator:' },
};

async function clientFor(options: AdminOptions): Promise<RemoteClient> {
  const { server, token } = await resolveServer(options.server);
  return new RemoteClient({ server, token });
}

/** Every entry of a paged list, page after page. */
async function everyPage<T>(client: RemoteClient, path: string, key: 'users' | 'invites', query: Record<string, string> = {}): Promise<T[]> {
  const entries: T[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '200', ...(cursor ? { cursor } : {}) });
    const page: { nextCursor: string | null } & Record<typeof key, T[]> = await client.json('GET', `${path}?${params.toString()}`);
    entries.push(...page[key]);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

const day = (at: string | null): string => (at ? at.slice(0, 10) : '');

export async function listUsers(options: AdminOptions): Promise<void> {
  const client = await clientFor(options);
  const users = await everyPage<AdminUser>(client, '/api/v1/admin/users', 'users', options.search ? { q: options.search } : {});
  if (options.json) {
    printJson('admin-users', { server: client.server, count: users.length, users });
    return;
  }
  if (users.length === 0) {
    print(options.search ? `No account matches "${options.search}".` : 'No accounts.');
    return;
  }
  const rows = [['EMAIL', 'NAME', 'ADMIN', 'STATE', 'CREATED'], ...users.map((user) => [user.email, user.name, user.isAdmin ? 'yes' : '', user.disabledAt ? `disabled ${day(user.disabledAt)}` : 'active', day(user.createdAt)])];
  print([...table(rows), '', `${users.length} ${users.length === 1 ? 'account' : 'accounts'}`].join('\n'));
}

/** The account an e-mail address (any case) or an id names. */
async function findUser(client: RemoteClient, user: string): Promise<AdminUser> {
  const email = user.includes('@') ? user.toLowerCase() : null;
  const users = await everyPage<AdminUser>(client, '/api/v1/admin/users', 'users', email ? { q: email } : {});
  const found = users.find((candidate) => (email ? candidate.email.toLowerCase() === email : candidate.id === user));
  if (!found) {
    throw new ScrumdownError('not_found', `No account ${email ? 'with the e-mail address' : 'with the id'} ${user} on ${client.server}. scrumdown admin users lists them.`, { user });
  }
  return found;
}

export async function changeUser(change: UserChange, user: string, options: AdminOptions): Promise<void> {
  const client = await clientFor(options);
  const target = await findUser(client, user);
  const changed = await client.json<AdminUser>('PATCH', `/api/v1/admin/users/${encodeURIComponent(target.id)}`, CHANGES[change].body);
  if (options.json) {
    printJson('admin-user', { server: client.server, user: changed });
    return;
  }
  print(`${CHANGES[change].done} ${changed.email} (${changed.isAdmin ? 'administrator' : 'not administrator'}, ${changed.disabledAt ? 'disabled' : 'active'}).`);
}

export async function invite(email: string, options: AdminOptions): Promise<void> {
  const client = await clientFor(options);
  const created = await client.json<CreatedInvite>('POST', '/api/v1/invites', { email });
  if (options.json) {
    printJson('admin-invite', { server: client.server, invite: created });
    return;
  }
  print(
    [
      `Invited ${created.email} (invite ${created.id}, valid until ${created.expiresAt}).`,
      `Invite token, shown this once: ${created.invite}`,
      `They register with it: scrumdown's sign-up page, or POST /api/v1/auth/register with "invite".`,
    ].join('\n'),
  );
}

export async function listInvites(options: AdminOptions): Promise<void> {
  const client = await clientFor(options);
  const invites = await everyPage<InviteInfo>(client, '/api/v1/invites', 'invites');
  if (options.json) {
    printJson('admin-invites', { server: client.server, count: invites.length, invites });
    return;
  }
  if (invites.length === 0) {
    print('No invites.');
    return;
  }
  const rows = [['ID', 'EMAIL', 'STATE', 'CREATED', 'EXPIRES'], ...invites.map((entry) => [entry.id, entry.email, entry.state, day(entry.createdAt), day(entry.expiresAt)])];
  print([...table(rows), '', `${invites.length} ${invites.length === 1 ? 'invite' : 'invites'}`].join('\n'));
}

export async function revokeInvite(target: string, options: AdminOptions): Promise<void> {
  const client = await clientFor(options);
  const invites = await everyPage<InviteInfo>(client, '/api/v1/invites', 'invites');
  const email = target.includes('@') ? target.toLowerCase() : null;
  const matching = invites.filter((entry) => (email ? entry.email.toLowerCase() === email : entry.id === target));
  const pending = matching.filter((entry) => entry.state === 'pending');
  if (matching.length === 0) {
    throw new ScrumdownError('not_found', `No invite ${email ? 'for' : 'with the id'} ${target} on ${client.server}. scrumdown admin invites lists them.`, { invite: target });
  }
  if (pending.length === 0) {
    const which = email ? `for ${target}` : target;
    throw new ScrumdownError('conflict', `The invite ${which} is ${matching[0].state}, not pending: there is nothing to revoke.`, { invite: target, state: matching[0].state });
  }
  for (const entry of pending) await client.raw('DELETE', `/api/v1/invites/${encodeURIComponent(entry.id)}`);
  if (options.json) {
    printJson('admin-revoke-invite', { server: client.server, revoked: pending.map((entry) => entry.id) });
    return;
  }
  print(`Revoked ${pending.length === 1 ? 'the invite' : `${pending.length} invites`} for ${pending[0].email} (${pending.map((entry) => entry.id).join(', ')}).`);
}
