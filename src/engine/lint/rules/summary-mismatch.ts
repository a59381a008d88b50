// summary-mismatch: a summary list ("High Priority: DEVOPS-001 …", "Sprint 2: …") that says
// something about an item which the item's own field contradicts.

import type { Finding, Item, Plan, PlanIndex, SummaryClaim } from '../../model.js';
import { describeItem, makeFinding, type LintRule } from '../rule.js';

export type PriorityLevel = 'critical' | 'high' | 'medium' | 'low';

const LEVELS: ReadonlyArray<[RegExp, PriorityLevel]> = [
  [/\b(critical|urgent|highest|blocker|showstopper|p0)\b/, 'critical'],
  [/\b(high|must(?:[ -]have)?|p1)\b/, 'high'],
  [/\b(medium|med|moderate|normal|should(?:[ -]have)?|p2)\b/, 'medium'],
  [/\b(low|lowest|minor|trivial|could(?:[ -]have)?|nice[ -]to[ -]have|p3|p4|p5)\b/, 'low'],
];

/**
 * The priority level a value names ("HIGH", "High Priority (Must Have)", "P1"), or null when it
 * names none or several.
 */
export function priorityLevel(value: string): PriorityLevel | null {
  const text = value.toLowerCase().replace(/[*_`]/g, ' ');
  let found: PriorityLevel | null = null;
  for (const [pattern, level] of LEVELS) {
    if (!pattern.test(text)) continue;
    if (found !== null && found !== level) return null;
    found = level;
  }
  return found;
}

// "Critical" and "high" are one band for a summary: a "High priority" list that includes a
// critical item is loose wording, not a contradiction.
function band(level: PriorityLevel): string {
  return level === 'critical' ? 'high' : level;
}

function sprintNumber(value: string): string | null {
  const match = /(\d+)/.exec(value);
  return match ? match[1] : null;
}

function ownValue(item: Item, claim: SummaryClaim): string | undefined {
  if (claim.field === 'priority') return item.priority ?? item.fields.priority?.value;
  return item.fields.sprint?.value;
}

export const summaryMismatch: LintRule = {
  id: 'summary-mismatch',
  severity: 'warning',
  description: "A summary list that contradicts the items' own priority or sprint fields.",
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    for (const claim of plan.summaries) {
      const claimed = claim.field === 'priority' ? priorityLevel(claim.value) : sprintNumber(claim.value);
      if (claimed === null) continue;
      for (const id of new Set(claim.ids)) {
        const item = index.byId.get(id);
        if (!item) continue;
        const own = ownValue(item, claim);
        if (own === undefined) continue;
        const actual = claim.field === 'priority' ? priorityLevel(own) : sprintNumber(own);
        if (actual === null) continue;
        const agree =
          claim.field === 'priority'
            ? band(claimed as PriorityLevel) === band(actual as PriorityLevel)
            : claimed === actual;
        if (agree) continue;
        const what = claim.field === 'priority' ? `${claimed} priority` : `sprint ${claimed}`;
        findings.push(
          makeFinding(
            summaryMismatch,
            claim.line,
            `The ${claim.value.trim()} ${claim.field === 'priority' && !/priority/i.test(claim.value) ? 'priority ' : ''}summary lists ${describeItem(item)} as ${what}, but its own ${claim.field} field (line ${item.fields[claim.field]?.line ?? item.line}) says "${own.trim()}".`,
            { itemId: item.id, expected: claimed, actual },
          ),
        );
      }
    }
    return findings;
  },
};
