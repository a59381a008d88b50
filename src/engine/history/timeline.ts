// The timeline of every item across a plan's revisions: when it was added (scope added), each
// status and points change, renames, and when it was removed (scope removed), each with the
// commit, date and author. Built as a fold over revisions, so a cached timeline can be extended
// with the commits that came after it without reading the older ones again.

import type { Plan } from '../model.js';
import { matchRevisions, newMatchCache } from './match.js';
import type { MatchCache } from './match.js';
import { summarizeRevision } from './revision.js';
import type { EventOrigin, HistoryCommit, ItemTimeline, PlanRevision, RevisionItem, RevisionSnapshot, Timeline } from './types.js';

/** A plan as built from one commit's file. */
export interface PlanSnapshot {
  commit: HistoryCommit;
  plan: Plan;
}

/** A timeline being built: what it holds so far and the last revision it read. */
export interface TimelineState {
  timeline: Timeline;
  /** The last revision and, per item of it, the position of its timeline in `timeline.items`. */
  last: { revision: PlanRevision; itemAt: number[] } | null;
  /** Position of each key's timeline; rebuilt from the timeline when absent (never serialised). */
  keys?: Map<string, number>;
  /** Matching work kept between revisions (never serialised). */
  matchCache?: MatchCache;
}

export function emptyTimeline(): TimelineState {
  return { timeline: { commits: [], items: [] }, last: null };
}

/** The timeline of plans built from successive commits, oldest first. */
export function buildTimeline(snapshots: readonly PlanSnapshot[]): Timeline {
  return buildTimelineFromRevisions(snapshots.map((snapshot) => ({ commit: snapshot.commit, revision: summarizeRevision(snapshot.plan) })));
}

/** The timeline of revisions, oldest first, continuing `state` when given (it is updated). */
export function buildTimelineFromRevisions(snapshots: readonly RevisionSnapshot[], state: TimelineState = emptyTimeline()): Timeline {
  for (const snapshot of snapshots) advanceTimeline(state, snapshot);
  return state.timeline;
}

/** Adds one revision to a timeline being built. */
export function advanceTimeline(state: TimelineState, snapshot: RevisionSnapshot): void {
  state.keys ??= keyIndex(state.timeline);
  advance(state, snapshot, state.keys);
}

function keyIndex(timeline: Timeline): Map<string, number> {
  const keys = new Map<string, number>();
  timeline.items.forEach((item, k) => keys.set(item.key, k));
  return keys;
}

function advance(state: TimelineState, snapshot: RevisionSnapshot, keys: Map<string, number>): void {
  const { timeline } = state;
  const { commit, revision } = snapshot;
  timeline.commits.push(commit);
  const origin: EventOrigin = { commit: commit.hash, date: commit.date, author: commit.author };
  const last = state.last;
  // The same parsed revision again (a rename, a merge that kept the file): nothing changed.
  if (last && last.revision === revision) return;

  const next = revision.items;
  const itemAt = new Array<number>(next.length);
  const match = last ? matchRevisions(last.revision.items, next, (state.matchCache ??= newMatchCache())) : null;
  const kept = new Uint8Array(last ? last.revision.items.length : 0);

  next.forEach((item, j) => {
    const i = match ? match.previousOf[j] : -1;
    if (i >= 0 && last) {
      kept[i] = 1;
      const k = last.itemAt[i];
      itemAt[j] = k;
      // An item object shared with the previous revision (a part not parsed again) has not changed.
      if (last.revision.items[i] !== item) recordChanges(timeline.items[k], last.revision.items[i], item, origin, match?.matchedBy[j] ?? 'id');
      return;
    }
    itemAt[j] = addItem(timeline, keys, item, origin);
  });
  if (last) {
    last.revision.items.forEach((item, i) => {
      if (kept[i]) return;
      const entry = timeline.items[last.itemAt[i]];
      entry.present = false;
      entry.events.push({ type: 'removed', ...origin, status: item.status, points: item.points });
    });
  }
  state.last = { revision, itemAt };
}

/** A new item, or one with a written id coming back after it was removed. */
function addItem(timeline: Timeline, keys: Map<string, number>, item: RevisionItem, origin: EventOrigin): number {
  const returning = item.derived ? undefined : keys.get(item.id);
  let k: number;
  if (returning !== undefined && !timeline.items[returning].present) {
    k = returning;
    const entry = timeline.items[k];
    Object.assign(entry, { id: item.id, title: item.title, kind: item.kind, status: item.status, points: item.points, counted: item.counted, present: true });
  } else {
    let key = item.id;
    for (let n = 2; keys.has(key); n++) key = `${item.id}@${n}`;
    k = timeline.items.length;
    keys.set(key, k);
    timeline.items.push({
      key,
      id: item.id,
      title: item.title,
      kind: item.kind,
      status: item.status,
      points: item.points,
      counted: item.counted,
      present: true,
      events: [],
    });
  }
  timeline.items[k].events.push({ type: 'added', ...origin, status: item.status, points: item.points });
  return k;
}

function recordChanges(entry: ItemTimeline, before: RevisionItem, after: RevisionItem, origin: EventOrigin, matchedBy: 'id' | 'title'): void {
  if (before.id !== after.id || before.title !== after.title) {
    entry.events.push({ type: 'renamed', ...origin, fromId: before.id, toId: after.id, fromTitle: before.title, toTitle: after.title, matchedBy });
  }
  if (before.points !== after.points) entry.events.push({ type: 'points', ...origin, from: before.points, to: after.points });
  if (before.status !== after.status) entry.events.push({ type: 'status', ...origin, from: before.status, to: after.status });
  entry.id = after.id;
  entry.title = after.title;
  entry.kind = after.kind;
  entry.status = after.status;
  entry.points = after.points;
  entry.counted = after.counted;
}
