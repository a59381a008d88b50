// The history reports the CLI prints (and a server or MCP tool could serve): the plan as it is
// now with its history when git can give it, and burndown, velocity and cycle time read from
// that history. Ranges and sprints are resolved here; the arithmetic is the engine's.

import { ScrumdownError } from '../../errors.js';
import { burndown, burnup } from '../../engine/history/burndown.js';
import type { Burndown, Burnup } from '../../engine/history/burndown.js';
import { cycleTimes } from '../../engine/history/cycle-time.js';
import type { CycleTimeReport } from '../../engine/history/cycle-time.js';
import { dayText, dayNumber, toTime } from '../../engine/history/dates.js';
import { defaultMeasure } from '../../engine/history/measure.js';
import { timelineBetween } from '../../engine/history/query.js';
import { seriesFromTimeline } from '../../engine/history/series.js';
import { findSprint, sprintWindow } from '../../engine/history/sprint-window.js';
import type { SprintWindow } from '../../engine/history/sprint-window.js';
import type { ItemSeries, Measure, Period, Timeline } from '../../engine/history/types.js';
import { throughput, velocity, weeklyPeriods } from '../../engine/history/velocity.js';
import type { Velocity } from '../../engine/history/velocity.js';
import type { Plan } from '../../engine/model.js';
import { loadPlan } from '../plan-file.js';
import type { LoadedPlan } from '../plan-file.js';
import { readPlanHistory } from './read.js';
import type { HistoryOptions, PlanHistory } from './read.js';

export interface PlanWithHistory {
  current: LoadedPlan;
  /** Null when git could not give the history; `problem` says why. */
  history: PlanHistory | null;
  problem: ScrumdownError | null;
}

/** Loads the plan as it is now, and its history when git can give it. */
export async function loadPlanWithHistory(file: string, options: HistoryOptions = {}): Promise<PlanWithHistory> {
  const current = await loadPlan(file);
  try {
    return { current, history: await readPlanHistory(file, options), problem: null };
  } catch (error) {
    if (error instanceof ScrumdownError && error.code === 'git_error') return { current, history: null, problem: error };
    throw error;
  }
}

function firstDay(timeline: Timeline): string {
  return dayText(dayNumber(timeline.commits[0].date));
}

function lastDay(timeline: Timeline): string {
  return dayText(dayNumber(timeline.commits[timeline.commits.length - 1].date));
}

/** The timeline for `history --since/--until`. */
export function historyTimeline(history: PlanHistory, range: { since?: string; until?: string } = {}): Timeline {
  return timelineBetween(history.timeline, range.since, range.until);
}

export interface ChartRequest {
  from?: string;
  to?: string;
  sprint?: string;
  measure?: Measure;
}

export interface BurndownReport {
  file: string;
  from: string;
  to: string;
  /** Where the range came from. */
  source: 'options' | 'history' | SprintWindow['source'];
  sprint?: { id: string; name: string; items: string[] };
  burndown: Burndown;
  burnup: Burnup;
}

function sprintNames(plan: Plan): string {
  return plan.sprints.map((sprint) => `"${sprint.name}"`).join(', ');
}

/** Ids of the given items and everything below them in the current plan. */
function withDescendants(plan: Plan, ids: readonly string[]): Set<string> {
  const wanted = new Set(ids);
  // Parents come before their children in document order, so one pass finds every descendant.
  for (const item of plan.items) if (item.parent !== null && wanted.has(item.parent)) wanted.add(item.id);
  return wanted;
}

