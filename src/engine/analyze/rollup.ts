// Progress roll-ups: how much of the plan, of each section and of each item's subtree is done,
// in items, checks, points and hours. Points and hours count only on "carriers" (an item with
// the measure and no descendant carrying it), so an epic's declared points never double-count
// its stories and story points never mix with task hours.

import { STATUSES, isActionable, isShelved } from '../model.js';
import type { Item, Plan, PlanIndex, Status } from '../model.js';

export interface MeasureRollup {
  /** Points (or hours) of done carriers. */
  done: number;
  /** Points (or hours) of every carrier that is not shelved (deferred, cancelled). */
  total: number;
  /** Points (or hours) of every carrier, shelved ones included, by status. */
  byStatus: Record<Status, number>;
}

export interface Rollup {
  /** Actionable items by status. */
  items: Record<Status, number>;
  /** Actionable items of every status, shelved ones included. */
  actionable: number;
  checks: { done: number; total: number };
  points: MeasureRollup;
  hours: MeasureRollup;
}

export interface Rollups {
  overall: Rollup;
  /** Per section id: items whose section is it or any section below it. */
  bySection: Map<string, Rollup>;
  /** Per item id: the item and everything below it. */
  byItem: Map<string, Rollup>;
}

export type Measure = 'points' | 'hours';

function byStatusZero(): Record<Status, number> {
  const record = {} as Record<Status, number>;
  for (const status of STATUSES) record[status] = 0;
  return record;
}

export function emptyRollup(): Rollup {
  return {
    items: byStatusZero(),
    actionable: 0,
    checks: { done: 0, total: 0 },
    points: { done: 0, total: 0, byStatus: byStatusZero() },
    hours: { done: 0, total: 0, byStatus: byStatusZero() },
  };
}

// Roll-ups are summed as rows of numbers (one row per item or section) and turned into
// objects once at the end: a plan of 100,000 items then costs a few flat arrays, not 100,000
// rounds of object arithmetic.
const STATUS_COUNT = STATUSES.length;
const ITEMS = 0;
const ACTIONABLE = STATUS_COUNT;
const CHECKS_DONE = ACTIONABLE + 1;
const CHECKS_TOTAL = CHECKS_DONE + 1;
const POINTS = CHECKS_TOTAL + 1; // done, total, then one per status
const HOURS = POINTS + 2 + STATUS_COUNT;
const WIDTH = HOURS + 2 + STATUS_COUNT;
const AT = Object.fromEntries(STATUSES.map((status, i) => [status, i])) as Record<Status, number>;

function addRow(into: Float64Array, at: number, from: Float64Array, fromAt: number): void {
  for (let k = 0; k < WIDTH; k++) into[at + k] += from[fromAt + k];
}

function countMeasure(row: Float64Array, at: number, measureAt: number, status: Status, value: number): void {
  row[at + measureAt + 2 + AT[status]] += value;
  if (!isShelved(status)) row[at + measureAt + 1] += value;
  if (status === 'done') row[at + measureAt] += value;
}

/** A status record read from a row; a literal, so every record shares one shape. */
function statusesFromRow(row: Float64Array, at: number): Record<Status, number> {
  return {
    todo: row[at + AT.todo],
    in_progress: row[at + AT.in_progress],
    review: row[at + AT.review],
    done: row[at + AT.done],
    blocked: row[at + AT.blocked],
    deferred: row[at + AT.deferred],
    cancelled: row[at + AT.cancelled],
  };
}

function measureFromRow(row: Float64Array, at: number): MeasureRollup {
  return { done: row[at], total: row[at + 1], byStatus: statusesFromRow(row, at + 2) };
}

function rollupFromRow(row: Float64Array, at: number): Rollup {
  return {
    items: statusesFromRow(row, at + ITEMS),
    actionable: row[at + ACTIONABLE],
    checks: { done: row[at + CHECKS_DONE], total: row[at + CHECKS_TOTAL] },
    points: measureFromRow(row, at + POINTS),
    hours: measureFromRow(row, at + HOURS),
  };
}

function hasMeasure(item: Item, measure: Measure): boolean {
  const value = item[measure];
  return value !== undefined && Number.isFinite(value);
}

/**
 * For each item (by position in plan.items), whether some descendant carries the measure.
 * A reverse pass over document order visits children before parents.
 */
function measureBelow(plan: Plan, index: PlanIndex, measure: Measure): Uint8Array {
  const below = new Uint8Array(plan.items.length);
  for (let i = plan.items.length - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item.parent === null) continue;
    const parentPos = index.order.get(item.parent);
    if (parentPos === undefined) continue;
    if (below[i] || hasMeasure(item, measure)) below[parentPos] = 1;
  }
  return below;
}

