// Sprints against capacity and the team's pace: committed points against each sprint's
// capacity, hours per role against the role's capacity, velocity from the plan's history, and
// a seeded Monte Carlo forecast of the sprints left.

import type { Plan, PlanIndex, RoleCapacity, Sprint } from '../model.js';
import { measureTotal } from './rollup.js';

export interface RoleLoad {
  /** The role as the capacity table names it, or as the commitment wrote it when unmatched. */
  role: string;
  /** The names the commitments used for it ("DevOps", "devops"). */
  writtenAs: string[];
  hours: number;
  /** Hours the role has per sprint, when the plan says. */
  capacity?: number;
  overBy: number;
  overCapacity: boolean;
}

export interface SprintSummary {
  id: string;
  name: string;
  number?: number;
  line: number;
  /** Committed item ids. */
  items: string[];
  committed: number;
  capacity?: number;
  /** Committed minus capacity, when above it; else 0. */
  overBy: number;
  overCapacity: boolean;
  /** Points of committed items (not those carried over as continued) that are done. */
  done: number;
  roles: RoleLoad[];
  rolesOverCapacity: string[];
  /** Velocity the plan records for the sprint. */
  recordedVelocity?: number;
}

export type VelocitySource = 'history' | 'recorded' | 'closed-sprints' | 'none';

export interface Velocity {
  source: VelocitySource;
  /** Completed points per sprint, oldest first. */
  values: number[];
  sprints: string[];
  average: number | null;
  min: number | null;
  max: number | null;
  count: number;
}

export interface SprintReport {
  sprints: SprintSummary[];
  velocity: Velocity;
}

export interface ForecastStep {
  sprints: number;
  probability: number;
  /** Share of trials finished within this many sprints. */
  cumulative: number;
}

export interface Forecast {
  remainingPoints: number;
  trials: number;
  seed: number;
  /** The per-sprint velocities drawn from. */
  velocities: number[];
  /** Where the velocities came from, when the caller says (analyzePlan does). */
  basis?: VelocitySource | 'declared-capacity';
  /** Sprints left at 50 %, 85 % and 95 % confidence; null when there is nothing to go on. */
  p50: number | null;
  p85: number | null;
  p95: number | null;
  distribution: ForecastStep[];
  /** Why there is no forecast. */
  reason?: string;
}

function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/** The capacity row a role name refers to: same name, else same first word, else a prefix. */
export function matchRole(name: string, capacities: RoleCapacity[]): RoleCapacity | undefined {
  const wanted = words(name);
  if (wanted.length === 0) return undefined;
  const full = wanted.join(' ');
  const rows = capacities.map((row) => ({ row, w: words(row.role) })).filter((r) => r.w.length > 0);
  return (
    rows.find((r) => r.w.join(' ') === full)?.row ??
    rows.find((r) => r.w[0] === wanted[0])?.row ??
    rows.find((r) => r.w.join(' ').startsWith(full) || full.startsWith(r.w.join(' ')))?.row
  );
}

function roleLoads(sprint: Sprint, capacities: RoleCapacity[]): RoleLoad[] {
  const loads = new Map<string, RoleLoad>();
  for (const commitment of sprint.commitments) {
    for (const [written, hours] of Object.entries(commitment.hoursByRole)) {
      const row = matchRole(written, capacities);
      const key = row ? `capacity:${row.role}` : `written:${words(written).join(' ')}`;
      let load = loads.get(key);
      if (!load) {
        load = { role: row ? row.role : written, writtenAs: [], hours: 0, capacity: row?.hoursPerSprint, overBy: 0, overCapacity: false };
        loads.set(key, load);
      }
      if (!load.writtenAs.includes(written)) load.writtenAs.push(written);
      load.hours += hours;
    }
  }
  for (const load of loads.values()) {
    if (load.capacity !== undefined && load.hours > load.capacity) {
      load.overCapacity = true;
      load.overBy = load.hours - load.capacity;
    }
  }
  return [...loads.values()];
}

/** Points a sprint commits: written points, none for continued work, else the items' points. */
export function committedPoints(plan: Plan, index: PlanIndex, sprint: Sprint): number {
  let total = 0;
  for (const c of sprint.commitments) {
    if (c.points !== undefined) total += c.points;
    else if (!c.continued) total += measureTotal(plan, index, c.ids, 'points');
  }
  return total;
}

