// Wrong passwords as rows with their time, so the lockout counts those of the last 15 minutes
// (a count in the users row could only be reset, not age); and one row per project and day for
// the scheduled standup digest, whose primary key lets only one server instance send it.

import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectTypes } from './types.js';

export function signInFailuresAndDigestRuns(types: DialectTypes): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', 'integer', (c) => types.autoIncrement(c))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_user_at').on('sign_in_failures').columns(['user_id', 'at']).execute();
      await db.schema.alterTable('users').dropColumn('failed_logins').execute();

      await db.schema
        .createTable('digest_runs')
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        // The day in the configured time zone the run belongs to, YYYY-MM-DD.
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'failed')`))
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('digest_runs_pk', ['project_id', 'day'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('digest_runs').execute();
      await db.schema.alterTable('users').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.dropTable('sign_in_failures').execute();
    },
  };
}
