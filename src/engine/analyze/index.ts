// The analysis layer in one call: roll-ups, the dependency graph, what to do next, sprints,
// velocity and a forecast, all computed from one Plan without I/O.

import { indexPlan } from '../model.js';
import type { Plan, PlanIndex, Status } from '../model.js';
import { dependencyGraph, type DependencyGraph } from './graph.js';
import { nextItems, type NextItem } from './next.js';
import { computeRollups, measureTotal, type Rollups } from './rollup.js';
import { forecast, planVelocity, sprintReport, type Forecast, type SprintReport, type Velocity } from './sprint.js';

export { computeRollups, emptyRollup, measureTotal } from './rollup.js';
export type { Measure, MeasureRollup, Rollup, Rollups } from './rollup.js';
export { dependencyGraph, findCycles } from './graph.js';
export type { CriticalPath, CriticalUnit, DependencyGraph } from './graph.js';
export { nextItems, priorityRank } from './next.js';
export type { NextItem, NextOptions } from './next.js';
export { committedPoints, forecast, matchRole, planVelocity, seededRandom, sprintReport } from './sprint.js';
export type { Forecast, ForecastStep, RoleLoad, SprintReport, SprintSummary, Velocity, VelocitySource } from './sprint.js';

export interface Analysis {
  rollups: Rollups;
  graph: DependencyGraph;
  /** Ready items, best first. */
  next: NextItem[];
  sprints: SprintReport;
  velocity: Velocity;
  /** Sprints left for the open points, from the velocity history, else declared capacity. */
  forecast: Forecast;
}

export interface AnalyzeOptions {
  /** Seed of the forecast's random draws; the same seed gives the same forecast. */
  seed?: number;
  trials?: number;
  index?: PlanIndex;
}

/** Statuses of work still to do: open and not shelved. */
const OPEN: Status[] = ['todo', 'in_progress', 'review', 'blocked'];

/** Points still to do across the whole plan, each counted once. */
export function remainingPoints(plan: Plan, index: PlanIndex): number {
  const roots = plan.items.filter((item) => item.parent === null || !index.byId.has(item.parent)).map((item) => item.id);
  return measureTotal(plan, index, roots, 'points', OPEN);
}

/**
 * Sprints left for the plan's open points: from the velocity the plan records (history table,
 * sprints' recorded velocity, or sprints whose work is all done), else from the sprints'
 * declared capacity, reported as basis 'declared-capacity'.
 */
export function forecastPlan(
  plan: Plan,
  index: PlanIndex,
  options: { seed?: number; trials?: number; velocity?: Velocity } = {},
): Forecast {
  const velocity = options.velocity ?? planVelocity(plan, index);
  const settings = { seed: options.seed ?? 1, trials: options.trials };
  const remaining = remainingPoints(plan, index);
  if (velocity.count > 0) return { ...forecast(remaining, velocity.values, settings), basis: velocity.source };
  const declared = plan.sprints.map((s) => s.capacityPoints?.number).filter((v): v is number => v !== undefined);
  return { ...forecast(remaining, declared, settings), basis: 'declared-capacity' };
}

export function analyzePlan(plan: Plan, options: AnalyzeOptions = {}): Analysis {
  const index = options.index ?? indexPlan(plan);
  const rollups = computeRollups(plan, index);
  const graph = dependencyGraph(plan, index);
  const next = nextItems(plan, index, graph);
  const sprints = sprintReport(plan, index);
  const velocity = sprints.velocity;
  const result = forecastPlan(plan, index, { seed: options.seed, trials: options.trials, velocity });
  return { rollups, graph, next, sprints, velocity, forecast: result };
}
