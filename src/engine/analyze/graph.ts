// The dependency graph of a plan: what each actionable item waits for, what is ready and what
// is blocked, cycles, a topological order, parallel waves and the critical path with slack.
//
// Internally the plan becomes a graph with two nodes per item, so that inherited and group
// dependencies cost one edge each instead of one per pair of tasks:
//   done(X)  — X is finished. For an actionable item it is the task itself (it waits for
//              start(X)); for a parent it waits for done(child) of every non-check child.
//   start(X) — X may begin. It waits for start(parent) and for done(D) of every dependency D
//              that X itself writes.
// A task therefore waits for its own dependencies and those of every enclosing phase or story,
// and a dependency on a parent means every actionable item under it that is not shelved
// (deferred or cancelled work is out of the parent's scope, as in the status roll-up). Every pass is iterative
// and linear in items plus written references.

import { isActionable, isClosed, isShelved } from '../model.js';
import type { Item, Plan, PlanIndex } from '../model.js';

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

export interface DependencyGraph {
  /** Actionable item ids, in document order. */
  nodes: string[];
  /** Actionable id -> actionable ids it waits for: its own dependencies and those of every
   *  enclosing item; a dependency on a parent stands for its actionable items not shelved. */
  edges: Map<string, string[]>;
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

/** The item tree and the written dependencies, as flat arrays indexed by position in plan.items. */
interface Structure {
  items: Item[];
  n: number;
  parent: Int32Array;
  isCheck: Uint8Array;
  actionable: Uint8Array;
  /** Actionable items that are deferred or cancelled: a group dependency leaves them out. */
  shelved: Uint8Array;
  /** Positions in pre-order. */
  preorder: Int32Array;
  enter: Int32Array;
  /** Largest `enter` in the item's subtree. */
  exit: Int32Array;
  /** Actionable positions in pre-order; an item's actionable descendants are a slice of it. */
  actList: Int32Array;
  firstAct: Int32Array;
  endAct: Int32Array;
  /** Valid written dependencies per holder, as a CSR slice of depList. */
  depStart: Int32Array;
  depList: Int32Array;
}

function buildStructure(plan: Plan, index: PlanIndex): Structure {
  const items = plan.items;
  const n = items.length;
  const parent = new Int32Array(n).fill(-1);
  const isCheck = new Uint8Array(n);
  const actionable = new Uint8Array(n);
  const shelved = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item.kind === 'check') isCheck[i] = 1;
    else if (isActionable(item, index)) {
      actionable[i] = 1;
      if (isShelved(item.status)) shelved[i] = 1;
    }
    if (item.parent !== null) {
      const p = index.order.get(item.parent);
      if (p !== undefined && p !== i) parent[i] = p;
    }
  }
  // Children lists from the parent pointers, so the tree agrees with `parent` even if an
  // item's `children` and its children's `parent` disagree.
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childCount[parent[i] + 1]++;
  for (let i = 0; i < n; i++) childCount[i + 1] += childCount[i];
  const childList = new Int32Array(childCount[n]);
  const fill = childCount.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childList[fill[parent[i]]++] = i;

  const preorder = new Int32Array(n);
  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n);
  const firstAct = new Int32Array(n);
  const endAct = new Int32Array(n);
  const actPositions: number[] = [];
  let counter = 0;
  const stack = new Int32Array(n);
  const nextChild = new Int32Array(n);
  const visit = (root: number) => {
    let top = 0;
    stack[0] = root;
    enter[root] = counter;
    preorder[counter++] = root;
    firstAct[root] = actPositions.length;
    if (actionable[root]) actPositions.push(root);
    nextChild[root] = childCount[root];
    while (top >= 0) {
      const v = stack[top];
      if (nextChild[v] < childCount[v + 1]) {
        const c = childList[nextChild[v]++];
        if (enter[c] !== -1) continue;
        enter[c] = counter;
        preorder[counter++] = c;
        firstAct[c] = actPositions.length;
        if (actionable[c]) actPositions.push(c);
        nextChild[c] = childCount[c];
        stack[++top] = c;
      } else {
        exit[v] = counter - 1;
        endAct[v] = actPositions.length;
        top--;
      }
    }
  };
  for (let i = 0; i < n; i++) if (parent[i] < 0 && enter[i] === -1) visit(i);
  // Items on a parent loop (malformed input) have no root; visit them as roots.
  for (let i = 0; i < n; i++) if (enter[i] === -1) visit(i);

  const depStart = new Int32Array(n + 1);
  const depAcc: number[] = [];
  const stamp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    depStart[i] = depAcc.length;
    if (isCheck[i]) continue;
    for (const ref of items[i].deps) {
      for (const id of ref.ids) {
        const d = index.order.get(id);
        if (d === undefined || d === i || isCheck[d] || stamp[d] === i) continue;
        const dIsAncestor = enter[d] <= enter[i] && enter[i] <= exit[d];
        const dIsDescendant = enter[i] <= enter[d] && enter[d] <= exit[i];
        if (dIsAncestor || dIsDescendant) continue;
        stamp[d] = i;
        depAcc.push(d);
      }
    }
  }
  depStart[n] = depAcc.length;
  return {
    items,
    n,
    parent,
    isCheck,
    actionable,
    shelved,
    preorder,
    enter,
    exit,
    actList: Int32Array.from(actPositions),
    firstAct,
    endAct,
    depStart,
    depList: Int32Array.from(depAcc),
  };
}

