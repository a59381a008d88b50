import { describe, expect, it } from 'vitest';
import { buildGraph, buildStructure, components } from './item-graph.js';
import { planWithIndex } from './testing.js';

describe('buildStructure', () => {
  const { plan, index } = planWithIndex([
    { id: 'P', kind: 'phase', deps: ['t1', 'X'] },
    { id: 't1', parent: 'P', deps: ['P', 't1', 'X', 'X', 'c'] },
    { id: 'c', kind: 'check', parent: 't1' },
    { id: 't2', parent: 'P' },
    { id: 'X' },
  ]);
  const s = buildStructure(plan, index);
  const deps = (i: number) => Array.from(s.depList.slice(s.depStart[i], s.depStart[i + 1]));

  it('keeps each written dependency once, dropping self, ancestors, descendants and checks', () => {
    expect(deps(0)).toEqual([4]); // P: t1 is its own child
    expect(deps(1)).toEqual([4]); // t1: P is its parent, itself, X twice, c a check
  });

  it('numbers the tree in pre-order and lists actionable items under each parent as a slice', () => {
    expect(Array.from(s.actionable)).toEqual([0, 1, 0, 1, 1]);
    expect(Array.from(s.preorder)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(s.exit)).toEqual([3, 2, 2, 3, 4]);
    expect(Array.from(s.actList.slice(s.firstAct[0], s.endAct[0]))).toEqual([1, 3]);
  });

  it('builds a graph whose only tangles come from written dependencies', () => {
    const { compSize } = components(buildGraph(s));
    expect(Math.max(...compSize)).toBe(1);
  });
});
