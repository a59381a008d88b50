// Scheduling the open work over the item graph: a topological order, the critical path with
// earliest and latest starts and slack, and parallel waves. Every pass is iterative.

import type { Graph, Structure } from './item-graph.js';

export type CriticalUnit = 'hours' | 'points' | 'items';

/** The longest chain of remaining work. Done and shelved items weigh nothing; edges inside a
 *  cycle are cut, so numbers around a cycle are only indicative until it is fixed. */
export interface CriticalPath {
  /** Open actionable items on the longest chain of remaining work, first to last. */
  path: string[];
  /** Remaining work along the path, in `unit`. */
  length: number;
  unit: CriticalUnit;
  /** Per open actionable item: how far it can slip without delaying the end. */
  slack: Map<string, number>;
  earliestStart: Map<string, number>;
  latestStart: Map<string, number>;
}

/** A binary min-heap of non-negative integers. */
class MinHeap {
  private data: number[] = [];
  get size(): number {
    return this.data.length;
  }
  push(value: number): void {
    const d = this.data;
    d.push(value);
    let i = d.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (d[p] <= value) break;
      d[i] = d[p];
      i = p;
    }
    d[i] = value;
  }
  pop(): number {
    const d = this.data;
    const top = d[0];
    const last = d.pop() as number;
    if (d.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= d.length) break;
        const r = l + 1;
        const c = r < d.length && d[r] < d[l] ? r : l;
        if (d[c] >= last) break;
        d[i] = d[c];
        i = c;
      }
      d[i] = last;
    }
    return top;
  }
}

const EPSILON = 1e-9;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface Ordering {
  /** Every node of the item graph, dependencies first. */
  topo: Int32Array;
  topoLen: number;
  /** Actionable ids in that order. */
  order: string[];
  /** True for an edge inside a tangle (cycle), which scheduling ignores. */
  cut: (u: number, v: number) => boolean;
}

/** Kahn's algorithm on the condensation, document order breaking ties among tasks. */
export function topologicalOrder(s: Structure, g: Graph, comp: Int32Array, compSize: Int32Array): Ordering {
  const { n, items } = s;
  // Topological order of the condensation: a tangle (cycle) is released as a whole once
  // everything outside it that it waits for is placed, so every node gets a place and work
  // that waits for a tangle comes after all of it. Edges inside a tangle are cut.
  const cut = (u: number, v: number) => comp[u] === comp[v] && compSize[comp[u]] > 1;
  const compCount = compSize.length;
  const waitingOn = new Int32Array(compCount);
  const memberStart = new Int32Array(compCount + 1);
  for (let v = 0; v < g.size; v++) {
    memberStart[comp[v] + 1]++;
    for (let k = g.predStart[v]; k < g.predStart[v + 1]; k++) if (comp[g.preds[k]] !== comp[v]) waitingOn[comp[v]]++;
  }
  for (let c = 0; c < compCount; c++) memberStart[c + 1] += memberStart[c];
  const unplaced = Int32Array.from(compSize);
  const members = new Int32Array(g.size);
  const memberFill = memberStart.slice(0, compCount);
  for (let v = 0; v < g.size; v++) members[memberFill[comp[v]]++] = v;

  const topo = new Int32Array(g.size);
  let topoLen = 0;
  const order: string[] = [];
  const isTask = (v: number) => v < n && s.actionable[v] === 1;
  const passThrough: number[] = [];
  const taskHeap = new MinHeap();
  const releaseComponent = (c: number) => {
    for (let m = memberStart[c]; m < memberStart[c + 1]; m++) {
      const v = members[m];
      if (isTask(v)) taskHeap.push(v);
      else passThrough.push(v);
    }
  };
  for (let c = 0; c < compCount; c++) if (waitingOn[c] === 0) releaseComponent(c);
  while (passThrough.length > 0 || taskHeap.size > 0) {
    // Connector nodes carry no work: settle them first so document order decides among tasks.
    const v = passThrough.length > 0 ? (passThrough.pop() as number) : taskHeap.pop();
    topo[topoLen++] = v;
    if (isTask(v)) order.push(items[v].id);
    // What waits for a tangle waits for all of it: successors hear of it once it is all placed.
    const own = comp[v];
    if (--unplaced[own] > 0) continue;
    for (let m = memberStart[own]; m < memberStart[own + 1]; m++) {
      const u = members[m];
      for (let k = g.succStart[u]; k < g.succStart[u + 1]; k++) {
        const c = comp[g.succs[k]];
        if (c !== own && --waitingOn[c] === 0) releaseComponent(c);
      }
    }
  }
  return { topo, topoLen, order, cut };
}

