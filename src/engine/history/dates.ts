// Calendar arithmetic for history metrics, in whole UTC days. Dates come in as ISO text or epoch
// milliseconds; nothing here reads the clock.

import { ScrumdownError } from '../../errors.js';
import type { DateInput } from './types.js';

export const DAY_MS = 86_400_000;

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch milliseconds of a date input; a bare `YYYY-MM-DD` is that day's UTC midnight. */
export function toTime(value: DateInput, name = 'date'): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else {
    const text = value.trim();
    const time = DAY_ONLY.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
    if (Number.isFinite(time)) return time;
  }
  throw new ScrumdownError('invalid_argument', `${name} "${String(value)}" is not a date. Write it as YYYY-MM-DD (e.g. 2026-01-05) or an ISO date-time.`, {
    [name]: value,
  });
}

/** The UTC day number (days since 1970-01-01) a time falls on. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

export function dayNumber(value: DateInput, name?: string): number {
  return dayOf(toTime(value, name));
}

/** `YYYY-MM-DD` of a day number. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function isWorkingDay(day: number): boolean {
  const d = weekday(day);
  return d !== 0 && d !== 6;
}

/** The Monday of the week a day falls in. */
export function mondayOf(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** ISO week name of a day, e.g. `2026-W02`. */
export function isoWeekName(day: number): string {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstThursday = mondayOf(dayOf(Date.UTC(year, 0, 4))) + 3;
  const week = 1 + Math.floor((thursday - firstThursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The exclusive end of a range ending at `value`: a bare day includes the whole day. */
export function rangeEnd(value: DateInput, name = 'to'): number {
  const time = toTime(value, name);
  return typeof value === 'string' && DAY_ONLY.test(value.trim()) ? time + DAY_MS : time + 1;
}
