import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build.js';
import { indexPlan } from '../model.js';
import { lintPlan, RULES } from './index.js';

describe('RULES', () => {
  it('lists every rule once, with a severity and a one-line description', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([
      'declared-total',
      'arithmetic',
      'over-capacity',
      'parent-child-status',
      'unknown-ref',
      'cycle',
      'dep-order',
      'matrix-mismatch',
      'summary-mismatch',
      'duplicate-id',
      'missing-field',
      'story-size',
      'no-acceptance',
      'status-conflict',
      'velocity-table',
    ]);
    for (const rule of RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(rule.description).not.toContain('\n');
    }
  });
});

describe('lintPlan', () => {
  const text = `# Garden - Backlog

**Total Story Points:** 9

### GARD-001: Build the raised beds
**Priority:** HIGH | **Points:** 5

**Acceptance Criteria:**
- [ ] The beds stand level

**Dependencies:** GARD-003

### GARD-001: Fill the beds with soil
**Priority:** HIGH | **Points:** 3

**Acceptance Criteria:**
- [ ] The soil is 30 cm deep

**Dependencies:** GARD-099
`;

  it("merges the reader's findings with every rule's, sorted by line then rule", () => {
    const findings = lintPlan(buildPlan(text));
    expect(findings.map((f) => [f.line, f.rule])).toEqual([
      [3, 'declared-total'],
      [11, 'unknown-ref'],
      [13, 'duplicate-id'],
      [19, 'unknown-ref'],
    ]);
    const sorted = [...findings].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
    expect(findings).toEqual(sorted);
  });

  it('returns nothing for a correct plan, and the same result with or without an index', () => {
    const correct = text.replace('**Total Story Points:** 9', '**Total Story Points:** 8').replace('### GARD-001: Fill', '### GARD-002: Fill').replace('GARD-003', 'None').replace('GARD-099', 'GARD-001');
    expect(lintPlan(buildPlan(correct))).toEqual([]);
    const plan = buildPlan(text);
    expect(lintPlan(plan, indexPlan(plan))).toEqual(lintPlan(plan));
  });
});
