// Listing a plan's items with filters (status, kind, ready, blocked, actionable, tag, assignee), as
// plain rows that every face prints its own way. The dependency graph is computed only when a
// filter needs it, so a plain listing of a large plan stays a single pass.

import { dependencyGraph } from '../engine/analyze/graph.js';
import { ITEM_KINDS, isActionable } from '../engine/model.js';
import type { Item, ItemKind, Plan, PlanIndex, Status } from '../engine/model.js';
import { ScrumdownError } from '../errors.js';
import { parseStatusWord } from './status-word.js';

export interface ItemRow {
  id: string;
  title: string;
  kind: ItemKind;
  status: Status;
  points: number | null;
  hours: number | null;
  priority: string | null;
  assignee: string | null;
  tags: string[];
  /** Resolved ids of every dependency the item writes, without repeats. */
  deps: string[];
  parent: string | null;
  section: string;
  line: number;
}

export interface ItemFilter {
  statuses?: Status[];
  /** Kinds to keep; without it every kind but `check` is listed. */
  kinds?: ItemKind[];
  ready?: boolean;
  blocked?: boolean;
  /** Only items with no child items other than checks: the work progress and `next` count. */
  actionable?: boolean;
  /** Every one of these tags (case-insensitive). */
  tags?: string[];
  /** Case-insensitive; matches the whole assignee or one of its comma or slash separated names. */
  assignee?: string;
}

/** The flattened, repeat-free resolved dependency ids of an item. */
export function dependencyIds(item: Item): string[] {
  if (item.deps.length === 0) return [];
  if (item.deps.length === 1 && item.deps[0].ids.length <= 1) return [...item.deps[0].ids];
  const ids = new Set<string>();
  for (const ref of item.deps) for (const id of ref.ids) ids.add(id);
  return [...ids];
}

export function itemRow(item: Item): ItemRow {
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    status: item.status,
    points: item.points ?? null,
    hours: item.hours ?? null,
    priority: item.priority ?? null,
    assignee: item.assignee ?? null,
    tags: item.tags,
    deps: dependencyIds(item),
    parent: item.parent,
    section: item.section,
    line: item.line,
  };
}

/** Reads the filter words a person typed, refusing unknown statuses and kinds. */
export function parseItemFilter(input: {
  status?: readonly string[];
  kind?: readonly string[];
  ready?: boolean;
  blocked?: boolean;
  actionable?: boolean;
  tag?: readonly string[];
  assignee?: string;
}): ItemFilter {
  const filter: ItemFilter = {};
  if (input.status && input.status.length > 0) filter.statuses = input.status.map(parseStatusWord);
  if (input.kind && input.kind.length > 0) {
    filter.kinds = input.kind.map((word) => {
      const kind = word.trim().toLowerCase();
      if (!(ITEM_KINDS as readonly string[]).includes(kind)) {
        throw new ScrumdownError('invalid_argument', `Unknown kind "${word}". Use one of: ${ITEM_KINDS.join(', ')}.`, {
          kind: word,
          valid: [...ITEM_KINDS],
        });
      }
      return kind as ItemKind;
    });
  }
  if (input.ready) filter.ready = true;
  if (input.blocked) filter.blocked = true;
  if (input.actionable) filter.actionable = true;
  if (input.tag && input.tag.length > 0) filter.tags = [...input.tag];
  if (input.assignee !== undefined) filter.assignee = input.assignee;
  return filter;
}

function assigneeMatches(assignee: string | undefined, wanted: string): boolean {
  if (assignee === undefined) return false;
  const value = assignee.toLowerCase();
  if (value === wanted) return true;
  return value.split(/\s*[,/&]\s*|\s+and\s+/).some((name) => name.trim() === wanted);
}

/** The plan's items that pass every filter, in document order. */
export function listItems(plan: Plan, index: PlanIndex, filter: ItemFilter = {}): ItemRow[] {
  const statuses = filter.statuses ? new Set(filter.statuses) : null;
  const kinds = filter.kinds ? new Set(filter.kinds) : null;
  const tags = filter.tags?.map((tag) => tag.toLowerCase()) ?? null;
  const assignee = filter.assignee?.trim().toLowerCase() ?? null;
  let ready: Set<string> | null = null;
  let blocked: Set<string> | null = null;
  if (filter.ready || filter.blocked) {
    const graph = dependencyGraph(plan, index);
    if (filter.ready) ready = new Set(graph.ready);
    if (filter.blocked) blocked = new Set(graph.blocked);
  }

  const rows: ItemRow[] = [];
  for (const item of plan.items) {
    if (kinds ? !kinds.has(item.kind) : item.kind === 'check') continue;
    if (statuses && !statuses.has(item.status)) continue;
    if (ready && !ready.has(item.id)) continue;
    if (blocked && !blocked.has(item.id)) continue;
    if (filter.actionable && !isActionable(item, index)) continue;
    if (tags && !tags.every((tag) => item.tags.some((own) => own.toLowerCase() === tag))) continue;
    if (assignee !== null && !assigneeMatches(item.assignee, assignee)) continue;
    rows.push(itemRow(item));
  }
  return rows;
}
