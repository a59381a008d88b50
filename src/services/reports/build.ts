// Builds the weekly summary (an ISO week, per person and for the team) and the monthly report
// (one row per week, velocity, throughput, cycle time, top blockers, sprint outcomes) from
// standups, item history and sprints. Velocity, throughput and cycle time are the history
// engine's, over the project's item series.

import type { Kysely } from 'kysely';
import { cycleTimes, dayNumber, dayText, isoWeekName, throughput, velocity, weeklyPeriods } from '../../engine/history/index.js';
import type { ItemSeries } from '../../engine/history/index.js';
import type { Database } from '../../store/schema.js';
import { listMembers } from '../../store/repositories/members.js';
import { projectSeries } from '../sprints/charts.js';
import { badField, todayOf } from '../sprints/dates.js';
import type { SprintReport } from '../sprints/report.js';
import { itemSeries, loadItemFacts, refKey, stateAt } from '../sprints/series.js';
import { openBlockers, standupsBetween } from '../standups/index.js';
import type { StandupView } from '../standups/index.js';
import type { BlockerLine, MonthlyReport, PersonWeek, WeeklyReport } from './model.js';

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;
const WORKDAYS_A_WEEK = 5;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function averageMood(entries: StandupView[]): number | null {
  const moods = entries.map((e) => e.mood).filter((m): m is number => m !== null);
  return moods.length === 0 ? null : round2(moods.reduce((a, b) => a + b, 0) / moods.length);
}

/** The Monday of an ISO week written `2026-W47`. */
export function weekStart(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (match) {
    const jan4 = dayNumber(`${match[1]}-01-04`);
    const monday = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + (Number(match[2]) - 1) * 7;
    if (Number(match[2]) >= 1 && isoWeekName(monday) === week) return dayText(monday);
  }
  throw badField('week', 'not an ISO week', `week must be an ISO week such as 2026-W47 (got ${JSON.stringify(week)}).`, 'query');
}

export function monthRange(month: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw badField('month', 'not a month', `month must be written YYYY-MM, e.g. 2026-11 (got ${JSON.stringify(month)}).`, 'query');
  const first = Date.UTC(Number(match[1]), m - 1, 1);
  const last = Date.UTC(Number(match[1]), m, 0);
  return { from: dayText(first / DAY_MS), to: dayText(last / DAY_MS) };
}

/** Items each person marked done in a range (their points then), from the history rows. */
async function doneBy(db: Db, projectId: string, from: string, to: string): Promise<Map<string, { items: number; points: number }>> {
  const rows = await db
    .selectFrom('item_history')
    .select(['document_id', 'item_id', 'user_id', 'at'])
    .where('project_id', '=', projectId)
    .where('field', '=', 'status')
    .where('to_value', '=', 'done')
    .where('at', '>=', `${from}T00:00:00.000Z`)
    .where('at', '<', `${dayText(dayNumber(to) + 1)}T00:00:00.000Z`)
    .execute();
  const facts = await loadItemFacts(db, projectId, rows.map((r) => ({ documentId: r.document_id, itemId: r.item_id })));
  const out = new Map<string, { items: number; points: number }>();
  for (const row of rows) {
    if (row.user_id === null) continue;
    const fact = facts.get(refKey({ documentId: row.document_id, itemId: row.item_id }));
    const points = fact ? (stateAt(itemSeries(fact), Date.parse(row.at))?.points ?? 0) : 0;
    const entry = out.get(row.user_id) ?? { items: 0, points: 0 };
    entry.items += 1;
    entry.points = round2(entry.points + points);
    out.set(row.user_id, entry);
  }
  return out;
}

/** Members who take part in standups (owners and members) and anyone who wrote an entry. */
async function people(db: Db, projectId: string, entries: StandupView[]): Promise<Array<{ id: string; name: string }>> {
  const members = (await listMembers(db, projectId)).filter((m) => m.role !== 'viewer').map((m) => ({ id: m.user_id, name: m.name }));
  for (const entry of entries) if (!members.some((m) => m.id === entry.user.id)) members.push({ id: entry.user.id, name: entry.user.name });
  return members.sort((a, b) => a.name.localeCompare(b.name));
}

function completedIn(series: ItemSeries[], from: string, to: string): { points: number; items: number } {
  const period = [{ name: 'range', start: from, end: to }];
  return { points: velocity(series, period, 'points').periods[0].value, items: throughput(series, period).periods[0].value };
}

