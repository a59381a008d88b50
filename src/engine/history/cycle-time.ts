// Cycle time: from when work on an item started to when it was done, in calendar days.
// Started is the first commit that shows the item in progress or in review. An item that went
// straight from open to done (most checkbox plans never mark work in progress) is measured
// from the first commit that showed it open, and flagged `start: 'opened'`, so a team can tell
// how much of the figure is lead time. Done is the last time the item became done, and it must
// still be done at the end. Items that were done when they first appeared have no known start
// and are only counted. Only actionable items count; parents roll up from them.

import { DAY_MS, rangeEnd, toTime } from './dates.js';
import type { DateInput, ItemSeries } from './types.js';
import { median, percentile } from './velocity.js';

export interface ItemCycleTime {
  key: string;
  id: string;
  title: string;
  /** ISO times of the start and of the finish. */
  started: string;
  finished: string;
  /** Calendar days between them (fractional). */
  days: number;
  start: 'in_progress' | 'opened';
}

export interface CycleTimeReport {
  items: ItemCycleTime[];
  /** Median and 85th percentile (nearest rank) in days; null without items. */
  median: number | null;
  p85: number | null;
  /** How many items were measured from in-progress and how many from first seen open. */
  fromInProgress: number;
  fromOpened: number;
  /** Done items that were already done when they first appeared. */
  unknownStart: number;
}

export interface CycleTimeOptions {
  /** Only items finished in this range (inclusive days or times). */
  from?: DateInput;
  to?: DateInput;
}

const STARTED = new Set(['in_progress', 'review']);
const OPEN = new Set(['todo', 'in_progress', 'review', 'blocked']);

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function cycleTimes(series: readonly ItemSeries[], options: CycleTimeOptions = {}): CycleTimeReport {
  const from = options.from === undefined ? -Infinity : toTime(options.from, 'from');
  const to = options.to === undefined ? Infinity : rangeEnd(options.to);
  const items: ItemCycleTime[] = [];
  let unknownStart = 0;
  for (const item of series) {
    const { states } = item;
    const last = states[states.length - 1];
    if (!item.counted || !last || !last.present || last.status !== 'done') continue;
    // The last time it became done.
    let doneAt = states.length - 1;
    while (doneAt > 0 && states[doneAt - 1].present && states[doneAt - 1].status === 'done') doneAt--;
    const finished = states[doneAt].at;
    if (finished < from || finished >= to) continue;
    let opened = -1;
    let started = -1;
    for (let s = 0; s < doneAt; s++) {
      const state = states[s];
      if (!state.present) continue;
      if (opened < 0 && OPEN.has(state.status)) opened = s;
      if (started < 0 && STARTED.has(state.status)) started = s;
    }
    if (opened < 0 && started < 0) {
      unknownStart++;
      continue;
    }
    const begin = started >= 0 ? started : opened;
    const at = states[begin].at;
    items.push({
      key: item.key,
      id: item.id,
      title: item.title,
      started: new Date(at).toISOString(),
      finished: new Date(finished).toISOString(),
      days: round((finished - at) / DAY_MS),
      start: started >= 0 ? 'in_progress' : 'opened',
    });
  }
  const days = items.map((entry) => entry.days);
  return {
    items,
    median: median(days),
    p85: percentile(days, 0.85),
    fromInProgress: items.filter((entry) => entry.start === 'in_progress').length,
    fromOpened: items.filter((entry) => entry.start === 'opened').length,
    unknownStart,
  };
}
