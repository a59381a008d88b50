// dep-order: an item that depends on work planned after it: committed to a later sprint, or,
// where the two are not both in sprints, written later in the document.

import type { Finding, Item, Plan, PlanIndex } from '../../model.js';
import { describeItem, ItemTree, makeFinding, type LintRule } from '../rule.js';

/** The first sprint (by position in plan.sprints) each item is committed to. */
function firstSprints(plan: Plan): Map<string, number> {
  const first = new Map<string, number>();
  plan.sprints.forEach((sprint, position) => {
    for (const id of sprint.items) if (!first.has(id)) first.set(id, position);
  });
  return first;
}

export const depOrder: LintRule = {
  id: 'dep-order',
  severity: 'warning',
  description: 'An item depends on an item committed to a later sprint or written later in the plan.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    const sprintOf = firstSprints(plan);
    let tree: ItemTree | null = null;
    for (const item of plan.items) {
      if (item.kind === 'check' || item.deps.length === 0) continue;
      const position = index.order.get(item.id) ?? -1;
      const ownSprint = sprintOf.get(item.id);
      const reported = new Set<string>();
      for (const ref of item.deps) {
        const late: Array<{ dep: Item; reason: string }> = [];
        for (const depId of ref.ids) {
          if (depId === item.id || reported.has(depId)) continue;
          const dep = index.byId.get(depId);
          if (!dep) continue;
          // Depending on an enclosing phase or story is how spec-kit writes ordering, and a
          // parent waiting for its own parts is the roll-up: neither is an inversion.
          tree ??= new ItemTree(plan, index);
          if (tree.encloses(depId, item.id) || tree.encloses(item.id, depId)) continue;
          const depSprint = sprintOf.get(depId);
          let reason: string | null = null;
          if (ownSprint !== undefined && depSprint !== undefined) {
            if (depSprint > ownSprint) {
              reason = `${dep.id} is committed to ${plan.sprints[depSprint].name} (line ${plan.sprints[depSprint].line}), after ${item.id}'s ${plan.sprints[ownSprint].name}`;
            }
          } else if ((index.order.get(depId) ?? -1) > position) {
            reason = `${dep.id} comes later in the plan (line ${dep.line})`;
          }
          if (reason === null) continue;
          reported.add(depId);
          late.push({ dep, reason });
        }
        if (late.length === 0) continue;
        // A group ("All Phase 2 items") is one written dependency: one finding for it.
        const each = ref.group !== undefined ? late.slice(0, 1) : late;
        for (const { dep, reason } of each) {
          const more = ref.group !== undefined && late.length > 1 ? ` (and ${late.length - 1} more of "${ref.group}")` : '';
          findings.push(
            makeFinding(depOrder, ref.line, `${describeItem(item)} depends on ${describeItem(dep)}, but ${reason}${more}.`, {
              itemId: item.id,
            }),
          );
        }
      }
    }
    return findings;
  },
};
