// no-acceptance: a user story the plan gives no acceptance criteria (or test criteria) for,
// so nobody can say when it is done.

import type { Finding, Plan } from '../../model.js';
import { isShelved } from '../../model.js';
import { describeItem, makeFinding, type LintRule } from '../rule.js';

export const noAcceptance: LintRule = {
  id: 'no-acceptance',
  severity: 'warning',
  description: 'A story with no acceptance criteria or test criteria.',
  check(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const item of plan.items) {
      // Shelved stories are not going to be built now; asking for their criteria is noise.
      if (item.kind !== 'story' || item.hasAcceptance || isShelved(item.status)) continue;
      findings.push(
        makeFinding(noAcceptance, item.line, `Story ${describeItem(item)} has no acceptance criteria.`, {
          itemId: item.id,
        }),
      );
    }
    return findings;
  },
};
