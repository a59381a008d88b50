import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'declared-total');

const backlog = (total: string, phase: string, highTotal: string) => `# Garden - Backlog

**Total Story Points:** ${total}

## Phase 1: Beds (${phase} Story Points)

### GARD-001: Build the raised beds
**Priority:** HIGH | **Points:** 5 | **Effort:** 10 hours

**Dependencies:** None

### GARD-002: Fill the beds with soil
**Priority:** HIGH | **Points:** 3 | **Effort:** 6 hours

**Dependencies:** GARD-001

## Phase 2: Water

### GARD-003: Lay the drip line
**Priority:** LOW | **Points:** 2 | **Effort:** 4 hours

**Dependencies:** GARD-002

### GARD-004: Fit the timer
**Priority:** LOW | **Points:** 1 | **Effort:** 2 hours

**Dependencies:** GARD-003

## Summary by Priority

### High Priority
- GARD-001, GARD-002

**Total High Priority:** ${highTotal} story points
`;

const team = (total: string) => `# Team

| Role | Weekly Hours | Sprint Capacity |
|------|--------------|-----------------|
| Backend Developer | 30 hrs | 60 hrs |
| QA Engineer | 20 hrs | 40 hrs |
| **Total** | **50 hrs** | **${total}** |
`;

describe('declared-total', () => {
  it('stays silent when phase, document, list and table totals match', () => {
    expect(findings(backlog('11', '8', '8'))).toEqual([]);
    expect(findings(team('100 hrs'))).toEqual([]);
  });

  it('accepts an approximate total within 10% of the sum', () => {
    // 11 computed; "~12" is 9% off.
    expect(findings(backlog('~12', '8', '8'))).toEqual([]);
  });

  it('reports a phase total that differs from its items, declared as expected and computed as actual', () => {
    const result = findings(backlog('11', '10', '8'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 5, itemId: 'phase-1', expected: 10, actual: 8, severity: 'warning' });
    expect(result[0].message).toBe('phase-1 "Beds" declares 10 points, but the items under it add up to 8 points, a difference of 2.');
  });

  it('reports an approximate total more than 10% off, and a listed total', () => {
    const result = findings(backlog('~13', '8', '9'));
    expect(result.map((f) => [f.line, f.expected, f.actual])).toEqual([
      [3, 13, 11],
      [34, 9, 8],
    ]);
    expect(result[0].message).toContain('about 13 points');
    expect(result[0].message).toContain('more than 10% off');
    expect(result[1].message).toContain('the 2 items it covers add up to 8 points');
  });

  it('reports a table Total row that is not the sum of the rows above it', () => {
    const [finding] = findings(team('90 hrs'));
    expect(finding).toMatchObject({ line: 7, expected: 90, actual: 100 });
    expect(finding.message).toContain('"Sprint Capacity" column of the table at line 3 adds up to 100');
  });

  it('accepts a total that counts the icebox as well as one that leaves it out', () => {
    const tracker = (total: number) => `# Tracker

#### TASK-001: Deploy
- **Status**: In Progress
- **Story Points**: 8

#### TASK-002: Tune
- **Status**: Icebox
- **Story Points**: 5

## Sprint Metrics
- **Total Story Points**: ${total}
`;
    expect(findings(tracker(8))).toEqual([]);
    expect(findings(tracker(13))).toEqual([]);
    expect(findings(tracker(10)).map((f) => [f.line, f.expected, f.actual])).toEqual([[12, 10, 8]]);
  });
});
