// The shapes of a plan's history: the commits it was read from, each revision boiled down to
// what history needs, the timeline of every item, and the per-item state series the metrics
// read. Plain JSON-able data, so a timeline can be cached on disk or sent to a server as is.

import type { ItemKind, Status } from '../model.js';

export interface Author {
  name: string;
  email: string;
}

/** One commit that touched the plan file. */
export interface HistoryCommit {
  hash: string;
  /** When the commit landed (ISO 8601 with offset, as git prints `%cI`). */
  date: string;
  author: Author;
  /** The path the file had in this commit (it may have been renamed since). */
  path?: string;
  subject?: string;
}

/** An item of one revision, reduced to what the timeline compares. */
export interface RevisionItem {
  id: string;
  title: string;
  kind: ItemKind;
  status: Status;
  /** Points when the item carries them (no descendant has points), else null. */
  points: number | null;
  parent: string | null;
  /** Actionable (no child items besides checks): counted by item-count metrics. */
  counted: boolean;
  /** The id is derived from the outline position or the title, so it may shift. */
  derived: boolean;
}

/** A plan revision as history sees it: its items in document order (checks left out). */
export interface PlanRevision {
  items: RevisionItem[];
}

/** A revision of the plan with the commit it was read from. */
export interface RevisionSnapshot {
  commit: HistoryCommit;
  revision: PlanRevision;
}

/** What every timeline event carries: the commit that made the change, its date and author. */
export interface EventOrigin {
  commit: string;
  date: string;
  author: Author;
}

/** The item appeared: scope added. */
export interface AddedEvent extends EventOrigin {
  type: 'added';
  status: Status;
  points: number | null;
}

/** The item left the plan: scope removed. */
export interface RemovedEvent extends EventOrigin {
  type: 'removed';
  status: Status;
  points: number | null;
}

export interface StatusEvent extends EventOrigin {
  type: 'status';
  from: Status;
  to: Status;
}

export interface PointsEvent extends EventOrigin {
  type: 'points';
  from: number | null;
  to: number | null;
}

/** The item's id or title changed; `matchedBy` tells how the two revisions were paired. */
export interface RenamedEvent extends EventOrigin {
  type: 'renamed';
  fromId: string;
  toId: string;
  fromTitle: string;
  toTitle: string;
  matchedBy: 'id' | 'title';
}

export type TimelineEvent = AddedEvent | RemovedEvent | StatusEvent | PointsEvent | RenamedEvent;

/** One item's whole life in the history. */
export interface ItemTimeline {
  /** Identity across revisions: the id the item first had (`ID@2` when an earlier item used it). */
  key: string;
  /** Latest id, title, kind, status and points. */
  id: string;
  title: string;
  kind: ItemKind;
  status: Status;
  points: number | null;
  counted: boolean;
  /** False once the item has been removed (and not added back). */
  present: boolean;
  /** Oldest first. */
  events: TimelineEvent[];
}

export interface Timeline {
  /** Commits read, oldest first. */
  commits: HistoryCommit[];
  /** Items in the order they first appeared (document order within a commit). */
  items: ItemTimeline[];
}

/** An item's state from `at` (epoch ms) until the next state. */
export interface ItemState {
  at: number;
  present: boolean;
  status: Status;
  points: number | null;
}

/**
 * One item's life as the metrics read it. The timeline produces these, and so can any other
 * store of item history (the team server's), so every metric works from either.
 */
export interface ItemSeries {
  key: string;
  id: string;
  title: string;
  /** Counted by item-count metrics (actionable items). */
  counted: boolean;
  /** Oldest first; before the first state the item does not exist. */
  states: ItemState[];
}

/** A date as ISO text (`2026-01-05`, `2026-01-05T10:00:00Z`) or epoch milliseconds. */
export type DateInput = string | number;

/** What a metric adds up: story points, or actionable items (one each). */
export type Measure = 'points' | 'items';

/** A named stretch of time: a week or a sprint. `start` and `end` are whole UTC days, inclusive. */
export interface Period {
  name: string;
  start: string;
  end: string;
}