/** The two-node-per-item graph in CSR form: preds ("waits for") and succs. */
interface Graph {
  size: number;
  predStart: Int32Array;
  preds: Int32Array;
  succStart: Int32Array;
  succs: Int32Array;
}

function buildGraph(s: Structure): Graph {
  const { n } = s;
  const size = 2 * n;
  const from: number[] = [];
  const to: number[] = [];
  const wait = (node: number, on: number) => {
    from.push(node);
    to.push(on);
  };
  for (let i = 0; i < n; i++) {
    if (s.isCheck[i]) continue;
    if (s.actionable[i]) wait(i, n + i);
    const p = s.parent[i];
    if (p >= 0 && !s.isCheck[p]) {
      // done(parent) waits for done(child); shelved work is out of the parent's scope, as in
      // the status roll-up.
      if (!s.shelved[i]) wait(p, i);
      wait(n + i, n + p); // start(child) waits for start(parent)
    }
    for (let k = s.depStart[i]; k < s.depStart[i + 1]; k++) wait(n + i, s.depList[k]);
  }
  const csr = (keys: number[], values: number[]) => {
    const start = new Int32Array(size + 1);
    for (const k of keys) start[k + 1]++;
    for (let v = 0; v < size; v++) start[v + 1] += start[v];
    const list = new Int32Array(keys.length);
    const cursor = start.slice(0, size);
    for (let e = 0; e < keys.length; e++) list[cursor[keys[e]]++] = values[e];
    return { start, list };
  };
  const p = csr(from, to);
  const q = csr(to, from);
  return { size, predStart: p.start, preds: p.list, succStart: q.start, succs: q.list };
}

