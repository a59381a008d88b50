// Cumulative flow: per calendar day, how much of the plan sat in each status at the end of the
// day (present items only), in points or items.

import { STATUSES } from '../model.js';
import type { Status } from '../model.js';
import { DAY_MS, dayNumber, dayText } from './dates.js';
import { defaultMeasure, stateBefore, weight } from './measure.js';
import type { DateInput, ItemSeries, Measure } from './types.js';
import { ScrumdownError } from '../../errors.js';

export interface CumulativeFlow {
  measure: Measure;
  days: string[];
  byStatus: Record<Status, number[]>;
}

export function cumulativeFlow(series: readonly ItemSeries[], range: { from: DateInput; to: DateInput; measure?: Measure }): CumulativeFlow {
  const measure = range.measure ?? defaultMeasure(series);
  const first = dayNumber(range.from, 'from');
  const last = dayNumber(range.to, 'to');
  if (last < first || last - first > 3660) {
    throw new ScrumdownError('invalid_argument', `The range ${dayText(first)} to ${dayText(last)} is empty or longer than ten years.`, { from: range.from, to: range.to });
  }
  const days: string[] = [];
  const byStatus = {} as Record<Status, number[]>;
  for (const status of STATUSES) byStatus[status] = new Array<number>(last - first + 1).fill(0);
  for (let day = first; day <= last; day++) days.push(dayText(day));
  for (const item of series) {
    for (let day = first; day <= last; day++) {
      const state = stateBefore(item, (day + 1) * DAY_MS);
      if (state && state.present) byStatus[state.status][day - first] += weight(item, state, measure);
    }
  }
  return { measure, days, byStatus };
}
