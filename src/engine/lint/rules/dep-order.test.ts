import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'dep-order');

const backlog = (firstDeps: string) => `# Garden - Backlog

### GARD-001: Build the raised beds
**Points:** 5

**Dependencies:** ${firstDeps}

### GARD-002: Fill the beds with soil
**Points:** 3

**Dependencies:** GARD-001
`;

const sprints = (first: string, second: string) => `# Shop - Agile Breakdown

# EPIC 1: CHECKOUT

**Epic ID:** EPIC-001

### Story 1.1: Cart
**Story ID:** US-001
**Story Points:** 8
**Dependencies:** None

### Story 1.2: Payment
**Story ID:** US-002
**Story Points:** 5
**Dependencies:** US-001

## Sprint 1 (Weeks 1-2): First

**Capacity:** 20 story points

### Committed Stories:
1. **${first}** (5 pts)

## Sprint 2 (Weeks 3-4): Second

**Capacity:** 20 story points

### Committed Stories:
1. **${second}** (8 pts)
`;

describe('dep-order', () => {
  it('stays silent when every dependency comes first', () => {
    expect(findings(backlog('None'))).toEqual([]);
    expect(findings(sprints('US-001: Cart', 'US-002: Payment'))).toEqual([]);
  });

  it('reports a dependency written later in the plan', () => {
    const result = findings(backlog('GARD-002'));
    // GARD-002 -> GARD-001 is in order; GARD-001 -> GARD-002 is the inversion.
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 6, itemId: 'GARD-001', severity: 'warning' });
    expect(result[0].message).toContain('GARD-002 comes later in the plan (line 8)');
  });

  it('reports a dependency committed to a later sprint than the item', () => {
    const result = findings(sprints('US-002: Payment', 'US-001: Cart'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ itemId: 'US-002', line: 15 });
    expect(result[0].message).toContain('US-001 is committed to Sprint 2');
  });

  it('reports a group dependency on later work once, counting the rest', () => {
    const text = `# Garden - Backlog

## Phase 1: Beds

### GARD-001: Plan the beds
**Points:** 1

**Dependencies:** All Phase 2 items

## Phase 2: Water

### GARD-002: Lay the drip line
**Points:** 2

### GARD-003: Fit the timer
**Points:** 1
`;
    const result = findings(text);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ itemId: 'GARD-001', line: 8 });
    expect(result[0].message).toContain('(and 1 more of');
  });
});
