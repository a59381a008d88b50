// Sprints against capacity, velocity and a Monte Carlo forecast of the sprints left. The engine
// is pure, so the random seed is chosen here when the caller gives none, and reported back.

import { randomInt } from 'node:crypto';
import { analyzePlan, remainingPoints } from '../engine/analyze/index.js';
import type { Forecast, SprintSummary, Velocity } from '../engine/analyze/index.js';
import type { Plan, PlanIndex } from '../engine/model.js';

export interface SprintStatus {
  file: string;
  sprints: SprintSummary[];
  velocity: Velocity;
  remainingPoints: number;
  forecast: Forecast;
}

/** A fresh seed for a forecast nobody asked to reproduce. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

export function sprintStatus(path: string, plan: Plan, index: PlanIndex, options: { seed?: number } = {}): SprintStatus {
  const seed = options.seed ?? randomSeed();
  const analysis = analyzePlan(plan, { seed, index });
  return {
    file: path,
    sprints: analysis.sprints.sprints,
    velocity: analysis.velocity,
    remainingPoints: remainingPoints(plan, index),
    forecast: analysis.forecast,
  };
}
