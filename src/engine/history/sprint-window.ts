// When a sprint ran, from what the plan says. The plan model keeps a sprint's heading text but
// no dates, so the window is read from that text, in this order:
//   1. two ISO dates in the heading: `## Sprint 3 (2026-02-02 to 2026-02-13)`;
//   2. weeks in the heading (`## Sprint 3 (Weeks 5-6)`) counted from the plan's start date
//      (a document field such as `**Start Date:** 2026-01-05`): week 1 starts on that day;
//   3. the same weeks counted from the Monday of the week of the plan's first commit.
// A sprint with neither dates nor weeks has no window.

import type { Plan, Sprint } from '../model.js';
import { dayNumber, dayText, mondayOf } from './dates.js';
import type { DateInput, Period } from './types.js';

export interface SprintWindow extends Period {
  sprintId: string;
  source: 'heading-dates' | 'weeks-from-start-date' | 'weeks-from-first-commit';
}

const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})\b/g;
const WEEKS = /\bweeks?\s+(\d+)(?:\s*(?:-|–|—|to|through)\s*(\d+))?/i;
const START_FIELDS = ['start date', 'project start', 'project start date', 'start', 'kickoff', 'kick-off'];

/** The plan's declared start day, when a document field gives one as an ISO date. */
export function planStartDay(plan: Plan): number | null {
  for (const key of START_FIELDS) {
    const field = plan.fields[key];
    const match = field ? /\b\d{4}-\d{2}-\d{2}\b/.exec(field.value) : null;
    if (match) {
      const day = safeDay(match[0]);
      if (day !== null) return day;
    }
  }
  return null;
}

function safeDay(text: string): number | null {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) ? Math.floor(time / 86_400_000) : null;
}

export function sprintWindow(sprint: Sprint, plan: Plan, firstCommitDate?: DateInput): SprintWindow | null {
  const dates = [...sprint.name.matchAll(ISO_DAY)].map((m) => safeDay(m[1])).filter((day): day is number => day !== null);
  if (dates.length >= 2) {
    const [start, end] = dates[0] <= dates[1] ? [dates[0], dates[1]] : [dates[1], dates[0]];
    return { sprintId: sprint.id, name: sprint.name, start: dayText(start), end: dayText(end), source: 'heading-dates' };
  }
  const weeks = WEEKS.exec(sprint.name);
  if (!weeks) return null;
  const first = Number(weeks[1]);
  const last = weeks[2] === undefined ? first : Number(weeks[2]);
  if (first < 1 || last < first || last > 520) return null;
  const declared = planStartDay(plan);
  const anchor = declared ?? (firstCommitDate === undefined ? null : mondayOf(dayNumber(firstCommitDate, 'first commit date')));
  if (anchor === null) return null;
  return {
    sprintId: sprint.id,
    name: sprint.name,
    start: dayText(anchor + (first - 1) * 7),
    end: dayText(anchor + last * 7 - 1),
    source: declared !== null ? 'weeks-from-start-date' : 'weeks-from-first-commit',
  };
}

/** The sprint a user named: its id (`sprint-3`), number (`3`), or name (case-insensitive, or its start). */
export function findSprint(plan: Plan, name: string): Sprint | undefined {
  const wanted = name.trim().toLowerCase();
  return (
    plan.sprints.find((sprint) => sprint.id.toLowerCase() === wanted) ??
    plan.sprints.find((sprint) => sprint.number !== undefined && (String(sprint.number) === wanted || `sprint ${sprint.number}` === wanted)) ??
    plan.sprints.find((sprint) => sprint.name.toLowerCase() === wanted) ??
    plan.sprints.find((sprint) => sprint.name.toLowerCase().startsWith(wanted))
  );
}
