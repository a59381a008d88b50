// missing-field: among three or more sibling items of one kind, a field every sibling states
// except one ("**Dependencies:**" on seven backlog items of a phase, missing on the eighth).

import type { Finding, Item, Plan, PlanIndex } from '../../model.js';
import { describeItem, makeFinding, type LintRule } from '../rule.js';

/** Keys whose values name the item itself: one sibling lacking them says nothing. */
// A missing status is not an omission: an item without one is open, or rolls up from its children.
const IGNORED = new Set(['id', 'title', 'name', 'description', 'summary', 'notes', 'status']);

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
  check(plan: Plan, index: PlanIndex): Finding[] {
    // Siblings: the children of one parent (or, for top-level items, the items of one
    // section), of one kind. A parent's children list already is the sibling group.
    const groups: Item[][] = [];
    const addByKind = (members: Iterable<Item>) => {
      const byKind = new Map<string, Item[]>();
      for (const member of members) {
        if (member.kind === 'check') continue;
        const group = byKind.get(member.kind);
        if (group) group.push(member);
        else byKind.set(member.kind, [member]);
      }
      for (const group of byKind.values()) if (group.length >= 3) groups.push(group);
    };
    const topLevel = new Map<string, Item[]>();
    for (const item of plan.items) {
      if (item.children.length >= 3) {
        addByKind(item.children.map((id) => index.byId.get(id)).filter((child): child is Item => child !== undefined));
      }
      if (item.parent === null || !index.byId.has(item.parent)) {
        const section = topLevel.get(item.section);
        if (section) section.push(item);
        else topLevel.set(item.section, [item]);
      }
    }
    for (const members of topLevel.values()) if (members.length >= 3) addByKind(members);

    const findings: Finding[] = [];
    for (const siblings of groups) {
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
