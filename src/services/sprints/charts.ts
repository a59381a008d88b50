// Sprint and project charts from the database, through the history engine: burndown and burnup of
// a sprint (its items while they were in it; the ideal line pinned to the frozen commitment),
// velocity of the last seven closed sprints, cumulative flow and cycle time of the project, and
// the Monte Carlo forecast of the sprints and dates left.

import type { Kysely } from 'kysely';
import { forecast, planVelocity, remainingPoints } from '../../engine/analyze/index.js';
import type { Forecast } from '../../engine/analyze/index.js';
import { burndown, burnup, cumulativeFlow, cycleTimes, dayText, defaultMeasure, DAY_MS, dayNumber, throughput, velocity, weeklyPeriods } from '../../engine/history/index.js';
import type { Burndown, Burnup, CumulativeFlow, CycleTimeReport, ItemSeries, Velocity } from '../../engine/history/index.js';
import type { Database } from '../../store/schema.js';
import { projectDocuments } from '../documents/read.js';
import { randomSeed } from '../sprint.js';
import { addWorkingDays, checkDay, checkRange, MONDAY_TO_FRIDAY, sprintDays, todayOf } from './dates.js';
import { computeSprintReport } from './report.js';
import type { SprintReport } from './report.js';
import { itemSeries, lifeOf, loadItemFacts, refKey } from './series.js';
import type { Presence } from './series.js';
import { weekdaysOf } from './service.js';
import { findSprintRow, sprintItemRows, sprintRows } from './store.js';
import type { SprintRow } from './store.js';

type Db = Kysely<Database>;

/**
 * The sprint's items as series, present while they were in the sprint (and in the plan, when its
 * history says when they were added or removed). Items of the commitment count from before the
 * first day; items added later count from when they were added (not before the first day, so
 * that an addition before it still shows as added scope).
 */
export async function sprintSeries(db: Db, row: SprintRow): Promise<ItemSeries[]> {
  const stays = await sprintItemRows(db, [row.id]);
  const facts = await loadItemFacts(db, row.project_id, stays.map((s) => ({ documentId: s.document_id, itemId: s.item_id })));
  const firstDay = dayNumber(row.start_date) * DAY_MS;
  const presence = new Map<string, Presence[]>();
  for (const stay of stays) {
    const key = refKey({ documentId: stay.document_id, itemId: stay.item_id });
    const planned = row.state === 'planned' || Number(stay.committed) === 1;
    const start = planned ? 0 : Math.max(Date.parse(stay.added_at), firstDay);
    const end = stay.removed_at === null ? null : Math.max(Date.parse(stay.removed_at), start);
    presence.set(key, [...(presence.get(key) ?? []), { start, end }]);
  }
  const series: ItemSeries[] = [];
  for (const [key, spans] of presence) {
    const fact = facts.get(key);
    // An item the history says was added or removed counts only while it was in the plan too.
    if (fact) series.push(itemSeries(fact, fact.life.length > 0 ? overlap(spans, lifeOf(fact, 0)) : spans));
  }
  return series;
}

/** The times both lists of spans cover. */
function overlap(a: readonly Presence[], b: readonly Presence[]): Presence[] {
  const spans: Presence[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = x.end === null ? y.end : y.end === null ? x.end : Math.min(x.end, y.end);
      if (end === null || end > start) spans.push({ start, end });
    }
  }
  return spans.sort((p, q) => p.start - q.start);
}

export interface SprintChart<T> {
  sprint: { number: number; name: string; startDate: string; endDate: string; state: string; committedPoints: number | null };
  chart: T;
}

function sprintHead(row: SprintRow): SprintChart<unknown>['sprint'] {
  return { number: Number(row.number), name: row.name, startDate: row.start_date, endDate: row.end_date, state: row.state, committedPoints: row.committed_points === null ? null : Number(row.committed_points) };
}

export async function sprintBurndown(db: Db, projectId: string, ref: string): Promise<SprintChart<Burndown>> {
  const row = await findSprintRow(db, projectId, ref);
  const series = await sprintSeries(db, row);
  const measure = defaultMeasure(series);
  const frozen = measure === 'points' ? row.committed_points : row.committed_items;
  const chart = burndown(series, {
    from: row.start_date,
    to: row.end_date,
    weekdays: weekdaysOf(row),
    measure,
    commitment: row.started_at !== null && frozen !== null ? Number(frozen) : undefined,
  });
  return { sprint: sprintHead(row), chart };
}

export async function sprintBurnup(db: Db, projectId: string, ref: string): Promise<SprintChart<Burnup>> {
  const row = await findSprintRow(db, projectId, ref);
  const series = await sprintSeries(db, row);
  return { sprint: sprintHead(row), chart: burnup(series, { from: row.start_date, to: row.end_date, weekdays: weekdaysOf(row) }) };
}

/** The report as it stood at close, or as it stands now. */
export async function sprintReportOf(db: Db, projectId: string, ref: string, now: Date): Promise<SprintReport> {
  const row = await findSprintRow(db, projectId, ref);
  if (row.close_report) return JSON.parse(row.close_report) as SprintReport;
  return computeSprintReport(db, row, now);
}

export interface VelocityEntry {
  number: number;
  name: string;
  startDate: string;
  endDate: string;
  committed: number;
  completed: number;
}

export interface ProjectVelocity {
  /** The last seven closed sprints, oldest first. */
  sprints: VelocityEntry[];
  averageCompleted: number | null;
  averageCommitted: number | null;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e6) / 1e6;
}

