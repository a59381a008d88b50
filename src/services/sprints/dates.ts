// Sprint calendar checks: whole UTC days as YYYY-MM-DD, weekdays worked, and the days of a sprint
// counted on them. Day arithmetic itself is the history engine's (dates.ts); this only checks
// what users send.

import { ScrumdownError } from '../../errors.js';
import { DAY_MS, dayNumber, dayText, weekday } from '../../engine/history/dates.js';

export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function badField(field: string, problem: string, message: string, where: 'body' | 'query' | 'path' = 'body'): ScrumdownError {
  return new ScrumdownError('validation_failed', message, { in: where, fields: [{ field, problem }] });
}

/** A YYYY-MM-DD that is a real day. */
export function checkDay(value: string, field: string, where: 'body' | 'query' = 'body'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDay(value)) {
    throw badField(field, 'not a date', `${field} must be a day written YYYY-MM-DD, e.g. 2026-11-23 (got ${JSON.stringify(value)}).`, where);
  }
  return value;
}

/** Whether a YYYY-MM-DD names a day of the calendar (not 2026-13-01 or 2026-02-30). */
function isRealDay(value: string): boolean {
  try {
    return dayText(dayNumber(value)) === value;
  } catch {
    return false;
  }
}

/** Start on or before end, at most a year apart (`longest` says what may not be longer). */
export function checkRange(start: string, end: string, fields: [string, string] = ['startDate', 'endDate'], where: 'body' | 'query' = 'body', longest = 'A sprint lasts'): void {
  checkDay(start, fields[0], where);
  checkDay(end, fields[1], where);
  if (end < start) {
    throw new ScrumdownError('validation_failed', `${fields[1]} (${end}) is before ${fields[0]} (${start}): give the dates in order.`, {
      in: where,
      fields: [{ field: fields[1], problem: `before ${fields[0]}` }],
    });
  }
  if (dayNumber(end) - dayNumber(start) > 366) throw badField(fields[1], 'too far', `${longest} at most a year; ${start} to ${end} is longer.`, where);
}

/** Weekdays as numbers 0–6 or names (mon, tue…); sorted, unique, at least one. */
export function checkWeekdays(values: ReadonlyArray<number | string>): number[] {
  const days = new Set<number>();
  for (const value of values) {
    const day = typeof value === 'number' ? value : WEEKDAY_NAMES.indexOf(value.trim().toLowerCase().slice(0, 3));
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw badField('workingDays', 'not a weekday', `workingDays lists weekdays as 0–6 (0 is Sunday) or names such as mon, tue (got ${JSON.stringify(value)}).`);
    }
    days.add(day);
  }
  if (days.size === 0) throw badField('workingDays', 'empty', 'workingDays needs at least one weekday, e.g. ["mon","tue","wed","thu","fri"].');
  return [...days].sort((a, b) => a - b);
}

/** The sprint's working days (YYYY-MM-DD) from start to end inclusive. */
export function sprintDays(start: string, end: string, weekdays: readonly number[]): string[] {
  const out: string[] = [];
  for (let day = dayNumber(start); day <= dayNumber(end); day++) if (weekdays.includes(weekday(day))) out.push(dayText(day));
  return out;
}

/** The day `count` working days after `from` (exclusive), on the given weekdays. */
export function addWorkingDays(from: string, count: number, weekdays: readonly number[]): string {
  let day = dayNumber(from);
  let left = count;
  while (left > 0) {
    day++;
    if (weekdays.includes(weekday(day))) left--;
  }
  return dayText(day);
}

export function todayOf(now: Date): string {
  return dayText(Math.floor(now.getTime() / DAY_MS));
}
