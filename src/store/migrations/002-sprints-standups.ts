// Sprints and daily standups. A sprint holds items over time (sprint_items rows keep when an item
// joined and left, so "added after the start" and "removed" are facts, not guesses), capacity per
// member and per role, and the commitment frozen when it starts. A standup is one entry per person
// per day in a project, with its blockers open until someone marks them resolved.

import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectTypes } from './types.js';

export function sprintsAndStandups(types: DialectTypes): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sprints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('goal', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        // JSON array of weekdays worked, 0 Sunday … 6 Saturday.
        .addColumn('working_days', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('planned', 'active', 'closed')`))
        .addColumn('capacity_points', 'double precision')
        .addColumn('committed_points', 'double precision')
        .addColumn('committed_items', 'integer')
        .addColumn('started_at', 'text')
        .addColumn('closed_at', 'text')
        // JSON of the sprint report as it stood at close.
        .addColumn('close_report', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('sprints_project_number', ['project_id', 'number'])
        .execute();

      await db.schema
        .createTable('sprint_items')
        .addColumn('id', 'integer', (c) => types.autoIncrement(c))
        .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprints.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('removed_at', 'text')
        .addColumn('removed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        // Filled at start for the items then in the sprint: the frozen commitment.
        .addColumn('committed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('points_at_start', 'double precision')
        .addColumn('status_at_start', 'text')
        .execute();
      await db.schema.createIndex('sprint_items_sprint').on('sprint_items').columns(['sprint_id', 'id']).execute();
      await db.schema.createIndex('sprint_items_item').on('sprint_items').columns(['document_id', 'item_id']).execute();

      await db.schema
        .createTable('sprint_capacity')
        .addColumn('sprint_id', 'text', (c) => c.notNull().references('sprints.id').onDelete('cascade'))
        // `member:<user id>` or `role:<role>`.
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('role', 'text')
        .addColumn('hours_per_day', 'double precision')
        // JSON array of YYYY-MM-DD days the member is away.
        .addColumn('days_off', 'text', (c) => c.notNull().defaultTo('[]'))
        // Role rows: hours the role has in the whole sprint.
        .addColumn('hours', 'double precision')
        .addPrimaryKeyConstraint('sprint_capacity_pk', ['sprint_id', 'key'])
        .execute();

      await db.schema
        .createTable('standups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('done', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('next', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('blockers', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('mood', 'integer', (c) => c.check(sql`mood between 1 and 5`))
        // JSON array of item keys.
        .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('blocker_resolved_at', 'text')
        .addColumn('blocker_resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('standups_one_a_day', ['project_id', 'user_id', 'day'])
        .execute();
      await db.schema.createIndex('standups_project_day').on('standups').columns(['project_id', 'day', 'id']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['standups', 'sprint_capacity', 'sprint_items', 'sprints']) await db.schema.dropTable(table).execute();
    },
  };
}
