// arithmetic: a sum written out in the text ("10 + 8 + 4 = 22 hrs") whose terms do not add up
// to the total it states.

import type { Finding, Plan } from '../../model.js';
import { formatNumber, makeFinding, type LintRule } from '../rule.js';

// Terms may be decimals; compare with a tolerance well under any written precision.
const TOLERANCE = 1e-6;

export const arithmetic: LintRule = {
  id: 'arithmetic',
  severity: 'error',
  description: 'A sum written in the text (a + b + c = N) whose terms do not add up to N.',
  check(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const sum of plan.writtenSums) {
      if (sum.terms.length === 0) continue;
      let computed = 0;
      for (const term of sum.terms) computed += term;
      if (Math.abs(computed - sum.total) <= TOLERANCE) continue;
      const written = sum.terms.map(formatNumber).join(' + ');
      findings.push(
        makeFinding(
          arithmetic,
          sum.line,
          `The sum ${written} is written as ${formatNumber(sum.total)}, but its terms add up to ${formatNumber(computed)}.`,
          { expected: sum.total, actual: computed },
        ),
      );
    }
    return findings;
  },
};
