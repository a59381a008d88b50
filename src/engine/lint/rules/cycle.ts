// cycle: items that wait for each other in a ring, so none of them can ever start.

import type { Finding, Plan, PlanIndex } from '../../model.js';
import { findCycles } from '../../analyze/graph.js';
import { makeFinding, type LintRule } from '../rule.js';

export const cycle: LintRule = {
  id: 'cycle',
  severity: 'error',
  description: 'Items whose dependencies form a cycle, so none of them can start.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    // The dependency graph leaves self-references out; the items' own fields still show them.
    for (const item of plan.items) {
      if (item.deps.some((ref) => ref.ids.includes(item.id))) {
        findings.push(makeFinding(cycle, item.line, `${item.id} depends on itself.`, { itemId: item.id }));
      }
    }
    for (const ids of findCycles(plan, index)) {
      if (ids.length === 0) continue;
      const first = index.byId.get(ids[0]);
      const ring = [...ids, ids[0]].join(' → ');
      const message =
        ids.length === 1
          ? `${ids[0]} depends on itself.`
          : `Dependency cycle: ${ring}; none of these ${ids.length} items can start before another of them is done.`;
      findings.push(makeFinding(cycle, first?.line ?? 1, message, { itemId: ids[0] }));
    }
    return findings;
  },
};
