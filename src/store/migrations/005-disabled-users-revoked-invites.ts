// An administrator can disable an account (kept, with its projects and history, but refused at
// every sign-in and on every request) and revoke an invite before it is used.

import type { Kysely, Migration } from 'kysely';

export function disabledUsersRevokedInvites(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      await db.schema.alterTable('invites').addColumn('revoked_at', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('invites').dropColumn('revoked_at').execute();
      await db.schema.alterTable('users').dropColumn('disabled_at').execute();
    },
  };
}
