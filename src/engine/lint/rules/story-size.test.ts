import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'story-size');

const story = (n: number, points: number) => `### Story 1.${n}: Story ${n}
**Story ID:** US-00${n}
**Story Points:** ${points}
`;

const plan = (points: number[], capacity?: number) => `# Shop - Agile Breakdown

# EPIC 1: CHECKOUT

**Epic ID:** EPIC-001

${points.map((p, i) => story(i + 1, p)).join('\n')}
${capacity === undefined ? '' : `## Sprint 1 (Weeks 1-2): First\n\n**Capacity:** ${capacity} story points\n`}`;

describe('story-size', () => {
  it('stays silent for stories within half the sprint capacity, or within 13 points without one', () => {
    expect(findings(plan([8, 13, 5], 30))).toEqual([]);
    expect(findings(plan([8, 13, 5]))).toEqual([]);
  });

  it('stays silent when, without a capacity, most stories pass 13 (the plan uses a larger scale)', () => {
    expect(findings(plan([20, 40, 30]))).toEqual([]);
  });

  it('reports a story above half the average sprint capacity', () => {
    const result = findings(plan([8, 21, 5], 40));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ itemId: 'US-002', severity: 'info', expected: 20, actual: 21 });
    expect(result[0].message).toContain('more than half the average sprint capacity of 40 points');
  });

  it('reports a story above 13 points when no capacity is known', () => {
    const result = findings(plan([8, 21, 5]));
    expect(result.map((f) => [f.itemId, f.expected, f.actual])).toEqual([['US-002', 13, 21]]);
  });
});