function summarise(plan: Plan, index: PlanIndex, sprint: Sprint): SprintSummary {
  const committed = committedPoints(plan, index, sprint);
  const capacity = sprint.capacityPoints?.number;
  const overBy = capacity !== undefined && committed > capacity ? committed - capacity : 0;
  const fresh = sprint.commitments.filter((c) => !c.continued).flatMap((c) => c.ids);
  const roles = roleLoads(sprint, plan.roleCapacity);
  return {
    id: sprint.id,
    name: sprint.name,
    number: sprint.number,
    line: sprint.line,
    items: sprint.items,
    committed,
    capacity,
    overBy,
    overCapacity: overBy > 0,
    done: measureTotal(plan, index, fresh, 'points', ['done']),
    roles,
    rolesOverCapacity: roles.filter((r) => r.overCapacity).map((r) => r.role),
    recordedVelocity: sprint.velocity?.number,
  };
}

function velocityOf(source: VelocitySource, values: number[], sprints: string[]): Velocity {
  const count = values.length;
  if (count === 0) return { source: 'none', values, sprints, average: null, min: null, max: null, count };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { source, values, sprints, average: sum / count, min, max, count };
}

/** Velocity from the history table, else the sprints' recorded velocity, else closed sprints. */
export function planVelocity(plan: Plan, index: PlanIndex): Velocity {
  if (plan.velocityHistory.length > 0) {
    return velocityOf(
      'history',
      plan.velocityHistory.map((e) => e.completed),
      plan.velocityHistory.map((e) => e.sprint),
    );
  }
  const recorded = plan.sprints.filter((s) => s.velocity !== undefined);
  if (recorded.length > 0) {
    return velocityOf(
      'recorded',
      recorded.map((s) => (s.velocity as { number: number }).number),
      recorded.map((s) => s.name),
    );
  }
  const closed = plan.sprints.filter(
    (s) => s.items.length > 0 && s.items.every((id) => index.byId.get(id)?.status === 'done'),
  );
  return velocityOf(
    'closed-sprints',
    closed.map((s) => measureTotal(plan, index, s.items, 'points', ['done'])),
    closed.map((s) => s.name),
  );
}

export function sprintReport(plan: Plan, index: PlanIndex): SprintReport {
  return {
    sprints: plan.sprints.map((sprint) => summarise(plan, index, sprint)),
    velocity: planVelocity(plan, index),
  };
}

/** mulberry32: a small, fast, seedable generator; the same seed gives the same forecast. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulations longer than this many sprints would only say "not in any useful horizon". */
const MAX_EXPECTED_SPRINTS = 10_000;

/**
 * Monte Carlo forecast of the sprints needed to burn `remainingPoints`: each trial draws a
 * past velocity per sprint (with replacement) until the points are gone.
 */
export function forecast(
  remainingPoints: number,
  velocities: number[],
  options: { seed: number; trials?: number },
): Forecast {
  const trials = Math.max(1, Math.floor(options.trials ?? 10_000));
  const usable = velocities.filter((v) => Number.isFinite(v) && v > 0);
  const base = { remainingPoints, trials, seed: options.seed, velocities: usable };
  const none = (reason: string): Forecast => ({ ...base, p50: null, p85: null, p95: null, distribution: [], reason });
  if (!Number.isFinite(remainingPoints)) return none('The remaining points are not a number.');
  if (remainingPoints <= 0) {
    return { ...base, p50: 0, p85: 0, p95: 0, distribution: [{ sprints: 0, probability: 1, cumulative: 1 }] };
  }
  if (usable.length === 0) {
    return none('No velocity to forecast from: record completed points per sprint (a velocity table or "Velocity: N points (actual)").');
  }
  const mean = usable.reduce((a, b) => a + b, 0) / usable.length;
  if (remainingPoints / mean > MAX_EXPECTED_SPRINTS) {
    return none(`At about ${Math.round(mean)} points a sprint, ${remainingPoints} points take over ${MAX_EXPECTED_SPRINTS} sprints.`);
  }
  const random = seededRandom(options.seed);
  const counts: number[] = [];
  for (let t = 0; t < trials; t++) {
    let left = remainingPoints;
    let sprints = 0;
    // A hair of tolerance so fractional velocities do not leave a rounding crumb.
    while (left > 1e-9) {
      left -= usable[Math.floor(random() * usable.length)];
      sprints++;
    }
    counts[sprints] = (counts[sprints] ?? 0) + 1;
  }
  const distribution: ForecastStep[] = [];
  let seen = 0;
  for (let sprints = 0; sprints < counts.length; sprints++) {
    const count = counts[sprints];
    if (!count) continue;
    seen += count;
    distribution.push({ sprints, probability: count / trials, cumulative: seen / trials });
  }
  // Nearest rank: the smallest sprint count that at least p of the trials finish within.
  const percentile = (p: number) => {
    const needed = Math.ceil(p * trials);
    let within = 0;
    for (let sprints = 0; sprints < counts.length; sprints++) {
      within += counts[sprints] ?? 0;
      if (within >= needed) return sprints;
    }
    return counts.length - 1;
  };
  return { ...base, p50: percentile(0.5), p85: percentile(0.85), p95: percentile(0.95), distribution };
}
