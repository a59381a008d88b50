import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';
import { priorityLevel } from './summary-mismatch.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'summary-mismatch');

const backlog = (secondPriority: string) => `# Garden - Backlog

### GARD-001: Build the raised beds
**Priority:** HIGH | **Points:** 5

### GARD-002: Fill the beds with soil
**Priority:** ${secondPriority} | **Points:** 3

### GARD-003: Fit the timer
**Priority:** LOW | **Points:** 1

## Summary by Priority

### High Priority (Must Have)
- GARD-001, GARD-002

### Low Priority (Nice to Have)
- GARD-003
`;

describe('summary-mismatch', () => {
  it('stays silent when the summary agrees with each item, whatever words each uses', () => {
    expect(findings(backlog('HIGH'))).toEqual([]);
    expect(findings(backlog('P1'))).toEqual([]);
    expect(findings(backlog('Must Have'))).toEqual([]);
  });

  it('reports an item the summary places in another priority than its own field', () => {
    const result = findings(backlog('MEDIUM'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 15, itemId: 'GARD-002', expected: 'high', actual: 'medium', severity: 'warning' });
    expect(result[0].message).toContain('as high priority, but its own priority field (line 7) says "MEDIUM"');
  });

  it('normalises priority words and refuses ambiguous ones', () => {
    expect(priorityLevel('HIGH')).toBe('high');
    expect(priorityLevel('High Priority (Must Have)')).toBe('high');
    expect(priorityLevel('P2')).toBe('medium');
    expect(priorityLevel('Should Have')).toBe('medium');
    expect(priorityLevel('Low Priority (Nice to Have)')).toBe('low');
    expect(priorityLevel('Critical')).toBe('critical');
    expect(priorityLevel('high or low')).toBeNull();
    expect(priorityLevel('Highlights')).toBeNull();
  });
});
