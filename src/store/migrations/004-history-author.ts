// Item history rows read from git name the commit's author: the user whose e-mail it is, when the
// server has one, and always the author as git gave it ("Name <email>"), kept for the others.

import type { Kysely, Migration } from 'kysely';

export function historyAuthor(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('item_history').addColumn('author', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('item_history').dropColumn('author').execute();
    },
  };
}
