import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'over-capacity');

const plan = (capacity: number, backendHours: number) => `# Shop - Agile Breakdown

| Role | Weekly Hours | Sprint Capacity |
|------|--------------|-----------------|
| Backend Developer | 15 hrs | 30 hrs |
| DevOps Engineer | 10 hrs | 20 hrs |

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

## Sprint 1 (Weeks 1-2): Checkout

**Capacity:** ${capacity} story points

### Committed Stories:
1. **US-001: Cart** (8 pts) - Backend/DevOps
   - Build the cart API (${backendHours} hrs) - Backend
   - Deploy the cart service (6 hrs) - DevOps
2. **US-002: Payment** (5 pts) - Backend
   - Build the payment API (10 hrs) - Backend
`;

describe('over-capacity', () => {
  it('stays silent when points and role hours fit (equal to capacity is not over)', () => {
    expect(findings(plan(13, 20))).toEqual([]);
  });

  it('reports committed points above the sprint capacity', () => {
    const result = findings(plan(12, 20));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 24, severity: 'warning', expected: 12, actual: 13 });
    expect(result[0].message).toBe('Sprint 1 (Weeks 1-2): Checkout commits 13 story points against a capacity of 12, 1 over.');
  });

  it("reports a role's hours above the role's sprint capacity", () => {
    const result = findings(plan(13, 24));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 22, expected: 30, actual: 34 });
    expect(result[0].message).toContain('34 hours of Backend Developer');
  });
});
