// What one item adds to a metric at a moment: its state then, and its value in points or items.
// Shared by burndown, burnup, velocity and cumulative flow so they agree on every number.

import { isShelved } from '../model.js';
import type { ItemSeries, ItemState, Measure } from './types.js';

/** The item's state in force just before `time` (states at `time` or later are not yet seen). */
export function stateBefore(series: ItemSeries, time: number): ItemState | null {
  const { states } = series;
  let low = 0;
  let high = states.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (states[mid].at < time) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? null : states[low - 1];
}

/** The item's weight: its points (0 without), or 1 for a counted item in item mode. */
export function weight(series: ItemSeries, state: ItemState, measure: Measure): number {
  if (measure === 'items') return series.counted ? 1 : 0;
  return state.points ?? 0;
}

/** Scope: present and neither deferred nor cancelled, done work included. */
export function scopeValue(series: ItemSeries, state: ItemState | null, measure: Measure): number {
  return state && state.present && !isShelved(state.status) ? weight(series, state, measure) : 0;
}

export function doneValue(series: ItemSeries, state: ItemState | null, measure: Measure): number {
  return state && state.present && state.status === 'done' ? weight(series, state, measure) : 0;
}

/** Points when any item ever had points, else items. */
export function defaultMeasure(series: readonly ItemSeries[]): Measure {
  for (const item of series) for (const state of item.states) if (state.points !== null && state.points > 0) return 'points';
  return 'items';
}
