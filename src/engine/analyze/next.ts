// What to work on next: the ready items ranked by critical-path slack, then priority, then how
// much open work each one unblocks, then document order; optionally a set of K items that can
// run side by side.

import type { Plan, PlanIndex, Status } from '../model.js';
import type { CriticalUnit, DependencyGraph } from './graph.js';

export interface NextItem {
  id: string;
  title: string;
  status: Status;
  /** The item's priority as written, or the nearest enclosing story's or epic's. */
  priority?: string;
  points?: number;
  hours?: number;
  /** Slack in the critical path's unit; 0 means any delay delays the plan. */
  slack: number;
  onCriticalPath: boolean;
  /** Open items that wait for this one, directly or through others. */
  unblocks: number;
  /** One short sentence saying why the item is here. */
  reason: string;
}

export interface NextOptions {
  /** At most this many items (all ready items when absent). */
  limit?: number;
  /** Pick this many items that can run side by side. */
  concurrency?: number;
}

const PRIORITY_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(critical|blocker|urgent|highest|must|p0)\b/, 0],
  [/\b(high|p1)\b/, 1],
  [/\b(medium|med|normal|moderate|should|p2)\b/, 2],
  [/\b(low|lowest|minor|could|trivial|p3|p4|p5)\b/, 3],
];

/** Rank of a priority as written ("HIGH", "P1", "🔴 Critical"): 0 is most urgent, 4 is none. */
export function priorityRank(priority: string | undefined): number {
  if (!priority) return 4;
  const text = priority.toLowerCase();
  for (const [pattern, rank] of PRIORITY_WORDS) if (pattern.test(text)) return rank;
  return 4;
}

/** For each ready item, how many open items transitively wait for it (memoised). */
/** Edges one count of transitive dependents may look at. */
const UNBLOCK_EDGE_BUDGET = 200_000;

function unblockCounter(plan: Plan, index: PlanIndex, graph: DependencyGraph): (id: string) => number {
  // Dependents by position in the plan, as a CSR list, so each walk is array work only.
  const size = plan.items.length;
  const counts = new Int32Array(size + 1);
  const pairs: number[] = [];
  for (const [id, waits] of graph.edges) {
    const waiter = index.order.get(id);
    if (waiter === undefined) continue;
    for (const dep of waits) {
      const on = index.order.get(dep);
      if (on === undefined) continue;
      counts[on + 1]++;
      pairs.push(on, waiter);
    }
  }
  for (let i = 0; i < size; i++) counts[i + 1] += counts[i];
  const dependents = new Int32Array(pairs.length / 2);
  const cursor = counts.slice(0, size);
  for (let k = 0; k < pairs.length; k += 2) dependents[cursor[pairs[k]]++] = pairs[k + 1];
  const open = new Uint8Array(size);
  plan.items.forEach((item, position) => {
    const status = item.status;
    open[position] = status !== 'done' && status !== 'cancelled' && status !== 'deferred' ? 1 : 0;
  });
  const seenBy = new Int32Array(size).fill(-1);
  const queue = new Int32Array(size);
  const memo = new Map<string, number>();
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const start = index.order.get(id);
    if (start === undefined) return 0;
    seenBy[start] = start;
    let tail = 0;
    queue[tail++] = start;
    let count = 0;
    // Each walk looks at a bounded number of edges: on plans where every item waits for every
    // earlier one ("All previous phases"), exact counts for every ready item would cost N² per
    // item. Past the budget the count is a lower bound, and ties fall back to document order.
    let budget = UNBLOCK_EDGE_BUDGET;
    walk: for (let head = 0; head < tail; head++) {
      const v = queue[head];
      for (let k = counts[v]; k < counts[v + 1]; k++) {
        if (--budget < 0) break walk;
        const w = dependents[k];
        if (seenBy[w] === start) continue;
        seenBy[w] = start;
        queue[tail++] = w;
        count += open[w];
      }
    }
    memo.set(id, count);
    return count;
  };
}

/** Priority as written on the item, else on its nearest ancestor (a task under a critical
 *  story is critical work). Memoised along each walk, so deep plans stay linear. */
function priorityLookup(index: PlanIndex): (id: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  return (id) => {
    const chain: string[] = [];
    let found: string | undefined;
    for (let at: string | null = id; at !== null; ) {
      if (memo.has(at)) {
        found = memo.get(at);
        break;
      }
      const item = index.byId.get(at);
      if (!item) break;
      chain.push(at);
      if (item.priority) {
        found = item.priority;
        break;
      }
      at = item.parent;
      if (chain.length > index.byId.size) break; // a parent loop in malformed input
    }
    for (const visited of chain) memo.set(visited, found);
    return found;
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

function explain(item: NextItem, depCount: number, unit: CriticalUnit): string {
  const parts: string[] = [];
  if (item.onCriticalPath) parts.push('on the critical path');
  else if (item.slack === 0) parts.push('no slack');
  else parts.push(`${formatNumber(item.slack)} ${item.slack === 1 ? unit.slice(0, -1) : unit} of slack`);
  if (item.priority) parts.push(`priority ${item.priority}`);
  if (item.unblocks > 0) parts.push(`unblocks ${item.unblocks} open item${item.unblocks === 1 ? '' : 's'}`);
  if (item.status === 'in_progress') parts.push('already in progress');
  parts.push(
    depCount === 0
      ? 'nothing to wait for'
      : depCount === 1
        ? 'its dependency is done'
        : `all ${depCount} dependencies done`,
  );
  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}

export function nextItems(plan: Plan, index: PlanIndex, graph: DependencyGraph, options: NextOptions = {}): NextItem[] {
  const { slack: slackMap, path, unit } = graph.critical;
  const onPath = new Set(path);
  const unblocks = unblockCounter(plan, index, graph);
  const priorityOf = priorityLookup(index);
  const candidates = graph.ready
    .map((id) => index.byId.get(id))
    .filter((item) => item !== undefined)
    .map((item) => ({
      item,
      priority: priorityOf(item.id),
      slack: slackMap.get(item.id) ?? 0,
      rank: priorityRank(priorityOf(item.id)),
      position: index.order.get(item.id) ?? 0,
    }));
  candidates.sort(
    (a, b) =>
      a.slack - b.slack ||
      a.rank - b.rank ||
      unblocks(b.item.id) - unblocks(a.item.id) ||
      a.position - b.position,
  );

  let chosen = candidates;
  if (options.concurrency !== undefined) {
    // In a plan that marks parallel-safe tasks, unmarked tasks of one section run in sequence.
    const marksParallel = plan.items.some((item) => item.tags.includes('P'));
    const sequentialTaken = new Set<string>();
    chosen = [];
    for (const candidate of candidates) {
      if (chosen.length >= options.concurrency) break;
      const { item } = candidate;
      if (marksParallel && !item.tags.includes('P')) {
        if (sequentialTaken.has(item.section)) continue;
        sequentialTaken.add(item.section);
      }
      chosen.push(candidate);
    }
  }
  if (options.limit !== undefined) chosen = chosen.slice(0, Math.max(0, options.limit));

  return chosen.map(({ item, priority, slack }) => {
    const result: NextItem = {
      id: item.id,
      title: item.title,
      status: item.status,
      priority,
      points: item.points,
      hours: item.hours,
      slack,
      onCriticalPath: onPath.has(item.id),
      unblocks: unblocks(item.id),
      reason: '',
    };
    result.reason = explain(result, graph.edges.get(item.id)?.length ?? 0, unit);
    return result;
  });
}
