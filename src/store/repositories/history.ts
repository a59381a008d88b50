// Item history rows: who changed which field of which item, from what to what, and when. Rows
// are only ever added; lists page by id, newest first.

import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ItemHistoryRow, ItemHistoryTable } from '../schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type NewHistoryRow = Insertable<ItemHistoryTable>;

const CHUNK = 500;

export async function insertHistory(db: Executor, rows: readonly NewHistoryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('item_history')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export interface HistoryPageQuery {
  /** Only rows with a smaller id (the previous page's last id). */
  beforeId?: number;
  limit: number;
}

export interface HistoryRowWithUser extends ItemHistoryRow {
  user_email: string | null;
  user_name: string | null;
}

function base(db: Executor) {
  return db
    .selectFrom('item_history')
    .leftJoin('users', 'users.id', 'item_history.user_id')
    .selectAll('item_history')
    .select(['users.email as user_email', 'users.name as user_name']);
}

export async function itemHistory(db: Executor, documentId: string, itemId: string, page: HistoryPageQuery): Promise<HistoryRowWithUser[]> {
  let query = base(db).where('item_history.document_id', '=', documentId).where('item_history.item_id', '=', itemId);
  if (page.beforeId !== undefined) query = query.where('item_history.id', '<', page.beforeId);
  return query.orderBy('item_history.id', 'desc').limit(page.limit).execute();
}

export async function projectHistory(db: Executor, projectId: string, page: HistoryPageQuery): Promise<HistoryRowWithUser[]> {
  let query = base(db).where('item_history.project_id', '=', projectId);
  if (page.beforeId !== undefined) query = query.where('item_history.id', '<', page.beforeId);
  return query.orderBy('item_history.id', 'desc').limit(page.limit).execute();
}
