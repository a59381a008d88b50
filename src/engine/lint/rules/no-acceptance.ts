// no-acceptance: a user story the plan gives no acceptance criteria (or test criteria) for,
// so nobody can say when it is done.

import type { Finding, Item, Plan } from '../../model.js';
import { isShelved } from '../../model.js';
import { describeItem, makeFinding, type LintRule } from '../rule.js';

/**
 * Field labels that state how the story will be accepted, for plans whose wording the reader
 * does not take as acceptance criteria (spec-kit's "Independent Test").
 */
const ACCEPTANCE_FIELD = /\b(acceptance|independent test|test criteria|how to test|verification|definition of done)\b/i;

function statesAcceptance(item: Item): boolean {
  if (item.hasAcceptance) return true;
  for (const key of Object.keys(item.fields)) {
    if (ACCEPTANCE_FIELD.test(key) && item.fields[key].value.trim() !== '') return true;
  }
  return false;
}

export const noAcceptance: LintRule = {
  id: 'no-acceptance',
  severity: 'warning',
  description: 'A story with no acceptance criteria or test criteria.',
  check(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const item of plan.items) {
      // Shelved stories are not going to be built now; asking for their criteria is noise.
      if (item.kind !== 'story' || isShelved(item.status) || statesAcceptance(item)) continue;
      findings.push(
        makeFinding(noAcceptance, item.line, `Story ${describeItem(item)} has no acceptance criteria.`, {
          itemId: item.id,
        }),
      );
    }
    return findings;
  },
};
