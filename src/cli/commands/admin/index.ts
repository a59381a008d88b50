// `scrumdown admin …`: a server's accounts and invites, for its administrators. Declares the
// subcommands; the work (thin calls through the remote client) is in run.ts.

import type { Command } from 'commander';

export interface AdminOptions {
  server?: string;
  json?: boolean;
  search?: string;
}

type AdminRun = typeof import('./run.js');

/** The action of a subcommand: loads run.ts when it runs, not when the CLI starts. */
function action<A extends unknown[]>(pick: (run: AdminRun) => (...args: [...A, AdminOptions]) => Promise<void>) {
  return async (...args: [...A, AdminOptions]): Promise<void> => pick(await import('./run.js'))(...args);
}

export function registerAdmin(program: Command): void {
  const admin = program
    .command('admin')
    .description("a server's accounts and invites (administrators): list, disable or enable, grant or revoke admin, invite")
    .addHelpText(
      'after',
      `
A user is named by e-mail address or by id. The server refuses everyone but administrators,
and refuses to disable or demote its last active administrator.

Examples:
  $ scrumdown admin users --search example.com
  $ scrumdown admin disable grace@example.com
  $ scrumdown admin invite alan@example.com
  $ scrumdown admin revoke-invite alan@example.com`,
    );
  const common = (command: Command): Command => command.option('--server <url>', 'the server (default: the one you logged in to last)').option('--json', 'print one JSON document');

  common(admin.command('users').description('every account: e-mail, name, administrator or not, disabled or not').option('--search <text>', 'only accounts whose name or e-mail contains it')).action(
    action<[]>((run) => run.listUsers),
  );
  for (const [name, description] of [
    ['disable', 'refuse every sign-in, refresh and token of an account from now on'],
    ['enable', 'let a disabled account sign in again'],
    ['grant-admin', 'make an account an administrator'],
    ['revoke-admin', 'make an administrator an ordinary account'],
  ] as const) {
    common(admin.command(name).description(description).argument('<user>', 'e-mail address or id')).action(
      action<[string]>((run) => (user, options) => run.changeUser(name, user, options)),
    );
  }
  common(admin.command('invite').description('invite an e-mail address to register (the invite is shown once)').argument('<email>', 'who may register')).action(
    action<[string]>((run) => run.invite),
  );
  common(admin.command('invites').description('every invite, newest first: pending, used, expired or revoked')).action(action<[]>((run) => run.listInvites));
  common(admin.command('revoke-invite').description('revoke a pending invite, so it can no longer be used').argument('<invite>', 'its id, or the invited e-mail address')).action(
    action<[string]>((run) => run.revokeInvite),
  );
}