/** Strongly connected components (iterative Tarjan over "waits for" edges). */
function components(g: Graph): { comp: Int32Array; compSize: Int32Array } {
  const { size, predStart, preds } = g;
  const idx = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const sccStack = new Int32Array(size);
  let sccTop = 0;
  const callNode = new Int32Array(size);
  const callEdge = new Int32Array(size);
  const comp = new Int32Array(size).fill(-1);
  const sizes: number[] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (idx[root] !== -1) continue;
    let top = 0;
    callNode[0] = root;
    callEdge[0] = predStart[root];
    idx[root] = low[root] = counter++;
    sccStack[sccTop++] = root;
    onStack[root] = 1;
    while (top >= 0) {
      const v = callNode[top];
      if (callEdge[top] < predStart[v + 1]) {
        const w = preds[callEdge[top]++];
        if (idx[w] === -1) {
          idx[w] = low[w] = counter++;
          sccStack[sccTop++] = w;
          onStack[w] = 1;
          top++;
          callNode[top] = w;
          callEdge[top] = predStart[w];
        } else if (onStack[w] && idx[w] < low[v]) {
          low[v] = idx[w];
        }
        continue;
      }
      if (low[v] === idx[v]) {
        const id = sizes.length;
        let count = 0;
        let w: number;
        do {
          w = sccStack[--sccTop];
          onStack[w] = 0;
          comp[w] = id;
          count++;
        } while (w !== v);
        sizes.push(count);
      }
      top--;
      if (top >= 0) {
        const u = callNode[top];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { comp, compSize: Int32Array.from(sizes) };
}

/** One cycle per tangled component, as the items whose written dependencies close it. */
function extractCycles(s: Structure, g: Graph, comp: Int32Array, compSize: Int32Array): string[][] {
  const { n } = s;
  // The earliest (document order) start node in each tangle that writes a dependency into it.
  const startOf = new Int32Array(compSize.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = n + i;
    const c = comp[v];
    if (compSize[c] < 2 || startOf[c] !== -1) continue;
    for (let k = s.depStart[i]; k < s.depStart[i + 1]; k++) {
      if (comp[s.depList[k]] === c) {
        startOf[c] = v;
        break;
      }
    }
  }
  const cycles: Array<{ first: number; ids: string[] }> = [];
  const seenBy = new Int32Array(g.size).fill(-1);
  const via = new Int32Array(g.size);
  const queue = new Int32Array(g.size);
  for (let c = 0; c < compSize.length; c++) {
    const start = startOf[c];
    if (start === -1) continue;
    // Breadth-first from start along "waits for" inside the tangle, until an edge returns.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seenBy[start] = c;
    let closing = -1;
    while (head < tail && closing === -1) {
      const v = queue[head++];
      for (let k = g.predStart[v]; k < g.predStart[v + 1]; k++) {
        const w = g.preds[k];
        if (comp[w] !== c) continue;
        if (w === start) {
          closing = v;
          break;
        }
        if (seenBy[w] === c) continue;
        seenBy[w] = c;
        via[w] = v;
        queue[tail++] = w;
      }
    }
    if (closing === -1) continue;
    // Walk back from the closing node to start, then read the written-dependency hops forward.
    const nodes: number[] = [];
    for (let v = closing; v !== start; v = via[v]) nodes.push(v);
    nodes.push(start);
    nodes.reverse();
    const holders: number[] = [];
    for (let k = 0; k < nodes.length; k++) {
      const a = nodes[k];
      const b = k + 1 < nodes.length ? nodes[k + 1] : start;
      if (a >= n && b < n) holders.push(a - n);
    }
    if (holders.length === 0) continue;
    let min = 0;
    for (let k = 1; k < holders.length; k++) if (holders[k] < holders[min]) min = k;
    const rotated = holders.slice(min).concat(holders.slice(0, min));
    cycles.push({ first: rotated[0], ids: rotated.map((p) => s.items[p].id) });
  }
  cycles.sort((a, b) => a.first - b.first);
  return cycles.map((c) => c.ids);
}

/** Dependency cycles among the plan's items (written dependencies, expanded to tasks). */
export function findCycles(plan: Plan, index: PlanIndex): string[][] {
  const s = buildStructure(plan, index);
  const g = buildGraph(s);
  const { comp, compSize } = components(g);
  return extractCycles(s, g, comp, compSize);
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
  const edges = new Map<string, string[]>();
  // The nearest ancestor-or-self that writes a dependency, so a task walks only real holders.
  const holderUp = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = s.preorder[k];
    const p = s.parent[i];
    holderUp[i] = s.depStart[i + 1] > s.depStart[i] ? i : p >= 0 ? holderUp[p] : -1;
  }
  const listedFor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!s.actionable[i]) continue;
    const item = items[i];
    nodes.push(item.id);
    if ((item.status === 'todo' || item.status === 'in_progress') && clear[i]) ready.push(item.id);
    if (item.status === 'blocked' || (open[i] && !clear[i])) blocked.push(item.id);
    const waits: string[] = [];
    for (let h = holderUp[i]; h >= 0; h = s.parent[h] >= 0 ? holderUp[s.parent[h]] : -1) {
      for (let e = s.depStart[h]; e < s.depStart[h + 1]; e++) {
        const d = s.depList[e];
        for (let a = s.firstAct[d]; a < s.endAct[d]; a++) {
          const t = s.actList[a];
          if (listedFor[t] === i || (t !== d && s.shelved[t])) continue;
          listedFor[t] = i;
          waits.push(items[t].id);
        }
      }
    }
    edges.set(item.id, waits);
  }

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

  const critical = criticalPath(s, g, topo, topoLen, cut, open);
  const waves = parallelWaves(s, g, topo, topoLen, cut, comp, compSize, closed, open);
  return { nodes, edges, ready, blocked, waves, order, critical, cycles };
}

function criticalPath(
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

function parallelWaves(
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
