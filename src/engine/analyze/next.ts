// What to work on next: the ready items ranked by critical-path slack, then priority, then how
// much open work each one unblocks, then document order; optionally a set of K items that can
// run side by side.

import type { Plan, PlanIndex, Status } from '../model.js';
import type { CriticalUnit, DependencyGraph } from './graph.js';
import { buildGraph, buildStructure, components } from './item-graph.js';

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

/** Edges one count of transitive dependents may look at. */
const UNBLOCK_EDGE_BUDGET = 200_000;

/**
 * For each ready item, how many open items transitively wait for it (memoised). The walk goes
 * backwards over the two-node-per-item graph of item-graph.ts, where a group or parent
 * dependency is one edge: from done(X) to everything that waits for it, counting each open
 * actionable item whose start is reached. That is the same set as walking the expanded
 * "waits for" lists, without ever laying them out (N²/2 ids for "All previous phases").
 * A node outside any cycle with a single node waiting for it (a task whose only dependent is its
 * phase) counts what that node counts: the walk is made once per phase, not once per task.
 */
function unblockCounter(plan: Plan, index: PlanIndex): (id: string) => number {
  const s = buildStructure(plan, index);
  const g = buildGraph(s);
  const { comp, compSize } = components(g);
  const { n } = s;
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const status = s.items[i].status;
    open[i] = s.actionable[i] && status !== 'done' && status !== 'cancelled' && status !== 'deferred' ? 1 : 0;
  }
  /** 1 for the start node of an open actionable item: the nodes a walk counts. */
  const counts = (node: number): number => (node >= n ? open[node - n] : 0);
  const seenIn = new Int32Array(g.size);
  let walks = 0;
  const queue = new Int32Array(g.size);
  /** Open items reachable backwards from `root`, neither `root` nor `alsoSkip` counted. */
  const walkFrom = (root: number, alsoSkip: number): number => {
    const stamp = ++walks;
    seenIn[root] = stamp;
    if (alsoSkip >= 0) seenIn[alsoSkip] = stamp;
    let tail = 0;
    queue[tail++] = root;
    let count = 0;
    // Each walk looks at a bounded number of edges, so ranking every ready item of a huge plan
    // stays affordable; past the budget the count is a lower bound, and ties fall back to
    // document order.
    let budget = UNBLOCK_EDGE_BUDGET;
    walk: for (let head = 0; head < tail; head++) {
      const v = queue[head];
      for (let k = g.succStart[v]; k < g.succStart[v + 1]; k++) {
        if (--budget < 0) break walk;
        const w = g.succs[k];
        if (seenIn[w] === stamp) continue;
        seenIn[w] = stamp;
        queue[tail++] = w;
        count += counts(w);
      }
    }
    return count;
  };
  /** Per node, what a walk from it counts (-1: not yet known). */
  const known = new Int32Array(g.size).fill(-1);
  const chain: number[] = [];
  return (id) => {
    const item = index.order.get(id);
    if (item === undefined || !s.actionable[item]) return 0;
    if (known[item] >= 0) return known[item];
    // Follow single dependents out of cycles; the item's own start can only come back through a
    // cycle, which ends the chain.
    chain.length = 0;
    let v = item;
    while (known[v] < 0 && compSize[comp[v]] === 1 && g.succStart[v + 1] - g.succStart[v] === 1) {
      chain.push(v);
      v = g.succs[g.succStart[v]];
    }
    let count = known[v] >= 0 ? known[v] : (known[v] = walkFrom(v, v === item ? n + item : -1));
    for (let k = chain.length - 1; k >= 0; k--) {
      count += counts(k + 1 < chain.length ? chain[k + 1] : v);
      known[chain[k]] = count;
    }
    return known[item];
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
  const unblocks = unblockCounter(plan, index);
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
