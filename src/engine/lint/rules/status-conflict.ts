// status-conflict: an item whose own marks disagree: marked done while some of its checks
// (acceptance criteria, definition of done, technical tasks) are still open, or a ticked
// checkbox next to a status field that says otherwise (or the reverse).

import type { Finding, Item, Plan, PlanIndex, Status } from '../../model.js';
import { isShelved } from '../../model.js';
import { parseStatus } from '../../read/status.js';
import { describeItem, makeFinding, statusWord, type LintRule } from '../rule.js';

export const statusConflict: LintRule = {
  id: 'status-conflict',
  severity: 'warning',
  description: 'An item marked done with open checks, or a checkbox that disagrees with the status field.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    for (const item of plan.items) {
      if (item.kind === 'check') continue;

      if (item.status === 'done') {
        let total = 0;
        let open = 0;
        let firstOpen: Item | null = null;
        for (const id of item.children) {
          const child = index.byId.get(id);
          if (!child || child.kind !== 'check' || isShelved(child.status)) continue;
          total++;
          if (child.status !== 'done') {
            open++;
            firstOpen ??= child;
          }
        }
        if (firstOpen !== null) {
          const label = firstOpen.checklist ? ` (${firstOpen.checklist.replace(/[*_:]/g, '').trim()})` : '';
          const rest = open > 1 ? ` and ${open - 1} more` : '';
          findings.push(
            makeFinding(
              statusConflict,
              item.line,
              `${describeItem(item)} is marked done, but ${open} of its ${total} checks ${open === 1 ? 'is' : 'are'} still open: "${firstOpen.title.trim()}"${label} on line ${firstOpen.line}${rest}.`,
              { itemId: item.id, expected: 0, actual: open },
            ),
          );
        }
      }

      if (item.checkbox && item.statusField) {
        const fromField = parseStatus(item.statusField.value);
        if (fromField === null) continue;
        const boxDone = item.checkbox.char === 'x' || item.checkbox.char === 'X';
        // A ticked box beside "Cancelled" closes the item either way; not a contradiction.
        if (boxDone && fromField === 'cancelled') continue;
        if (boxDone === (fromField === 'done')) continue;
        const fromBox: Status = boxDone ? 'done' : item.checkbox.char === '-' || item.checkbox.char === '~' ? 'in_progress' : 'todo';
        findings.push(
          makeFinding(
            statusConflict,
            item.line,
            `${describeItem(item)} has checkbox [${item.checkbox.char}] (${statusWord(fromBox)}), but its ${item.statusField.label || 'status'} field says "${item.statusField.value.trim()}" (${statusWord(fromField)}).`,
            { itemId: item.id, expected: fromField, actual: fromBox },
          ),
        );
      }
    }
    return findings;
  },
};
