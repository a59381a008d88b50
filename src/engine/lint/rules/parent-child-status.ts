// parent-child-status: a parent the document marks done while one of its child items is still
// marked open, and (as information) a parent the document marks open although every child item
// is done. Checks (acceptance criteria and the like) are left to status-conflict.

import type { Finding, Item, Plan, PlanIndex } from '../../model.js';
import { isShelved } from '../../model.js';
import { describeItem, isExplicit, isOpen, makeFinding, statusWord, type LintRule } from '../rule.js';

export const parentChildStatus: LintRule = {
  id: 'parent-child-status',
  severity: 'warning',
  description: 'A parent marked done with a child item still open, or (info) a parent marked open whose child items are all done.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    for (const item of plan.items) {
      if (item.kind === 'check' || !isExplicit(item) || item.children.length === 0) continue;
      const children: Item[] = [];
      for (const id of item.children) {
        const child = index.byId.get(id);
        if (child && child.kind !== 'check') children.push(child);
      }
      if (children.length === 0) continue;

      if (item.status === 'done') {
        const open = children.filter((child) => isExplicit(child) && isOpen(child.status));
        if (open.length === 0) continue;
        const first = open[0];
        const rest = open.length > 1 ? ` and ${open.length - 1} more` : '';
        findings.push(
          makeFinding(
            parentChildStatus,
            item.line,
            `${describeItem(item)} is marked done, but ${open.length} of its ${children.length} child items ${open.length === 1 ? 'is' : 'are'} still open: ${describeItem(first)} (line ${first.line}, ${statusWord(first.status)})${rest}.`,
            { itemId: item.id, expected: 0, actual: open.length },
          ),
        );
        continue;
      }

      // Only todo and in-progress parents: a parent in review or blocked with its sub-items
      // done is the normal course of work, not a contradiction.
      if (item.status !== 'todo' && item.status !== 'in_progress') continue;
      const live = children.filter((child) => !isShelved(child.status));
      if (live.length === 0 || !live.every((child) => child.status === 'done')) continue;
      findings.push(
        makeFinding(
          parentChildStatus,
          item.line,
          `${describeItem(item)} is marked ${statusWord(item.status)}, but all ${live.length} of its child items are done.`,
          { itemId: item.id, severity: 'info', expected: statusWord(item.status), actual: 'done' },
        ),
      );
    }
    return findings;
  },
};