export function historyBurndown(history: PlanHistory, plan: Plan, request: ChartRequest): BurndownReport {
  let series: ItemSeries[] = seriesFromTimeline(history.timeline);
  const measure = request.measure ?? defaultMeasure(series);
  let from = request.from;
  let to = request.to;
  let source: BurndownReport['source'] = 'options';
  let sprintInfo: BurndownReport['sprint'];
  if (request.sprint !== undefined) {
    const sprint = findSprint(plan, request.sprint);
    if (!sprint) {
      const known = plan.sprints.length > 0 ? `The plan's sprints are: ${sprintNames(plan)}.` : 'The plan declares no sprints (headings such as "## Sprint 3 (2026-02-02 to 2026-02-13)").';
      throw new ScrumdownError('invalid_argument', `No sprint "${request.sprint}" in ${history.file}. ${known}`, { sprint: request.sprint });
    }
    const window = sprintWindow(sprint, plan, history.timeline.commits[0].date);
    if (!window && (from === undefined || to === undefined)) {
      throw new ScrumdownError(
        'invalid_argument',
        `Sprint "${sprint.name}" has no dates. Write them in its heading ("## ${sprint.name.replace(/\s*\(.*$/, '')} (2026-02-02 to 2026-02-13)", or "(Weeks 3-4)" with a "**Start Date:**" for the plan), or give --from and --to.`,
        { sprint: sprint.id },
      );
    }
    from ??= window?.start;
    to ??= window?.end;
    source = window && request.from === undefined && request.to === undefined ? window.source : 'options';
    const scope = withDescendants(plan, sprint.items);
    series = series.filter((item) => scope.has(item.id));
    sprintInfo = { id: sprint.id, name: sprint.name, items: sprint.items };
  }
  if (from === undefined || to === undefined) source = request.from === undefined && request.to === undefined ? 'history' : source;
  from ??= firstDay(history.timeline);
  to ??= lastDay(history.timeline);
  return {
    file: history.file,
    from: dayText(dayNumber(from, 'from')),
    to: dayText(dayNumber(to, 'to')),
    source,
    sprint: sprintInfo,
    burndown: burndown(series, { from, to, measure }),
    burnup: burnup(series, { from, to, measure }),
  };
}

export type VelocityPeriod = 'week' | 'sprint';

export interface VelocityReport {
  file: string;
  period: VelocityPeriod;
  velocity: Velocity;
  throughput: Velocity;
  /** Sprints left out because the plan gives them no dates. */
  undated: string[];
  windows?: SprintWindow[];
}

export function historyVelocity(history: PlanHistory, plan: Plan, period: VelocityPeriod, measure?: Measure): VelocityReport {
  const series = seriesFromTimeline(history.timeline);
  let periods: Period[];
  const undated: string[] = [];
  let windows: SprintWindow[] | undefined;
  if (period === 'sprint') {
    windows = [];
    for (const sprint of plan.sprints) {
      const window = sprintWindow(sprint, plan, history.timeline.commits[0].date);
      if (window) windows.push(window);
      else undated.push(sprint.name);
    }
    if (windows.length === 0) {
      const why = plan.sprints.length === 0 ? 'The plan declares no sprints.' : `None of its sprints has dates (${sprintNames(plan)}).`;
      throw new ScrumdownError(
        'invalid_argument',
        `${why} Give sprints dates in their headings ("## Sprint 1 (2026-01-05 to 2026-01-16)", or "(Weeks 1-2)" with a "**Start Date:**" for the plan), or use --period week.`,
        { period },
      );
    }
    periods = windows;
  } else {
    periods = weeklyPeriods(firstDay(history.timeline), lastDay(history.timeline));
  }
  return {
    file: history.file,
    period,
    velocity: velocity(series, periods, measure ?? defaultMeasure(series)),
    throughput: throughput(series, periods),
    undated,
    windows,
  };
}

export interface CycleTimeRequest {
  from?: string;
  to?: string;
}

export function historyCycleTime(history: PlanHistory, request: CycleTimeRequest = {}): CycleTimeReport & { file: string } {
  if (request.from !== undefined) toTime(request.from, 'from');
  if (request.to !== undefined) toTime(request.to, 'to');
  return { file: history.file, ...cycleTimes(seriesFromTimeline(history.timeline), request) };
}
