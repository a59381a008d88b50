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

function addMeasure(into: MeasureRollup, from: MeasureRollup): void {
  into.done += from.done;
  into.total += from.total;
  for (const status of STATUSES) into.byStatus[status] += from.byStatus[status];
}

function addRollup(into: Rollup, from: Rollup): void {
  for (const status of STATUSES) into.items[status] += from.items[status];
  into.actionable += from.actionable;
  into.checks.done += from.checks.done;
  into.checks.total += from.checks.total;
  addMeasure(into.points, from.points);
  addMeasure(into.hours, from.hours);
}

function countMeasure(into: MeasureRollup, status: Status, value: number): void {
  into.byStatus[status] += value;
  if (!isShelved(status)) into.total += value;
  if (status === 'done') into.done += value;
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

/** What one item contributes by itself (not counting its descendants). */
function ownContribution(item: Item, index: PlanIndex, pointsCarrier: boolean, hoursCarrier: boolean): Rollup {
  const own = emptyRollup();
  if (item.kind === 'check') {
    own.checks.total = 1;
    if (item.status === 'done') own.checks.done = 1;
  } else if (isActionable(item, index)) {
    own.items[item.status] = 1;
    own.actionable = 1;
  }
  if (pointsCarrier) countMeasure(own.points, item.status, item.points as number);
  if (hoursCarrier) countMeasure(own.hours, item.status, item.hours as number);
  return own;
}

export function computeRollups(plan: Plan, index: PlanIndex): Rollups {
  const pointsBelow = measureBelow(plan, index, 'points');
  const hoursBelow = measureBelow(plan, index, 'hours');
  const overall = emptyRollup();
  const byItem = new Map<string, Rollup>();
  const sectionOwn = new Map<string, Rollup>();
  for (const section of plan.sections) sectionOwn.set(section.id, emptyRollup());

  const subtree: Rollup[] = new Array(plan.items.length);
  for (let i = 0; i < plan.items.length; i++) {
    const item = plan.items[i];
    const own = ownContribution(
      item,
      index,
      hasMeasure(item, 'points') && !pointsBelow[i],
      hasMeasure(item, 'hours') && !hoursBelow[i],
    );
    addRollup(overall, own);
    let sectionRollup = sectionOwn.get(item.section);
    if (!sectionRollup) {
      sectionRollup = emptyRollup();
      sectionOwn.set(item.section, sectionRollup);
    }
    addRollup(sectionRollup, own);
    subtree[i] = own;
  }
  // Children before parents: fold each finished subtree into its parent's.
  for (let i = plan.items.length - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item.parent === null) continue;
    const parentPos = index.order.get(item.parent);
    if (parentPos !== undefined && parentPos < i) addRollup(subtree[parentPos], subtree[i]);
  }
  plan.items.forEach((item, i) => byItem.set(item.id, subtree[i]));

  return { overall, bySection: foldSections(plan, sectionOwn), byItem };
}

/** Adds every section's own rollup into each of its ancestors, without recursion. */
function foldSections(plan: Plan, sectionOwn: Map<string, Rollup>): Map<string, Rollup> {
  const parentOf = new Map<string, string | null>();
  for (const section of plan.sections) parentOf.set(section.id, section.parent);
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of sectionOwn.keys()) {
    const parent = parentOf.get(id) ?? null;
    if (parent !== null && sectionOwn.has(parent) && parent !== id) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(id);
    } else {
      roots.push(id);
    }
  }
  const result = new Map<string, Rollup>();
  for (const id of sectionOwn.keys()) result.set(id, emptyRollup());
  // Iterative post-order: a section is folded into its parent after all its children.
  const visited = new Set<string>();
  for (const root of roots) {
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    visited.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const kids = children.get(top.id) ?? [];
      if (top.next < kids.length) {
        const child = kids[top.next++];
        if (!visited.has(child)) {
          visited.add(child);
          stack.push({ id: child, next: 0 });
        }
        continue;
      }
      stack.pop();
      const total = result.get(top.id) as Rollup;
      addRollup(total, sectionOwn.get(top.id) as Rollup);
      if (stack.length > 0) addRollup(result.get(stack[stack.length - 1].id) as Rollup, total);
    }
  }
  // Sections caught in a parent loop (malformed input) still report their own items.
  for (const id of sectionOwn.keys()) {
    if (!visited.has(id)) addRollup(result.get(id) as Rollup, sectionOwn.get(id) as Rollup);
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
  // Parents come before children in document order, so the reverse of it visits every
  // descendant before its ancestors; all of an item's descendants are collected, so "carries
  // below" is exact for each collected item.
  collected.sort((a, b) => (index.order.get(b.id) as number) - (index.order.get(a.id) as number));
  const carriesBelow = new Set<string>();
  let total = 0;
  for (const item of collected) {
    const has = hasMeasure(item, measure);
    if (has && !carriesBelow.has(item.id)) {
      const counts = wanted ? wanted.has(item.status) : !isShelved(item.status);
      if (counts) total += item[measure] as number;
    }
    if ((has || carriesBelow.has(item.id)) && item.parent !== null) carriesBelow.add(item.parent);
  }
  return total;
}
