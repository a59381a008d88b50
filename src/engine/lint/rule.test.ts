import { describe, expect, it } from 'vitest';
import { planWithIndex, type ItemSpec } from '../analyze/testing.js';
import { lintPlan } from './index.js';
import { formatMeasure, formatNumber, ItemTree, listWords, measureCarriers } from './rule.js';

describe('rule helpers', () => {
  it('writes numbers and lists the way messages need them', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(33.666)).toBe('33.67');
    expect(formatMeasure(1, 'hours')).toBe('1 hour');
    expect(formatMeasure(8, 'points')).toBe('8 points');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('answers ancestry and measure carriers on a tree too deep for recursion', () => {
    const depth = 100_000;
    const specs: ItemSpec[] = [];
    for (let i = 0; i < depth; i++) {
      specs.push({ id: `n${i}`, parent: i === 0 ? null : `n${i - 1}`, points: i === depth - 1 ? 3 : undefined });
    }
    const { plan, index } = planWithIndex(specs);
    const tree = new ItemTree(plan, index);
    expect(tree.encloses('n0', `n${depth - 1}`)).toBe(true);
    expect(tree.encloses(`n${depth - 1}`, 'n0')).toBe(false);
    expect(tree.encloses('n5', 'n5')).toBe(false);
    expect(measureCarriers(plan, index, 'points').size).toBe(depth);
    expect(() => lintPlan(plan, index)).not.toThrow();
  });
});
