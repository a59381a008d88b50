import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'matrix-mismatch');

const plan = (rows: string) => `# Shop - Agile Breakdown

# EPIC 1: CHECKOUT

**Epic ID:** EPIC-001

### Story 1.1: Cart
**Story ID:** US-001
**Story Points:** 8
**Dependencies:** None

### Story 1.2: Payment
**Story ID:** US-002
**Story Points:** 5
**Dependencies:** US-001 (needs the cart)

# EPIC 2: DELIVERY

**Epic ID:** EPIC-002

### Story 2.1: Shipping
**Story ID:** US-003
**Story Points:** 5
**Dependencies:** EPIC-001 completed

## Detailed Dependencies

| Story | Depends On | Blocks | Notes |
|-------|------------|--------|-------|
${rows}
`;

describe('matrix-mismatch', () => {
  it('stays silent when the matrix says what the items say (an epic and its stories compare equal)', () => {
    const rows = [
      '| US-001 (Cart) | None | US-002 | first |',
      '| US-002 (Payment) | US-001 | - | second |',
      '| US-003 (Shipping) | US-001, US-002 | - | after checkout |',
    ].join('\n');
    expect(findings(plan(rows))).toEqual([]);
  });

  it('reports a row whose depends-on differs from the item, and a blocks id the other item does not wait for', () => {
    const rows = [
      '| US-001 (Cart) | None | US-002 | first |',
      '| US-002 (Payment) | US-001, US-003 | - | second |',
      '| US-003 (Shipping) | EPIC-001 | US-002 | after checkout |',
    ].join('\n');
    const result = findings(plan(rows));
    expect(result.map((f) => [f.line, f.itemId, f.expected, f.actual])).toEqual([
      [31, 'US-002', 'US-001 and US-003', 'US-001'],
      [32, 'US-003', 'US-003', 'US-001'],
    ]);
    expect(result[0].message).toBe(
      "The dependency matrix says US-002 depends on US-001 and US-003, but US-002's own dependencies (line 15) are US-001.",
    );
    expect(result[1].message).toContain('says US-003 blocks US-002');
  });
});
