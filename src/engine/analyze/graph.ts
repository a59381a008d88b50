// The dependency graph of a plan: what each actionable item waits for, what is ready and what
// is blocked, cycles, a topological order, parallel waves and the critical path with slack.
// A task waits for its own dependencies and those of every enclosing phase or story, and a
// dependency on a parent means every actionable item under it that is not shelved (see
// item-graph.ts for how that stays linear).

import { isClosed } from '../model.js';
import type { Plan, PlanIndex } from '../model.js';
import { extractCycles } from './cycles.js';
import { buildGraph, buildStructure, components, type Structure } from './item-graph.js';
import { criticalPath, parallelWaves, topologicalOrder, type CriticalPath } from './schedule.js';

export { findCycles } from './cycles.js';
export type { CriticalPath, CriticalUnit } from './schedule.js';

export interface DependencyGraph {
  /** Actionable item ids, in document order. */
  nodes: string[];
  /** Actionable id -> actionable ids it waits for: its own dependencies and those of every
   *  enclosing item; a dependency on a parent stands for its actionable items not shelved.
   *  Each list is made when read (groups can make the whole map N²/2 ids): read the ones you
   *  need, and do not expect the same array twice. Read-only. */
  edges: Map<string, string[]>;
  /** The actionable ids whose `edges` list holds `id`, in document order: the reverse of
   *  `edges` for one item, in time linear in the plan (walking `edges` would expand every
   *  group). Empty for an id that is not actionable. */
  dependents(id: string): string[];
  /** Actionable, todo or in progress, and every dependency done or cancelled. */
  ready: string[];
  /** Marked blocked, or open with an unfinished dependency. */
  blocked: string[];
  /** Open work in batches: wave 1 has every open item with no unfinished dependency, wave 2
   *  what can start once wave 1 is done… Items in cycles, waiting on deferred work or on a
   *  cycle are left out. */
  waves: string[][];
  /** Every actionable item, dependencies first, document order breaking ties (cycles cut). */
  order: string[];
  critical: CriticalPath;
  /** Each cycle as the ids of the items whose written dependencies close it, in order: each
   *  waits for (something inside) the next, the last for the first. One cycle per tangle. */
  cycles: string[][];
}

export function dependencyGraph(plan: Plan, index: PlanIndex): DependencyGraph {
  const s = buildStructure(plan, index);
  const g = buildGraph(s);
  const { n, items } = s;
  const { comp, compSize } = components(g);
  const cycles = extractCycles(s, g, comp, compSize);

  const closed = new Uint8Array(n);
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!s.actionable[i]) continue;
    const status = items[i].status;
    if (isClosed(status)) closed[i] = 1;
    else if (status !== 'deferred') open[i] = 1;
  }

  // Finished: a task done or cancelled; a parent when every non-check child is finished.
  const finished = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!s.isCheck[i]) finished[i] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const i = s.preorder[k];
    if (s.isCheck[i]) continue;
    if (s.actionable[i]) finished[i] = closed[i];
    const p = s.parent[i];
    if (p >= 0 && !finished[i] && !s.shelved[i]) finished[p] = 0;
  }
  // Clear to start: the parent is clear and every written dependency is finished.
  const clear = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = s.preorder[k];
    if (s.isCheck[i]) continue;
    const p = s.parent[i];
    let ok = p < 0 || s.isCheck[p] ? 1 : clear[p];
    for (let e = s.depStart[i]; ok && e < s.depStart[i + 1]; e++) if (!finished[s.depList[e]]) ok = 0;
    clear[i] = ok;
  }

  const nodes: string[] = [];
  const ready: string[] = [];
  const blocked: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!s.actionable[i]) continue;
    const item = items[i];
    nodes.push(item.id);
    if ((item.status === 'todo' || item.status === 'in_progress') && clear[i]) ready.push(item.id);
    if (item.status === 'blocked' || (open[i] && !clear[i])) blocked.push(item.id);
  }
  const edges = new WaitsFor(s, index);

  const { order, topo, topoLen, cut } = topologicalOrder(s, g, comp, compSize);
  const critical = criticalPath(s, g, topo, topoLen, cut, open);
  const waves = parallelWaves(s, g, topo, topoLen, cut, comp, compSize, closed, open);
  const dependents = (id: string): string[] => edges.dependentsOf(id);
  return { nodes, edges, dependents, ready, blocked, waves, order, critical, cycles };
}

/**
 * The "waits for" lists of `DependencyGraph.edges`, each made when it is asked for. Written
 * dependencies stay one entry per holder and group in the structure; expanded to every
 * actionable item they stand for, N items that each wait for "All previous phases" would make
 * N²/2 ids, so nothing expands them until a caller reads one list (or walks them all).
 * Read-only: `set`, `delete` and `clear` throw.
 */
