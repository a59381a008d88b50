// The items of each document's current version as rows, for everything that queries items in SQL
// (metrics, sprints, reports). A new upload replaces a document's rows; an edit updates only the
// rows whose values changed.

import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, ItemsTable } from '../schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type NewItemRow = Insertable<ItemsTable>;

/** Rows per INSERT: 16 columns each stays far below either database's parameter limit. */
const CHUNK = 500;

export async function replaceItems(db: Executor, documentId: string, rows: readonly NewItemRow[]): Promise<void> {
  await db.deleteFrom('items').where('document_id', '=', documentId).execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('items')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export type ItemRowChange = Omit<Updateable<ItemsTable>, 'document_id' | 'project_id' | 'item_id'>;

export async function updateItem(db: Executor, documentId: string, itemId: string, change: ItemRowChange): Promise<void> {
  await db.updateTable('items').set(change).where('document_id', '=', documentId).where('item_id', '=', itemId).execute();
}

export async function countItemsByStatus(db: Executor, projectId: string): Promise<Array<{ status: string; count: number }>> {
  const rows = await db
    .selectFrom('items')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('project_id', '=', projectId)
    .where('kind', '!=', 'check')
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}
