// duplicate-id: two items with the same id. The builder meets these while it reads the plan and
// reports them in plan.findings under this rule id; lint merges those findings, so this rule
// only declares itself and never reports a second time.

import type { Finding } from '../../model.js';
import type { LintRule } from '../rule.js';

export const duplicateId: LintRule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two items share one id (reported by the reader; every reference to the id is ambiguous).',
  check(): Finding[] {
    return [];
  },
};