class WaitsFor extends Map<string, string[]> {
  private readonly structure: Structure;
  private readonly order: Map<string, number>;
  /** The nearest ancestor-or-self that writes a dependency, so a task walks only real holders. */
  private readonly holderUp: Int32Array;
  /** Stamp per item of the list being made, so an id is listed once per list. */
  private readonly listedIn: Int32Array;
  private lists = 0;
  private readonly count: number;

  constructor(s: Structure, index: PlanIndex) {
    super();
    this.structure = s;
    this.order = index.order;
    const { n } = s;
    const holderUp = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const i = s.preorder[k];
      const p = s.parent[i];
      holderUp[i] = s.depStart[i + 1] > s.depStart[i] ? i : p >= 0 ? holderUp[p] : -1;
    }
    this.holderUp = holderUp;
    this.listedIn = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) count += s.actionable[i];
    this.count = count;
  }

  /** Position of an actionable item, or -1. */
  private positionOf(id: string): number {
    const i = this.order.get(id);
    return i !== undefined && this.structure.actionable[i] ? i : -1;
  }

  /** What item `i` waits for: its own dependencies and its ancestors', each group expanded. */
  private waitsOf(i: number): string[] {
    const s = this.structure;
    const stamp = ++this.lists;
    const waits: string[] = [];
    for (let h = this.holderUp[i]; h >= 0; h = s.parent[h] >= 0 ? this.holderUp[s.parent[h]] : -1) {
      for (let e = s.depStart[h]; e < s.depStart[h + 1]; e++) {
        const d = s.depList[e];
        for (let a = s.firstAct[d]; a < s.endAct[d]; a++) {
          const t = s.actList[a];
          if (this.listedIn[t] === stamp || (t !== d && s.shelved[t])) continue;
          this.listedIn[t] = stamp;
          waits.push(s.items[t].id);
        }
      }
    }
    return waits;
  }

  /**
   * The actionable items whose list holds item `id`. Item `i`'s list holds `t` when a holder on
   * `i`'s chain (itself or an ancestor) writes a dependency on `t` or on an ancestor of `t`
   * (an ancestor stands for `t` only when `t` is not shelved). So: mark those dependency
   * targets, then every holder writing one, then the actionable items under each such holder.
   */
  dependentsOf(id: string): string[] {
    const t = this.positionOf(id);
    if (t < 0) return [];
    const s = this.structure;
    const target = new Uint8Array(s.n);
    target[t] = 1;
    if (!s.shelved[t]) for (let p = s.parent[t]; p >= 0 && !target[p]; p = s.parent[p]) target[p] = 1;
    const waiting = new Uint8Array(s.n);
    for (let h = 0; h < s.n; h++) {
      let covers = false;
      for (let e = s.depStart[h]; !covers && e < s.depStart[h + 1]; e++) covers = target[s.depList[e]] === 1;
      if (covers) for (let a = s.firstAct[h]; a < s.endAct[h]; a++) waiting[s.actList[a]] = 1;
    }
    const out: string[] = [];
    for (let i = 0; i < s.n; i++) if (waiting[i]) out.push(s.items[i].id);
    return out;
  }

  override get size(): number {
    return this.count;
  }

  override get(id: string): string[] | undefined {
    const i = this.positionOf(id);
    return i < 0 ? undefined : this.waitsOf(i);
  }

  override has(id: string): boolean {
    return this.positionOf(id) >= 0;
  }

  override *entries(): MapIterator<[string, string[]]> {
    const s = this.structure;
    for (let i = 0; i < s.n; i++) if (s.actionable[i]) yield [s.items[i].id, this.waitsOf(i)];
  }

  override *keys(): MapIterator<string> {
    const s = this.structure;
    for (let i = 0; i < s.n; i++) if (s.actionable[i]) yield s.items[i].id;
  }

  override *values(): MapIterator<string[]> {
    for (const [, waits] of this.entries()) yield waits;
  }

  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }

  override forEach(callback: (value: string[], key: string, map: Map<string, string[]>) => void, thisArg?: unknown): void {
    for (const [id, waits] of this.entries()) callback.call(thisArg, waits, id, this);
  }

  override set(): this {
    throw new TypeError('DependencyGraph.edges is read-only');
  }

  override delete(): boolean {
    throw new TypeError('DependencyGraph.edges is read-only');
  }

  override clear(): void {
    throw new TypeError('DependencyGraph.edges is read-only');
  }
}
