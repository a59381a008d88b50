// Item history rows turned into the history engine's ItemSeries, so the server's charts are the
// engine's (burndown, burnup, velocity, cycle time, cumulative flow) read from the database. An
// item's states come from its current row and its recorded changes, walked back: the first
// recorded change of a field says what the field was before. Presence is either "always" (the
// project's items) or the item's stays in a sprint.

import type { Kysely } from 'kysely';
import type { ItemSeries, ItemState } from '../../engine/history/types.js';
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
  /** When the item's document came into the project (epoch ms): items exist from then on. */
  since: number;
  /** Changes of status and points, oldest first. */
  changes: Array<{ at: number; field: 'status' | 'points'; from: string | null; to: string | null }>;
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
  const items = await db.selectFrom('items').select(['document_id', 'item_id', 'title', 'status', 'points', 'parent_id', 'data']).where('project_id', '=', projectId).execute();
  const parents = new Set(items.filter((row) => row.parent_id !== null).map((row) => `${row.document_id}\u0000${row.parent_id}`));
  const facts = new Map<string, ItemFacts>();
  for (const row of items) {
    const key = refKey({ documentId: row.document_id, itemId: row.item_id });
    if (wanted && !wanted.has(key)) continue;
    facts.set(key, {
      key: several ? `${names.get(row.document_id) ?? row.document_id}:${row.item_id}` : row.item_id,
      title: row.title,
      status: row.status as Status,
      points: row.points === null ? null : Number(row.points),
      counted: !parents.has(key),
      since: created.get(row.document_id) ?? 0,
      changes: [],
    });
  }
  const history = await db
    .selectFrom('item_history')
    .select(['document_id', 'item_id', 'field', 'from_value', 'to_value', 'at'])
    .where('project_id', '=', projectId)
    .where('field', 'in', ['status', 'points'])
    .orderBy('id')
    .execute();
  for (const row of history) {
    const entry = facts.get(refKey({ documentId: row.document_id, itemId: row.item_id }));
    if (!entry) continue;
    entry.changes.push({ at: Date.parse(row.at), field: row.field as 'status' | 'points', from: row.from_value, to: row.to_value });
  }
  return facts;
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
