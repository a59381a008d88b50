// A plan's items as rows of the items table. `data` holds the item as the API lists it (the same
// row the CLI's `items --json` prints), without text offsets, so an edit that shifts no lines
// changes only the rows of the items it touched.

import type { Item } from '../../engine/model.js';
import type { NewItemRow } from '../../store/repositories/items.js';
import { itemRow } from '../items.js';
import type { ParsedDocument } from './parsed.js';

export function itemToRow(document: Pick<ParsedDocument, 'id' | 'projectId'>, item: Item, position: number): NewItemRow {
  return {
    document_id: document.id,
    project_id: document.projectId,
    item_id: item.id,
    position,
    parent_id: item.parent,
    kind: item.kind,
    title: item.title,
    status: item.status,
    assignee: item.assignee ?? null,
    points: item.points ?? null,
    hours: item.hours ?? null,
    priority: item.priority ?? null,
    tags: JSON.stringify(item.tags),
    section: item.section,
    line: item.line,
    data: JSON.stringify(itemRow(item)),
  };
}

export function documentRows(document: ParsedDocument): NewItemRow[] {
  return document.plan.items.map((item, position) => itemToRow(document, item, position));
}

/** The fields whose changes are recorded in item history. */
export const TRACKED_FIELDS = ['status', 'assignee', 'points', 'hours', 'priority'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export function trackedValue(item: Item, field: TrackedField): string | null {
  const value = item[field];
  return value === undefined ? null : String(value);
}
