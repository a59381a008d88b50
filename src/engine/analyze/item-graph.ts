// The plan as a graph with two nodes per item, so that inherited and group dependencies cost
// one edge each instead of one per pair of tasks:
//   done(X)  — X is finished. For an actionable item it is the task itself (it waits for
//              start(X)); for a parent it waits for done(child) of every non-check child that
//              is not shelved (deferred or cancelled work is out of the parent's scope, as in
//              the status roll-up).
//   start(X) — X may begin. It waits for start(parent) and for done(D) of every dependency D
//              that X itself writes.
// Node i is done(item i), node n + i is start(item i). Flat typed arrays, built iteratively in
// time linear in items plus written references.

import { isActionable, isShelved } from '../model.js';
import type { Item, Plan, PlanIndex } from '../model.js';

/** The item tree and the written dependencies, as flat arrays indexed by position in plan.items. */
export interface Structure {
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

export function buildStructure(plan: Plan, index: PlanIndex): Structure {
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
export interface Graph {
  size: number;
  predStart: Int32Array;
  preds: Int32Array;
  succStart: Int32Array;
  succs: Int32Array;
}

export function buildGraph(s: Structure): Graph {
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
export function components(g: Graph): { comp: Int32Array; compSize: Int32Array } {
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