export async function projectVelocity(db: Db, projectId: string, last = 7): Promise<ProjectVelocity> {
  const closed = (await sprintRows(db, projectId)).filter((row) => row.state === 'closed' && row.close_report !== null);
  const sprints = closed.slice(-last).map((row) => {
    const report = JSON.parse(row.close_report as string) as SprintReport;
    return { number: Number(row.number), name: row.name, startDate: row.start_date, endDate: row.end_date, committed: report.totals.committedPoints, completed: report.totals.completedPoints };
  });
  return { sprints, averageCompleted: mean(sprints.map((s) => s.completed)), averageCommitted: mean(sprints.map((s) => s.committed)) };
}

/**
 * Every item of the project as a series, present while it was in the plan: from when it was added
 * (the first commit of a pushed history, or the upload that added it), else from when its
 * document came in; with `existedBefore`, an item with no added row is present from the start of
 * time, so that work already done when the plan was uploaded does not count as completed in the
 * upload's week (velocity, throughput).
 */
export async function projectSeries(db: Db, projectId: string, options: { existedBefore?: boolean } = {}): Promise<ItemSeries[]> {
  const facts = await loadItemFacts(db, projectId);
  return [...facts.values()].map((fact) => itemSeries(fact, lifeOf(fact, options.existedBefore ? 0 : fact.since)));
}

export interface WeeklyVelocity {
  from: string;
  to: string;
  /** Points done per ISO week (items, when the project's plans carry no points). */
  velocity: Velocity;
  /** Actionable items done per ISO week. */
  throughput: Velocity;
}

/**
 * Work done per Monday-to-Sunday week, sprints or not, by the rule the git history and the
 * monthly report use: the net change of done work over the week, so an item reopened later takes
 * its points back in the week it reopened. Work already done when a plan was uploaded counts in
 * no week.
 */
export async function projectWeeklyVelocity(db: Db, projectId: string, range: { from?: string; to?: string }, now: Date): Promise<WeeklyVelocity> {
  const to = range.to === undefined ? todayOf(now) : checkDay(range.to, 'to', 'query');
  // Eight weeks unless asked otherwise: the week of `to` and the seven before it.
  const from = range.from ?? dayText(dayNumber(to) - 49);
  checkRange(from, to, ['from', 'to'], 'query', 'A chart covers');
  const series = await projectSeries(db, projectId, { existedBefore: true });
  const periods = weeklyPeriods(from, to);
  return { from, to, velocity: velocity(series, periods), throughput: throughput(series, periods) };
}

export async function projectFlow(db: Db, projectId: string, range: { from: string; to: string }): Promise<CumulativeFlow> {
  checkRange(range.from, range.to, ['from', 'to'], 'query', 'A chart covers');
  return cumulativeFlow(await projectSeries(db, projectId), range);
}

export async function projectCycleTime(db: Db, projectId: string, range: { from?: string; to?: string } = {}): Promise<CycleTimeReport> {
  if (range.from !== undefined && range.to !== undefined) checkRange(range.from, range.to, ['from', 'to'], 'query', 'A chart covers');
  return cycleTimes(await projectSeries(db, projectId), range);
}

export interface ProjectForecast {
  remainingPoints: number;
  /** closed-sprints (this server's history), or what the plan declares. */
  basis: string;
  velocities: number[];
  seed: number;
  trials: number;
  sprintLength: number;
  p50: number | null;
  p85: number | null;
  p95: number | null;
  /** The last working day of the sprint that finishes at each confidence. */
  dates: { p50: string | null; p85: string | null; p95: string | null };
  reason?: string;
  distribution: Forecast['distribution'];
}

export async function projectSprintForecast(db: Db, projectId: string, options: { seed?: number; now: Date; trials?: number }): Promise<ProjectForecast> {
  const seed = options.seed ?? randomSeed();
  const documents = await projectDocuments(db, projectId);
  const remaining = documents.reduce((total, document) => total + remainingPoints(document.plan, document.index), 0);
  const rows = await sprintRows(db, projectId);
  const history = await projectVelocity(db, projectId);
  let velocities = history.sprints.map((s) => s.completed);
  let basis = 'closed-sprints';
  if (velocities.length === 0) {
    for (const document of documents) {
      const declared = planVelocity(document.plan, document.index);
      velocities.push(...declared.values);
    }
    basis = 'plan-velocity';
  }
  if (velocities.length === 0) {
    velocities = rows.map((row) => row.capacity_points).filter((v): v is number => v !== null).map(Number);
    for (const document of documents) velocities.push(...document.plan.sprints.map((s) => s.capacityPoints?.number).filter((v): v is number => v !== undefined));
    basis = 'declared-capacity';
  }
  const result = forecast(remaining, velocities, { seed, trials: options.trials ?? 10_000 });
  const latest = rows[rows.length - 1];
  const weekdays = latest ? weekdaysOf(latest) : [...MONDAY_TO_FRIDAY];
  const sprintLength = latest ? sprintDays(latest.start_date, latest.end_date, weekdays).length : 10;
  const today = todayOf(options.now);
  const dateOf = (sprints: number | null): string | null => (sprints === null ? null : sprints === 0 ? today : addWorkingDays(today, sprints * sprintLength, weekdays));
  return {
    remainingPoints: remaining,
    basis,
    velocities: result.velocities,
    seed,
    trials: result.trials,
    sprintLength,
    p50: result.p50,
    p85: result.p85,
    p95: result.p95,
    dates: { p50: dateOf(result.p50), p85: dateOf(result.p85), p95: dateOf(result.p95) },
    ...(result.reason ? { reason: result.reason } : {}),
    distribution: result.distribution,
  };
}