export function criticalPath(
  s: Structure,
  g: Graph,
  topo: Int32Array,
  topoLen: number,
  cut: (u: number, v: number) => boolean,
  open: Uint8Array,
): CriticalPath {
  const { n, items } = s;
  let anyHours = false;
  let anyPoints = false;
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    if (items[i].hours !== undefined) anyHours = true;
    if (items[i].points !== undefined) anyPoints = true;
  }
  const unit: CriticalUnit = anyHours ? 'hours' : anyPoints ? 'points' : 'items';
  const weight = new Float64Array(g.size);
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    weight[i] = unit === 'items' ? 1 : (items[i][unit] ?? 0);
  }
  const es = new Float64Array(g.size);
  const ef = new Float64Array(g.size);
  const bestPred = new Int32Array(g.size).fill(-1);
  let length = 0;
  for (let t = 0; t < topoLen; t++) {
    const v = topo[t];
    let start = 0;
    for (let k = g.predStart[v]; k < g.predStart[v + 1]; k++) {
      const p = g.preds[k];
      if (cut(v, p)) continue;
      if (ef[p] > start + EPSILON || (bestPred[v] === -1 && ef[p] >= start - EPSILON)) {
        start = Math.max(start, ef[p]);
        bestPred[v] = p;
      }
    }
    es[v] = start;
    ef[v] = start + weight[v];
    if (ef[v] > length) length = ef[v];
  }
  const lf = new Float64Array(g.size);
  for (let t = topoLen - 1; t >= 0; t--) {
    const v = topo[t];
    let finish = length;
    for (let k = g.succStart[v]; k < g.succStart[v + 1]; k++) {
      const w = g.succs[k];
      if (cut(w, v)) continue;
      const ls = lf[w] - weight[w];
      if (ls < finish) finish = ls;
    }
    lf[v] = finish;
  }
  const slack = new Map<string, number>();
  const earliestStart = new Map<string, number>();
  const latestStart = new Map<string, number>();
  let end = -1;
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    const id = items[i].id;
    const ls = lf[i] - weight[i];
    earliestStart.set(id, round(es[i]));
    latestStart.set(id, round(ls));
    slack.set(id, round(ls - es[i]));
    if (end === -1 && length > EPSILON && Math.abs(ef[i] - length) <= EPSILON) end = i;
  }
  const path: string[] = [];
  for (let v = end; v !== -1; v = bestPred[v]) if (v < n && open[v]) path.push(items[v].id);
  path.reverse();
  return { path, length: round(length), unit, slack, earliestStart, latestStart };
}

export function parallelWaves(
  s: Structure,
  g: Graph,
  topo: Int32Array,
  topoLen: number,
  cut: (u: number, v: number) => boolean,
  comp: Int32Array,
  compSize: Int32Array,
  closed: Uint8Array,
  open: Uint8Array,
): string[][] {
  const { n, items } = s;
  // A tangle holding unfinished work can never start; anything waiting on it cannot either.
  const stuck = new Uint8Array(compSize.length);
  for (let i = 0; i < n; i++) if (s.actionable[i] && !closed[i] && compSize[comp[i]] > 1) stuck[comp[i]] = 1;
  const level = new Float64Array(g.size);
  let maxLevel = 0;
  for (let t = 0; t < topoLen; t++) {
    const v = topo[t];
    const task = v < n && s.actionable[v] === 1;
    if (task && closed[v]) {
      level[v] = 0;
      continue;
    }
    if (stuck[comp[v]] || (task && !open[v])) {
      level[v] = Infinity;
      continue;
    }
    let base = 0;
    for (let k = g.predStart[v]; k < g.predStart[v + 1]; k++) {
      const p = g.preds[k];
      if (!cut(v, p) && level[p] > base) base = level[p];
    }
    level[v] = task ? base + 1 : base;
    if (task && level[v] > maxLevel && level[v] !== Infinity) maxLevel = level[v];
  }
  const waves: string[][] = Array.from({ length: maxLevel }, () => []);
  for (let i = 0; i < n; i++) {
    if (open[i] && level[i] !== Infinity) waves[level[i] - 1].push(items[i].id);
  }
  return waves.filter((w) => w.length > 0);
}
