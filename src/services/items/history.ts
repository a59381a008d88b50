// Who changed what and when: an item's history and a project's, newest first, paged by cursor.

import type { Kysely } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import { itemHistory, projectHistory } from '../../store/repositories/history.js';
import type { HistoryRowWithUser } from '../../store/repositories/history.js';
import type { Database } from '../../store/schema.js';
import { projectDocuments } from '../documents/read.js';
import { resolveItemKey } from './ref.js';

export interface HistoryEntry {
  id: number;
  document: string;
  item: string;
  field: string;
  from: string | null;
  to: string | null;
  at: string;
  /** api (a change through the API), upload (a new version of the document), git (a pushed history). */
  source: string;
  user: { id: string; email: string | null; name: string | null } | null;
  /** The commit's author as git gave it ("Name <email>"), for source git. */
  author: string | null;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  nextCursor: string | null;
}

export interface HistoryQuery {
  limit?: number;
  cursor?: string;
}

function pageQuery(query: HistoryQuery): { limit: number; beforeId?: number } {
  const limit = query.limit ?? 50;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 200) {
    throw new ScrumdownError('validation_failed', 'limit must be a whole number from 1 to 200.', { in: 'query', fields: [{ field: 'limit', problem: 'not between 1 and 200' }] });
  }
  if (query.cursor === undefined) return { limit };
  if (!/^\d{1,15}$/.test(query.cursor)) {
    throw new ScrumdownError('validation_failed', 'The cursor is not one this server gave out; start again without it.', {
      in: 'query',
      fields: [{ field: 'cursor', problem: 'not a cursor' }],
    });
  }
  return { limit, beforeId: Number(query.cursor) };
}

function toPage(rows: HistoryRowWithUser[], limit: number, names: Map<string, string>): HistoryPage {
  return {
    entries: rows.map((row) => ({
      id: Number(row.id),
      document: names.get(row.document_id) ?? row.document_id,
      item: row.item_id,
      field: row.field,
      from: row.from_value,
      to: row.to_value,
      at: row.at,
      source: row.source,
      user: row.user_id === null ? null : { id: row.user_id, email: row.user_email, name: row.user_name },
      author: row.author,
    })),
    nextCursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
  };
}

async function documentNames(db: Kysely<Database>, projectId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('documents').select(['id', 'name']).where('project_id', '=', projectId).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function itemHistoryPage(db: Kysely<Database>, projectId: string, key: string, query: HistoryQuery): Promise<HistoryPage> {
  const page = pageQuery(query);
  const documents = await projectDocuments(db, projectId);
  const { document, item } = resolveItemKey(documents, key);
  const rows = await itemHistory(db, document.id, item.id, page);
  return toPage(rows, page.limit, new Map([[document.id, document.name]]));
}

export async function projectHistoryPage(db: Kysely<Database>, projectId: string, query: HistoryQuery): Promise<HistoryPage> {
  const page = pageQuery(query);
  const rows = await projectHistory(db, projectId, page);
  return toPage(rows, page.limit, await documentNames(db, projectId));
}
