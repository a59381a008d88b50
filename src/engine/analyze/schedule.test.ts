import { describe, expect, it } from 'vitest';
import { buildGraph, buildStructure, components } from './item-graph.js';
import { topologicalOrder } from './schedule.js';
import { planWithIndex, type ItemSpec } from './testing.js';

function orderOf(specs: ItemSpec[]): string[] {
  const { plan, index } = planWithIndex(specs);
  const s = buildStructure(plan, index);
  const g = buildGraph(s);
  const { comp, compSize } = components(g);
  return topologicalOrder(s, g, comp, compSize).order;
}

describe('topologicalOrder', () => {
  it('puts dependencies first and breaks ties by document order', () => {
    expect(orderOf([{ id: 'A', deps: ['C'] }, { id: 'B' }, { id: 'C' }, { id: 'D', deps: ['A'] }])).toEqual(['B', 'C', 'A', 'D']);
  });

  it('places work that waits for a cycle after the whole cycle', () => {
    // X and Y wait for each other; Z waits for the phase holding Y.
    expect(
      orderOf([
        { id: 'Z', deps: ['PH'] },
        { id: 'X', deps: ['Y'] },
        { id: 'PH', kind: 'phase' },
        { id: 'Y', parent: 'PH', deps: ['X'] },
      ]),
    ).toEqual(['X', 'Y', 'Z']);
  });
});
