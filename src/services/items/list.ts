// A project's items, filtered, sorted and paged, for the API. The filters are the CLI's
// (`parseItemFilter` / `listItems`: status, kind, assignee, tag, ready, blocked, actionable) plus
// free text over id and title; each document's filtered and sorted list is kept per document
// version, so paging through a 10k-item plan costs a slice, not a pass over the plan, and each
// page answered is kept until the version changes.

import { priorityRank } from '../../engine/analyze/next.js';
import { STATUSES } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { memoized } from '../documents/parsed.js';
import type { ParsedDocument } from '../documents/parsed.js';
import { projectDocuments } from '../documents/read.js';
import { listItems, parseItemFilter } from '../items.js';
import type { ItemFilter, ItemRow } from '../items.js';

export const ITEM_SORT_KEYS = ['position', 'id', 'title', 'status', 'priority', 'points', 'hours', 'assignee', 'kind'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** Pages kept per document version (the most recently computed ones). */
const MAX_KEPT_PAGES = 64;

export interface ItemListQuery {
  status?: readonly string[];
  kind?: readonly string[];
  assignee?: string;
  tag?: readonly string[];
  ready?: boolean;
  blocked?: boolean;
  actionable?: boolean;
  /** Free text: items whose id or title contains it (case-insensitive). */
  q?: string;
  /** Only the items of this document (name or id). */
  document?: string;
  /** A sort key, `-` in front for descending: `priority`, `-points`. Document order by default. */
  sort?: string;
  limit?: number;
  cursor?: string;
}

export interface ListedItem extends ItemRow {
  /** The id to use in item routes: the plan's id, or `document:id` when the project has several documents. */
  key: string;
  document: string;
}

export interface ItemPage {
  items: ListedItem[];
  /** How many items match, over every page. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The version of each document the page was read from. */
  versions: Record<string, number>;
}

interface Cursor {
  offset: number;
  last: string;
  signature: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.offset, cursor.last, cursor.signature]), 'utf8').toString('base64url');
}

function badCursor(): ScrumdownError {
  return new ScrumdownError('validation_failed', 'The cursor is not one this server gave out; start again without it.', {
    in: 'query',
    fields: [{ field: 'cursor', problem: 'not a cursor' }],
  });
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && Number.isSafeInteger(value[0]) && value[0] >= 0 && typeof value[1] === 'string' && typeof value[2] === 'string') {
      return { offset: value[0] as number, last: value[1] as string, signature: value[2] as string };
    }
  } catch {
    // Falls through to the same answer as a well-formed but foreign value.
  }
  throw badCursor();
}

export function parseSort(sort: string | undefined): { key: ItemSortKey; descending: boolean } {
  if (sort === undefined || sort.trim() === '') return { key: 'position', descending: false };
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort).trim().toLowerCase();
  if (!(ITEM_SORT_KEYS as readonly string[]).includes(key)) {
    throw new ScrumdownError('validation_failed', `Cannot sort by "${sort}". Use one of: ${ITEM_SORT_KEYS.join(', ')} (a leading - sorts descending).`, {
      in: 'query',
      fields: [{ field: 'sort', problem: `not one of ${ITEM_SORT_KEYS.join(', ')}` }],
    });
  }
  return { key: key as ItemSortKey, descending };
}

const STATUS_ORDER = new Map<string, number>(STATUSES.map((status, i) => [status, i]));

/** Sort value of a row; null sorts last in either direction. */
function sortValue(row: ItemRow, key: ItemSortKey): string | number | null {
  switch (key) {
    case 'status':
      return STATUS_ORDER.get(row.status) ?? STATUSES.length;
    case 'priority':
      return row.priority === null ? null : priorityRank(row.priority);
    case 'points':
      return row.points;
    case 'hours':
      return row.hours;
    case 'assignee':
      return row.assignee === null ? null : row.assignee.toLowerCase();
    case 'title':
      return row.title.toLowerCase();
    case 'kind':
      return row.kind;
    case 'id':
      return row.id;
    default:
      return null;
  }
}

