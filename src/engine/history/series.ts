// Turns a timeline into per-item state series, the form every history metric reads. Commit dates
// are made non-decreasing in commit order (a commit dated before its parent, from a skewed clock
// or a rebase, counts at its parent's time), so states never go back in time.

import { toTime } from './dates.js';
import type { ItemSeries, ItemState, Timeline, TimelineEvent } from './types.js';

/** When each event counts (epoch ms): its commit's date, never before an earlier commit's. */
export function eventTimes(timeline: Timeline): (event: TimelineEvent) => number {
  const timeOf = new Map<string, number>();
  let latest = -Infinity;
  for (const commit of timeline.commits) {
    latest = Math.max(latest, toTime(commit.date, 'commit date'));
    if (!timeOf.has(commit.hash)) timeOf.set(commit.hash, latest);
  }
  return (event) => timeOf.get(event.commit) ?? toTime(event.date, 'event date');
}

export function seriesFromTimeline(timeline: Timeline): ItemSeries[] {
  const timeOf = eventTimes(timeline);
  return timeline.items.map((item) => {
    const states: ItemState[] = [];
    let current: ItemState | null = null;
    for (const event of item.events) {
      const at = timeOf(event);
      let next: ItemState;
      if (event.type === 'added') next = { at, present: true, status: event.status, points: event.points };
      else if (event.type === 'removed') next = { at, present: false, status: event.status, points: event.points };
      else if (!current) continue;
      else if (event.type === 'status') next = { ...current, at, status: event.to };
      else if (event.type === 'points') next = { ...current, at, points: event.to };
      else continue;
      // Several events of one commit make one state.
      if (current && states.length > 0 && states[states.length - 1].at === at) states[states.length - 1] = next;
      else states.push(next);
      current = next;
    }
    return { key: item.key, id: item.id, title: item.title, counted: item.counted, states };
  });
}
