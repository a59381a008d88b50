// Narrowing a timeline to a stretch of time, for `history --since/--until`: events outside the
// range are dropped, and items with no event left are left out.

import { rangeEnd, toTime } from './dates.js';
import type { DateInput, Timeline } from './types.js';

export function timelineBetween(timeline: Timeline, since?: DateInput, until?: DateInput): Timeline {
  const from = since === undefined ? -Infinity : toTime(since, 'since');
  const to = until === undefined ? Infinity : rangeEnd(until, 'until');
  const inRange = (date: string): boolean => {
    const time = Date.parse(date);
    return time >= from && time < to;
  };
  if (from === -Infinity && to === Infinity) return timeline;
  const items = [];
  for (const item of timeline.items) {
    const events = item.events.filter((event) => inRange(event.date));
    if (events.length > 0) items.push({ ...item, events });
  }
  return { commits: timeline.commits.filter((commit) => inRange(commit.date)), items };
}