function sortRows(rows: ListedItem[], key: ItemSortKey, descending: boolean): ListedItem[] {
  if (key === 'position') return descending ? [...rows].reverse() : rows;
  const keyed = rows.map((row, position) => ({ row, position, value: sortValue(row, key) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.position - b.position;
      return a.value === null ? 1 : -1;
    }
    const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return (descending ? -order : order) || a.position - b.position;
  });
  return keyed.map((entry) => entry.row);
}

/** One document's matching rows for a filter (cached per version). */
function documentRows(document: ParsedDocument, filter: ItemFilter, needle: string, several: boolean): ListedItem[] {
  const key = JSON.stringify(['list', filter, needle, several]);
  return memoized(document, key, () => {
    const rows: ListedItem[] = [];
    for (const row of listItems(document.plan, document.index, filter)) {
      if (needle !== '' && !row.id.toLowerCase().includes(needle) && !row.title.toLowerCase().includes(needle)) continue;
      rows.push({ ...row, key: several ? `${document.name}:${row.id}` : row.id, document: document.name });
    }
    return rows;
  });
}

export async function listProjectItems(db: Kysely<Database>, projectId: string, query: ItemListQuery): Promise<ItemPage> {
  // Bad filter words, sort keys and cursors are refused before anything is read.
  const filter = parseItemFilter(query);
  const needle = query.q?.trim().toLowerCase() ?? '';
  const sort = parseSort(query.sort);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ScrumdownError('validation_failed', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, {
      in: 'query',
      fields: [{ field: 'limit', problem: `not between 1 and ${MAX_PAGE_SIZE}` }],
    });
  }
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;

  let documents = await projectDocuments(db, projectId);
  const several = documents.length > 1;
  if (query.document !== undefined) {
    const wanted = query.document;
    documents = documents.filter((document) => document.name === wanted || document.id === wanted);
    if (documents.length === 0) {
      throw new ScrumdownError('not_found', `The project has no document ${JSON.stringify(wanted)}.`, { document: wanted });
    }
  }
  const versions: Record<string, number> = {};
  for (const document of documents) versions[document.name] = document.version;
  const signature = documents.map((document) => `${document.id}@${document.version}`).join(',');

  const holder = documents[0];
  if (holder === undefined) return listPage([], null, limit, signature, versions);
  // A page depends only on the query and the versions it is read from: the same page object is
  // handed out again until a document changes, so the API can serialise it once. Pages have their
  // own bounded map so that paging through a plan does not push its sorted list out of the memo.
  const pages = memoized(holder, 'pages', () => new Map<string, ItemPage>());
  const pageKey = JSON.stringify([signature, sort, filter, needle, several, query.cursor ?? '', limit]);
  let page = pages.get(pageKey);
  if (page === undefined) {
    page = listPage(sortedRows(documents, filter, needle, several, sort), cursor, limit, signature, versions);
    if (pages.size >= MAX_KEPT_PAGES) pages.delete(pages.keys().next().value as string);
    pages.set(pageKey, page);
  }
  return page;
}

function sortedRows(documents: ParsedDocument[], filter: ItemFilter, needle: string, several: boolean, sort: { key: ItemSortKey; descending: boolean }): ListedItem[] {
  let rows: ListedItem[];
  if (documents.length === 1) {
    const only = documents[0];
    const key = JSON.stringify(['sorted', sort, filter, needle, several]);
    rows = memoized(only, key, () => sortRows(documentRows(only, filter, needle, several), sort.key, sort.descending));
  } else {
    rows = sortRows(
      documents.flatMap((document) => documentRows(document, filter, needle, several)),
      sort.key,
      sort.descending,
    );
  }
  return rows;
}

function listPage(rows: ListedItem[], cursor: Cursor | null, limit: number, signature: string, versions: Record<string, number>): ItemPage {
  let start = 0;
  if (cursor) {
    if (cursor.signature === signature) start = cursor.offset;
    else {
      // The plan changed since the previous page: continue after the item that ended it.
      const at = rows.findIndex((row) => row.key === cursor.last);
      start = at >= 0 ? at + 1 : Math.min(cursor.offset, rows.length);
    }
  }
  const items = rows.slice(start, start + limit);
  const end = start + items.length;
  const nextCursor = end < rows.length && items.length > 0 ? encodeCursor({ offset: end, last: items[items.length - 1].key, signature }) : null;
  return { items, total: rows.length, nextCursor, versions };
}
