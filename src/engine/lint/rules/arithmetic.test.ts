import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'arithmetic');

const plan = (backend: string, devops: string) => `# Shop - Agile Breakdown

## Sprint 1 (Weeks 1-2): Checkout

**Capacity:** 20 story points

**Sprint Capacity Check:**
- Backend: ${backend}
- DevOps: ${devops}
`;

describe('arithmetic', () => {
  it('stays silent when every written sum adds up', () => {
    expect(findings(plan('12 + 10 = **22 hrs**', '6 + 2.5 + 1.5 = **10 hrs**'))).toEqual([]);
  });

  it('reports a sum whose terms do not add up to its total, with both numbers', () => {
    const [finding, ...rest] = findings(plan('12 + 10 = **22 hrs**', '6 + 4 + 3 = **12 hrs**'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'arithmetic', severity: 'error', line: 9, expected: 12, actual: 13 });
    expect(finding.message).toBe('The sum 6 + 4 + 3 is written as 12, but its terms add up to 13.');
  });
});
