// Item history rows turned into the history engine's ItemSeries, so the server's charts are the
// engine's (burndown, burnup, velocity, cycle time, cumulative flow) read from the database. An
// item's states come from its current row and its recorded changes, walked back: the first
// recorded change of a field says what the field was before. Presence is the item's life in the
// project (from its document's upload, or from the "added" and "removed" rows an upload or a
// pushed git history wrote; an item no longer in the plan is known from its "removed" row) or its
// stays in a sprint.

import type { Kysely } from 'kysely';
import type { ItemPresence } from '../../engine/history/changes.js';
import type { ItemSeries, ItemState } from '../../engine/history/types.js';
import { chartWeights } from '../../engine/history/weights.js';
import type { ItemWeight } from '../../engine/history/weights.js';
import type { Status } from '../../engine/model.js';
import type { Database } from '../../store/schema.js';

export interface ItemRef {
  documentId: string;
  itemId: string;
}

export interface ItemFacts {
  key: string;
  title: string;
  status: Status;
  points: number | null;
  counted: boolean;
  /** A descendant has points, so changes of this item's own points are not charted. */
  pointsBelow?: boolean;
  /** When the item's document came into the project (epoch ms): items exist from then on. */
  since: number;
  /** Changes of status and points, oldest first. */
  changes: Array<{ at: number; field: 'status' | 'points'; from: string | null; to: string | null }>;
  /** When it was added to the plan and removed from it, oldest first. */
  life: Array<{ at: number; field: 'added' | 'removed' }>;
}

/** An "added" or "removed" row's item, or null when the row carries none. */
function readPresence(text: string | null): ItemPresence | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<ItemPresence>;
    return typeof value.title === 'string' && typeof value.status === 'string' ? (value as ItemPresence) : null;
  } catch {
    return null;
  }
}

export function refKey(ref: ItemRef): string {
  return `${ref.documentId}\u0000${ref.itemId}`;
}

function toPoints(value: string | null): number | null {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Current rows and recorded changes of items of a project (all of them when `refs` is absent). */
export async function loadItemFacts(db: Kysely<Database>, projectId: string, refs?: readonly ItemRef[]): Promise<Map<string, ItemFacts>> {
  const documents = await db.selectFrom('documents').select(['id', 'name', 'created_at']).where('project_id', '=', projectId).execute();
  const several = documents.length > 1;
  const names = new Map(documents.map((d) => [d.id, d.name]));
  const created = new Map(documents.map((d) => [d.id, Date.parse(d.created_at)]));
  const wanted = refs ? new Set(refs.map(refKey)) : null;
  const keyOf = (documentId: string, itemId: string): string => (several ? `${names.get(documentId) ?? documentId}:${itemId}` : itemId);
  const items = await db
    .selectFrom('items')
    .select(['document_id', 'item_id', 'kind', 'title', 'status', 'points', 'parent_id'])
    .where('project_id', '=', projectId)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  // Weighed per document, in document order, by the rule the plan history uses.
  const weights = new Map<string, ItemWeight>();
  for (let from = 0; from < items.length; ) {
    let to = from;
    while (to < items.length && items[to].document_id === items[from].document_id) to++;
    const rows = items.slice(from, to);
    const weighed = chartWeights(rows.map((row) => ({ id: row.item_id, kind: row.kind, parent: row.parent_id, points: row.points === null ? null : Number(row.points) })));
    rows.forEach((row, i) => weights.set(refKey({ documentId: row.document_id, itemId: row.item_id }), weighed[i]));
    from = to;
  }
  const facts = new Map<string, ItemFacts>();
  const current = new Set<string>();
  for (const row of items) {
    const key = refKey({ documentId: row.document_id, itemId: row.item_id });
    const weight = weights.get(key) as ItemWeight;
    current.add(key);
    if (!weight.charted || (wanted && !wanted.has(key))) continue;
    facts.set(key, {
      key: keyOf(row.document_id, row.item_id),
      title: row.title,
      status: row.status as Status,
      points: weight.points,
      counted: weight.counted,
      pointsBelow: weight.pointsBelow,
      since: created.get(row.document_id) ?? 0,
      changes: [],
      life: [],
    });
  }
  const history = await db
    .selectFrom('item_history')
    .select(['document_id', 'item_id', 'field', 'from_value', 'to_value', 'at'])
    .where('project_id', '=', projectId)
    .where('field', 'in', ['status', 'points', 'added', 'removed'])
    .orderBy('id')
    .execute();
  // Rows come in the order they were written; a pushed history is written after older uploads.
  history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const row of history) {
    const key = refKey({ documentId: row.document_id, itemId: row.item_id });
    let entry = facts.get(key);
    const seen = row.field === 'added' ? readPresence(row.to_value) : row.field === 'removed' ? readPresence(row.from_value) : null;
    // An item no longer in the plan: known as it was when last added or removed.
    if (seen && !current.has(key) && (!wanted || wanted.has(key))) {
      const { title, status, points, counted } = seen;
      if (entry) Object.assign(entry, { title, status, points, counted });
      else {
        entry = { key: keyOf(row.document_id, row.item_id), title, status, points, counted, since: created.get(row.document_id) ?? 0, changes: [], life: [] };
        facts.set(key, entry);
      }
    }
    if (!entry) continue;
    const at = Date.parse(row.at);
    if (row.field === 'added' || row.field === 'removed') entry.life.push({ at, field: row.field });
    else if (row.field === 'points' && entry.pointsBelow) continue;
    else entry.changes.push({ at, field: row.field as 'status' | 'points', from: row.from_value, to: row.to_value });
  }
  return facts;
}

