// A timeline as recorded changes, one per field an event changed, the form a team server keeps
// item history in: each change is filed under the item's latest id and dated when the metrics
// count it (its commit's date, never before an earlier commit's). An item's coming and going are
// changes too: "added" carries its status and points when it appeared, "removed" when it left
// (both with its latest title), so a server can chart an item that is no longer in the plan.

import { eventTimes } from './series.js';
import type { Status } from '../model.js';
import type { Author, ItemTimeline, Timeline } from './types.js';

export type ChangeField = 'added' | 'removed' | 'status' | 'points' | 'id' | 'title';

export interface RecordedChange {
  itemId: string;
  field: ChangeField;
  from: string | null;
  to: string | null;
  /** ISO 8601 in UTC. */
  at: string;
  author: Author;
}

/** What "added" and "removed" changes carry, as JSON text. */
export interface ItemPresence {
  title: string;
  status: Status;
  points: number | null;
  counted: boolean;
}

function presence(item: ItemTimeline, status: Status, points: number | null): string {
  const value: ItemPresence = { title: item.title, status, points, counted: item.counted };
  return JSON.stringify(value);
}

function pointsText(points: number | null): string | null {
  return points === null ? null : String(points);
}

/** Every change of the timeline, item by item, oldest first within an item. */
export function timelineChanges(timeline: Timeline): RecordedChange[] {
  const timeOf = eventTimes(timeline);
  const changes: RecordedChange[] = [];
  for (const item of timeline.items) {
    for (const event of item.events) {
      const origin = { itemId: item.id, at: new Date(timeOf(event)).toISOString(), author: event.author };
      switch (event.type) {
        case 'added':
          changes.push({ ...origin, field: 'added', from: null, to: presence(item, event.status, event.points) });
          break;
        case 'removed':
          changes.push({ ...origin, field: 'removed', from: presence(item, event.status, event.points), to: null });
          break;
        case 'status':
          changes.push({ ...origin, field: 'status', from: event.from, to: event.to });
          break;
        case 'points':
          changes.push({ ...origin, field: 'points', from: pointsText(event.from), to: pointsText(event.to) });
          break;
        case 'renamed':
          if (event.fromId !== event.toId) changes.push({ ...origin, field: 'id', from: event.fromId, to: event.toId });
          if (event.fromTitle !== event.toTitle) changes.push({ ...origin, field: 'title', from: event.fromTitle, to: event.toTitle });
          break;
      }
    }
  }
  return changes;
}
