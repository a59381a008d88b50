// Dependency cycles: one per tangle of items that wait for each other, named by the items whose
// written dependencies close it, in order.

import type { Plan, PlanIndex } from '../model.js';
import { buildGraph, buildStructure, components, type Graph, type Structure } from './item-graph.js';

/** One cycle per tangled component, as the items whose written dependencies close it. */
export function extractCycles(s: Structure, g: Graph, comp: Int32Array, compSize: Int32Array): string[][] {
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