/**
 * When the item was in the plan: its added and removed rows, else from `since` on. An item whose
 * first row removes it was there from `since`.
 */
export function lifeOf(facts: ItemFacts, since: number): Presence[] {
  const spans: Presence[] = [];
  let open: number | null = null;
  for (const event of facts.life) {
    if (event.field === 'added') open ??= event.at;
    else {
      const start = open ?? (spans.length === 0 ? since : null);
      if (start !== null) spans.push({ start, end: Math.max(start, event.at) });
      open = null;
    }
  }
  if (open !== null) spans.push({ start: open, end: null });
  else if (facts.life.length === 0) spans.push({ start: since, end: null });
  return spans;
}

/** The item's status and points before any recorded change. */
function initialState(facts: ItemFacts): { status: Status; points: number | null } {
  const firstStatus = facts.changes.find((change) => change.field === 'status');
  const firstPoints = facts.changes.find((change) => change.field === 'points');
  return {
    status: firstStatus ? ((firstStatus.from ?? facts.status) as Status) : facts.status,
    points: firstPoints ? toPoints(firstPoints.from) : facts.points,
  };
}

/** Time spans (epoch ms) during which the item counts; `end` null means still there. */
export interface Presence {
  start: number;
  end: number | null;
}

/** One item's series: its states over time, present only within `presence` (always when absent). */
export function itemSeries(facts: ItemFacts, presence?: readonly Presence[]): ItemSeries {
  const initial = initialState(facts);
  type Event = { at: number; apply: (state: ItemState) => ItemState };
  const events: Event[] = facts.changes.map((change) => ({
    at: change.at,
    apply: (state: ItemState) =>
      change.field === 'status' ? { ...state, status: (change.to ?? state.status) as Status } : { ...state, points: toPoints(change.to) },
  }));
  if (presence) {
    for (const span of presence) {
      events.push({ at: span.start, apply: (state) => ({ ...state, present: true }) });
      if (span.end !== null) events.push({ at: span.end, apply: (state) => ({ ...state, present: false }) });
    }
  }
  events.sort((a, b) => a.at - b.at);
  let state: ItemState = { at: 0, present: !presence, status: initial.status, points: initial.points };
  const states: ItemState[] = [state];
  for (const event of events) {
    state = { ...event.apply(state), at: Math.max(event.at, state.at) };
    if (states[states.length - 1].at === state.at) states[states.length - 1] = state;
    else states.push(state);
  }
  return { key: facts.key, id: facts.key, title: facts.title, counted: facts.counted, states };
}

/** Status and points of a series at a moment (the state in force at `time`, inclusive). */
export function stateAt(series: ItemSeries, time: number): ItemState | null {
  let found: ItemState | null = null;
  for (const state of series.states) {
    if (state.at > time) break;
    found = state;
  }
  return found;
}
