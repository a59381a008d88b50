// Burndown and burnup over working days (Monday to Friday, UTC). Each day's value is read at the
// end of that day, so a change made on a weekend shows on the following Monday. The burndown's
// commitment is what remained at the start of the first day plus the work added (less the work
// dropped) during that day, sprint planning day, and its ideal line falls from the commitment
// to zero by the end of the last day in equal steps. From the second day on, scope added and
// removed are their own series: per day, how much remaining work appeared or went away other
// than by being done (items added or removed, re-estimated, deferred or cancelled;
// re-estimating done work changes nothing left), so that
// remaining[d] = remaining[d-1] + scopeAdded[d] - scopeRemoved[d] - completed[d].

import { ScrumdownError } from '../../errors.js';
import { DAY_MS, dayNumber, dayText, isWorkingDay, weekday } from './dates.js';
import { isShelved } from '../model.js';
import { defaultMeasure, doneValue, scopeValue, stateBefore, weight } from './measure.js';
import type { DateInput, ItemSeries, ItemState, Measure } from './types.js';

export interface ChartRange {
  /** First and last day, inclusive. */
  from: DateInput;
  to: DateInput;
  /** Points or items; default: points when any item has points. */
  measure?: Measure;
  /** Weekdays worked (0 Sunday … 6 Saturday); default Monday to Friday. */
  weekdays?: readonly number[];
  /**
   * A commitment frozen elsewhere (a started sprint's): the ideal line falls from it, and the
   * first day's scope changes stay in their series instead of joining the commitment.
   */
  commitment?: number;
}

export interface Burndown {
  measure: Measure;
  /** Working days, `YYYY-MM-DD`. */
  days: string[];
  /** What remained at the start of the first day, with the first day's scope changes. */
  commitment: number;
  /** Remaining at the end of each day. */
  remaining: number[];
  ideal: number[];
  /** Done during each day (negative when done work was reopened). */
  completed: number[];
  scopeAdded: number[];
  scopeRemoved: number[];
}

export interface Burnup {
  measure: Measure;
  days: string[];
  /** Total scope (done work included) at the end of each day. */
  scope: number[];
  /** Done at the end of each day. */
  completed: number[];
}

/** Working days between two dates, inclusive, as UTC day numbers. */
export function workingDays(from: DateInput, to: DateInput, weekdays?: readonly number[]): number[] {
  const first = dayNumber(from, 'from');
  const last = dayNumber(to, 'to');
  if (last < first) {
    throw new ScrumdownError('invalid_argument', `The range ends (${dayText(last)}) before it starts (${dayText(first)}). Give --from before --to.`, {
      from,
      to,
    });
  }
  if (last - first > 3660) throw new ScrumdownError('invalid_argument', `The range ${dayText(first)} to ${dayText(last)} is longer than ten years; choose a shorter one.`, { from, to });
  const days: number[] = [];
  for (let day = first; day <= last; day++) if (weekdays ? weekdays.includes(weekday(day)) : isWorkingDay(day)) days.push(day);
  return days;
}

function remainingValue(item: ItemSeries, state: ItemState | null, measure: Measure): number {
  return scopeValue(item, state, measure) - doneValue(item, state, measure);
}

/**
 * Remaining work that was done between two states of an item that stayed in scope: what
 * remained when it was finished, or minus what came back when done work was reopened.
 */
function completedBetween(item: ItemSeries, before: ItemState | null, after: ItemState | null, measure: Measure): number {
  if (!before || !after) return 0;
  const inScope = (state: ItemState): boolean => state.present && !isShelved(state.status);
  if (!inScope(before) || !inScope(after)) return 0;
  const wasDone = before.status === 'done';
  const isDone = after.status === 'done';
  if (!wasDone && isDone) return weight(item, before, measure);
  if (wasDone && !isDone) return -weight(item, after, measure);
  return 0;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function burndown(series: readonly ItemSeries[], range: ChartRange): Burndown {
  const measure = range.measure ?? defaultMeasure(series);
  const days = workingDays(range.from, range.to, range.weekdays);
  const start = dayNumber(range.from, 'from') * DAY_MS;
  const n = days.length;
  const remaining = new Array<number>(n).fill(0);
  const completed = new Array<number>(n).fill(0);
  const scopeAdded = new Array<number>(n).fill(0);
  const scopeRemoved = new Array<number>(n).fill(0);
  let commitment = 0;
  for (const item of series) {
    let before = stateBefore(item, start);
    commitment += remainingValue(item, before, measure);
    days.forEach((day, d) => {
      const after = stateBefore(item, (day + 1) * DAY_MS);
      const left = remainingValue(item, after, measure);
      remaining[d] += left;
      if (after === before) return;
      const change = left - remainingValue(item, before, measure);
      const done = completedBetween(item, before, after, measure);
      // What remaining work changed by, other than by being done, is a scope change.
      const scope = change + done;
      if (scope > 0) scopeAdded[d] += scope;
      else if (scope < 0) scopeRemoved[d] -= scope;
      completed[d] += done;
      before = after;
    });
  }
  // The first day is planning day: work added or dropped on it is part of the commitment,
  // unless the commitment was frozen when the sprint started.
  if (range.commitment !== undefined) commitment = range.commitment;
  else if (n > 0) {
    commitment += scopeAdded[0] - scopeRemoved[0];
    scopeAdded[0] = 0;
    scopeRemoved[0] = 0;
  }
  const ideal = days.map((_, d) => round((commitment * (n - 1 - d)) / n));
  return {
    measure,
    days: days.map(dayText),
    commitment: round(commitment),
    remaining: remaining.map(round),
    ideal,
    completed: completed.map(round),
    scopeAdded: scopeAdded.map(round),
    scopeRemoved: scopeRemoved.map(round),
  };
}

export function burnup(series: readonly ItemSeries[], range: ChartRange): Burnup {
  const measure = range.measure ?? defaultMeasure(series);
  const days = workingDays(range.from, range.to, range.weekdays);
  const scope = new Array<number>(days.length).fill(0);
  const completed = new Array<number>(days.length).fill(0);
  for (const item of series) {
    days.forEach((day, d) => {
      const state = stateBefore(item, (day + 1) * DAY_MS);
      scope[d] += scopeValue(item, state, measure);
      completed[d] += doneValue(item, state, measure);
    });
  }
  return { measure, days: days.map(dayText), scope: scope.map(round), completed: completed.map(round) };
}
