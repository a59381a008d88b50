import { describe, expect, it } from 'vitest';
import { dependencyGraph, findCycles } from './graph.js';
import { planWithIndex } from './testing.js';

describe('cycles', () => {
  it('reports a cycle in order and keeps its members out of waves', () => {
    const { plan, index } = planWithIndex([
      { id: 'T1', deps: ['T3'] },
      { id: 'T2', deps: ['T1'] },
      { id: 'T3', deps: ['T2'] },
      { id: 'T4', deps: ['T3'] },
      { id: 'T5' },
    ]);
    const g = dependencyGraph(plan, index);
    expect(g.cycles).toEqual([['T1', 'T3', 'T2']]);
    expect(findCycles(plan, index)).toEqual(g.cycles);
    expect(g.ready).toEqual(['T5']);
    expect(g.blocked).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(g.waves).toEqual([['T5']]);
    expect(g.order).toHaveLength(5);
    expect(g.order.indexOf('T4')).toBeGreaterThan(g.order.indexOf('T3'));
  });

  it('finds a cycle that runs through phases', () => {
    // PhB waits for PhA; a1 (inside PhA) waits for PhB.
    const { plan, index } = planWithIndex([
      { id: 'PhA', kind: 'phase' },
      { id: 'a1', parent: 'PhA', deps: ['PhB'] },
      { id: 'PhB', kind: 'phase', deps: ['PhA'] },
      { id: 'b1', parent: 'PhB' },
    ]);
    expect(findCycles(plan, index)).toEqual([['a1', 'PhB']]);
  });

  it('reports separate cycles separately, in document order', () => {
    const { plan, index } = planWithIndex([
      { id: 'A', deps: ['B'] },
      { id: 'B', deps: ['A'] },
      { id: 'C', deps: ['D'] },
      { id: 'D', deps: ['C'] },
    ]);
    expect(findCycles(plan, index)).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
  });

  it('ignores a cycle among finished work when deciding readiness', () => {
    const { plan, index } = planWithIndex([
      { id: 'A', deps: ['B'], status: 'done' },
      { id: 'B', deps: ['A'], status: 'done' },
      { id: 'C', deps: ['A'] },
    ]);
    const g = dependencyGraph(plan, index);
    expect(g.cycles).toEqual([['A', 'B']]);
    expect(g.ready).toEqual(['C']);
    expect(g.waves).toEqual([['C']]);
  });
});
