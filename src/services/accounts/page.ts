// Pages of the administrator's lists: `limit` rows (1 to MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE)
// and an opaque cursor naming the last row of the page, from which the next page continues.

import { badField } from '../sprints/dates.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PageQuery {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badField('limit', `not between 1 and ${MAX_PAGE_SIZE}`, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, 'query');
  }
  return size;
}

export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The parts of a cursor this server gave out, `count` strings. */
export function decodeCursor(cursor: string, count: number): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length !== count || !parts.every((part) => typeof part === 'string')) {
    throw badField('cursor', 'not a cursor', 'The cursor is not one this server gave out; start again without it.', 'query');
  }
  return parts as string[];
}

/** One page from rows read with limit + 1: the extra row only says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string[]): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
