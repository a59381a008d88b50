// missing-field: among three or more sibling items of one kind, a field every sibling states
// except one ("**Dependencies:**" on seven backlog items of a phase, missing on the eighth).

import type { Finding, Item, Plan } from '../../model.js';
import { describeItem, makeFinding, type LintRule } from '../rule.js';

/** Keys whose values name the item itself: one sibling lacking them says nothing. */
const IGNORED = new Set(['id', 'title', 'name', 'description', 'summary', 'notes']);

/**
 * A bold label with nothing after it ("**Technical Notes:**") introduces prose or a list: it is
 * a heading inside the item, not a field, and leaving it out is a writing choice.
 */
function hasValue(item: Item, key: string): boolean {
  const field = item.fields[key];
  return field !== undefined && field.value.trim() !== '';
}

export const missingField: LintRule = {
  id: 'missing-field',
  severity: 'warning',
  description: 'A field that all sibling items of the same kind state but one lacks.',
  check(plan: Plan): Finding[] {
    const groups = new Map<string, Item[]>();
    for (const item of plan.items) {
      if (item.kind === 'check') continue;
      const key = `${item.kind}\u0000${item.parent ?? `section:${item.section}`}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(item);
    }

    const findings: Finding[] = [];
    for (const siblings of groups.values()) {
      if (siblings.length < 3) continue;
      // How many siblings state each key with a value, and whether any states it empty.
      const counts = new Map<string, number>();
      const emptySomewhere = new Set<string>();
      for (const item of siblings) {
        for (const key of Object.keys(item.fields)) {
          if (IGNORED.has(key) || /\bid$/.test(key)) continue;
          if (hasValue(item, key)) counts.set(key, (counts.get(key) ?? 0) + 1);
          else emptySomewhere.add(key);
        }
      }
      for (const [key, count] of counts) {
        if (count !== siblings.length - 1 || emptySomewhere.has(key)) continue;
        const lacking = siblings.find((item) => !hasValue(item, key)) as Item;
        const example = siblings.find((item) => hasValue(item, key)) as Item;
        const label = example.fields[key].label.replace(/[*_:`]/g, '').trim() || key;
        findings.push(
          makeFinding(
            missingField,
            lacking.line,
            `${describeItem(lacking)} has no ${label} field, though the other ${count} ${lacking.kind === 'story' ? 'stories' : 'items'} beside it all state one.`,
            { itemId: lacking.id, expected: label },
          ),
        );
      }
    }
    return findings;
  },
};