export async function weeklyReport(db: Db, project: { id: string; name: string }, week: string, now: Date): Promise<WeeklyReport> {
  const from = weekStart(week);
  const to = dayText(dayNumber(from) + 6);
  const entries = await standupsBetween(db, project.id, from, to);
  const team = await people(db, project.id, entries);
  const done = await doneBy(db, project.id, from, to);
  const completed = completedIn(await projectSeries(db, project.id, { existedBefore: true }), from, to);
  const asOf = todayOf(now) < to ? todayOf(now) : to;
  const blockers: BlockerLine[] = (await openBlockers(db, project.id, asOf))
    .filter((b) => b.daysOpen > 2)
    .map((b) => ({ person: b.user.name, day: b.day, blockers: b.blockers, daysOpen: b.daysOpen, resolved: false }));
  const personWeeks: PersonWeek[] = team.map((person) => {
    const own = entries.filter((e) => e.user.id === person.id);
    const finished = done.get(person.id) ?? { items: 0, points: 0 };
    return {
      userId: person.id,
      name: person.name,
      entries: own.length,
      participation: round2(Math.min(1, own.length / WORKDAYS_A_WEEK)),
      itemsCompleted: finished.items,
      pointsCompleted: finished.points,
      averageMood: averageMood(own),
    };
  });
  const mood = [0, 1, 2, 3, 4].map((offset) => {
    const day = dayText(dayNumber(from) + offset);
    return { day, average: averageMood(entries.filter((e) => e.day === day)) };
  });
  return {
    kind: 'weekly',
    project: project.name,
    week,
    from,
    to,
    team: {
      entries: entries.length,
      participation: team.length === 0 ? 0 : round2(Math.min(1, entries.length / (team.length * WORKDAYS_A_WEEK))),
      itemsCompleted: completed.items,
      pointsCompleted: completed.points,
      averageMood: averageMood(entries),
      blockersOpenOverTwoDays: blockers.length,
    },
    people: personWeeks,
    blockers,
    mood,
  };
}

export async function monthlyReport(db: Db, project: { id: string; name: string }, month: string, now: Date): Promise<MonthlyReport> {
  const { from, to } = monthRange(month);
  const series = await projectSeries(db, project.id);
  const done = await projectSeries(db, project.id, { existedBefore: true });
  const weeks = weeklyPeriods(from, to);
  const allEntries = await standupsBetween(db, project.id, weeks[0].start, weeks[weeks.length - 1].end);
  const team = await people(db, project.id, allEntries);
  const rows = weeks.map((week) => {
    const entries = allEntries.filter((e) => e.day >= week.start && e.day <= week.end);
    const completed = completedIn(done, week.start, week.end);
    return {
      week: week.name,
      from: week.start,
      to: week.end,
      entries: entries.length,
      participation: team.length === 0 ? 0 : round2(Math.min(1, entries.length / (team.length * WORKDAYS_A_WEEK))),
      pointsCompleted: completed.points,
      itemsCompleted: completed.items,
      cycleTimeMedian: cycleTimes(series, { from: week.start, to: week.end }).median,
      blockersRaised: entries.filter((e) => e.blockers !== '').length,
    };
  });
  const monthEntries = allEntries.filter((e) => e.day >= from && e.day <= to);
  const asOf = todayOf(now) < to ? todayOf(now) : to;
  const topBlockers = monthEntries
    .filter((e) => e.blockers !== '')
    .map((e) => {
      const end = e.blockerResolvedAt ? e.blockerResolvedAt.slice(0, 10) : asOf;
      return { person: e.user.name, day: e.day, blockers: e.blockers, daysOpen: Math.max(0, dayNumber(end) - dayNumber(e.day)), resolved: e.blockerResolvedAt !== null };
    })
    .sort((a, b) => b.daysOpen - a.daysOpen || a.day.localeCompare(b.day))
    .slice(0, 5);
  const month_ = completedIn(done, from, to);
  const cycle = cycleTimes(series, { from, to });
  const sprintRows = await db.selectFrom('sprints').selectAll().where('project_id', '=', project.id).where('end_date', '>=', from).where('end_date', '<=', to).orderBy('number').execute();
  return {
    kind: 'monthly',
    project: project.name,
    month,
    from,
    to,
    weeks: rows,
    totals: { velocity: month_.points, throughput: month_.items, cycleTimeMedian: cycle.median, cycleTimeP85: cycle.p85, entries: monthEntries.length },
    topBlockers,
    sprints: sprintRows.map((row) => ({
      number: Number(row.number),
      name: row.name,
      state: row.state,
      endDate: row.end_date,
      committed: row.committed_points === null ? null : Number(row.committed_points),
      completed: row.close_report ? (JSON.parse(row.close_report) as SprintReport).totals.completedPoints : null,
    })),
  };
}