export function computeRollups(plan: Plan, index: PlanIndex): Rollups {
  const n = plan.items.length;
  const pointsBelow = measureBelow(plan, index, 'points');
  const hoursBelow = measureBelow(plan, index, 'hours');
  // What each item contributes by itself, then folded into its parent's row.
  const subtree = new Float64Array(n * WIDTH);
  for (let i = 0; i < n; i++) {
    const item = plan.items[i];
    const at = i * WIDTH;
    if (item.kind === 'check') {
      subtree[at + CHECKS_TOTAL] = 1;
      if (item.status === 'done') subtree[at + CHECKS_DONE] = 1;
    } else if (isActionable(item, index)) {
      subtree[at + ITEMS + AT[item.status]] = 1;
      subtree[at + ACTIONABLE] = 1;
    }
    if (hasMeasure(item, 'points') && !pointsBelow[i]) countMeasure(subtree, at, POINTS, item.status, item.points as number);
    if (hasMeasure(item, 'hours') && !hoursBelow[i]) countMeasure(subtree, at, HOURS, item.status, item.hours as number);
  }
  const overall = new Float64Array(WIDTH);
  const sectionIds = plan.sections.map((section) => section.id);
  const sectionPos = new Map<string, number>();
  sectionIds.forEach((id, k) => {
    if (!sectionPos.has(id)) sectionPos.set(id, k);
  });
  for (const item of plan.items) {
    if (!sectionPos.has(item.section)) {
      sectionPos.set(item.section, sectionIds.length);
      sectionIds.push(item.section);
    }
  }
  const sectionOwn = new Float64Array(sectionIds.length * WIDTH);
  for (let i = 0; i < n; i++) {
    addRow(overall, 0, subtree, i * WIDTH);
    addRow(sectionOwn, (sectionPos.get(plan.items[i].section) as number) * WIDTH, subtree, i * WIDTH);
  }
  // Children before parents: fold each finished subtree into its parent's.
  for (let i = n - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item.parent === null) continue;
    const parentPos = index.order.get(item.parent);
    if (parentPos !== undefined && parentPos < i) addRow(subtree, parentPos * WIDTH, subtree, i * WIDTH);
  }
  const byItem = new Map<string, Rollup>();
  for (let i = 0; i < n; i++) byItem.set(plan.items[i].id, rollupFromRow(subtree, i * WIDTH));
  return { overall: rollupFromRow(overall, 0), bySection: foldSections(plan, sectionIds, sectionOwn), byItem };
}

/** Adds every section's own row into each of its ancestors, without recursion. */
function foldSections(plan: Plan, sectionIds: string[], sectionOwn: Float64Array): Map<string, Rollup> {
  const count = sectionIds.length;
  const position = new Map<string, number>();
  sectionIds.forEach((id, k) => {
    if (!position.has(id)) position.set(id, k);
  });
  const parentOf = new Int32Array(count).fill(-1);
  for (const section of plan.sections) {
    const k = position.get(section.id) as number;
    const p = section.parent === null ? undefined : position.get(section.parent);
    if (p !== undefined && p !== k) parentOf[k] = p;
  }
  const total = new Float64Array(count * WIDTH);
  // Add each section's own row to itself and to every ancestor (headings nest at most six
  // deep, so this stays linear); the walk stops at a root or
  // when it comes back round a loop of parents (malformed input).
  const visitedBy = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    if (position.get(sectionIds[k]) !== k) continue;
    for (let a = k; a !== -1 && visitedBy[a] !== k; a = parentOf[a]) {
      visitedBy[a] = k;
      addRow(total, a * WIDTH, sectionOwn, k * WIDTH);
    }
  }
  const result = new Map<string, Rollup>();
  for (let k = 0; k < count; k++) {
    if (position.get(sectionIds[k]) === k) result.set(sectionIds[k], rollupFromRow(total, k * WIDTH));
  }
  return result;
}

/**
 * Sum of points or hours over the given items and their descendants, counting each value once:
 * only "carriers" (items with the measure and no descendant with it). Shelved items (deferred,
 * cancelled) are left out unless `statuses` names them; with `statuses`, only those count.
 * Costs the size of the subtrees named, not the size of the plan.
 */
export function measureTotal(
  plan: Plan,
  index: PlanIndex,
  ids: Iterable<string>,
  measure: Measure,
  statuses?: Status[],
): number {
  void plan;
  const wanted = statuses ? new Set<Status>(statuses) : null;
  // The union of the subtrees; a node already seen is not entered again.
  const seen = new Set<string>();
  const collected: Item[] = [];
  const stack: string[] = [];
  for (const id of ids) {
    if (seen.has(id) || !index.byId.has(id)) continue;
    seen.add(id);
    stack.push(id);
    while (stack.length > 0) {
      const item = index.byId.get(stack.pop() as string) as Item;
      collected.push(item);
      for (let c = item.children.length - 1; c >= 0; c--) {
        const child = item.children[c];
        if (!seen.has(child) && index.byId.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
  }
  // Mark every collected item with a carrier below it by walking up from each item that has
  // the measure; a walk stops at the first item already marked, so each is marked once.
  const carriesBelow = new Set<string>();
  for (const item of collected) {
    if (!hasMeasure(item, measure)) continue;
    let parent = item.parent;
    while (parent !== null && seen.has(parent) && !carriesBelow.has(parent)) {
      carriesBelow.add(parent);
      parent = index.byId.get(parent)?.parent ?? null;
    }
  }
  let total = 0;
  for (const item of collected) {
    if (!hasMeasure(item, measure) || carriesBelow.has(item.id)) continue;
    const counts = wanted ? wanted.has(item.status) : !isShelved(item.status);
    if (counts) total += item[measure] as number;
  }
  return total;
}
