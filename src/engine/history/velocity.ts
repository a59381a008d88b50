// Velocity (points done per period) and throughput (items done per period), for weeks or
// sprints. What a period completed is the net change of done work over it: an item done in the
// period counts there, and one reopened later takes its points back in the period it reopened.

import { ScrumdownError } from '../../errors.js';
import { DAY_MS, dayNumber, dayText, isoWeekName, mondayOf } from './dates.js';
import { defaultMeasure, doneValue, stateBefore } from './measure.js';
import type { DateInput, ItemSeries, Measure, Period } from './types.js';

export interface PeriodTotal extends Period {
  /** Net points (or items) done in the period. */
  value: number;
}

export interface Velocity {
  measure: Measure;
  periods: PeriodTotal[];
  /** Mean of the periods' values (null without periods). */
  average: number | null;
  median: number | null;
}

/** Monday-to-Sunday weeks covering two dates, named by ISO week (`2026-W02`). */
export function weeklyPeriods(from: DateInput, to: DateInput): Period[] {
  const first = mondayOf(dayNumber(from, 'from'));
  const last = dayNumber(to, 'to');
  if (last < first) return [];
  if (last - first > 3660) throw new ScrumdownError('invalid_argument', 'Weekly periods cover at most ten years; choose a shorter range.', { from, to });
  const periods: Period[] = [];
  for (let monday = first; monday <= last; monday += 7) periods.push({ name: isoWeekName(monday), start: dayText(monday), end: dayText(monday + 6) });
  return periods;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function completedIn(series: readonly ItemSeries[], periods: readonly Period[], measure: Measure): Velocity {
  const totals = periods.map((period) => {
    const start = dayNumber(period.start, 'period start') * DAY_MS;
    const end = (dayNumber(period.end, 'period end') + 1) * DAY_MS;
    let value = 0;
    for (const item of series) value += doneValue(item, stateBefore(item, end), measure) - doneValue(item, stateBefore(item, start), measure);
    return { ...period, value: round(value) };
  });
  const values = totals.map((total) => total.value);
  return {
    measure,
    periods: totals,
    average: values.length === 0 ? null : round(values.reduce((sum, v) => sum + v, 0) / values.length),
    median: median(values),
  };
}

/** Points (or, in a plan without points, items) completed per period. */
export function velocity(series: readonly ItemSeries[], periods: readonly Period[], measure: Measure = defaultMeasure(series)): Velocity {
  return completedIn(series, periods, measure);
}

/** Actionable items completed per period. */
export function throughput(series: readonly ItemSeries[], periods: readonly Period[]): Velocity {
  return completedIn(series, periods, 'items');
}
