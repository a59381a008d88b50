// unknown-ref: a dependency (on an item, or in a dependency matrix) that names something the
// plan does not contain, or that cannot be read as either item ids or "none".

import type { Finding, Plan, Reference } from '../../model.js';
import { listWords, makeFinding, type LintRule } from '../rule.js';

// Ways plans write "no dependency": "None", "None currently", "N/A", "-", "—", "nothing".
const NONE = /^\s*(?:[-–—]+|none\b.*|n\/?a\b.*|nothing\b.*|no\s+(?:dependenc|blocker|prerequisite).*|not\s+applicable.*|nil\b.*)?\s*$/i;

/** True when the reference says there is no dependency. */
export function saysNone(raw: string): boolean {
  return NONE.test(raw.replace(/[*_`]/g, ''));
}

function problem(ref: Reference): string | null {
  if (ref.unresolved.length > 0) {
    const names = ref.unresolved.map((token) => `"${token}"`);
    return `${listWords(names)} ${ref.unresolved.length === 1 ? 'matches' : 'match'} no item in the plan`;
  }
  if (ref.ids.length === 0 && !saysNone(ref.raw)) {
    return ref.group ? `the group "${ref.group}" has no members` : 'it names no item the plan contains';
  }
  return null;
}

export const unknownRef: LintRule = {
  id: 'unknown-ref',
  severity: 'warning',
  description: 'A dependency that names no item in the plan.',
  check(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const item of plan.items) {
      for (const ref of item.deps) {
        const what = problem(ref);
        if (what === null) continue;
        findings.push(
          makeFinding(unknownRef, ref.line, `${item.id} depends on "${ref.raw.trim()}", but ${what}.`, {
            itemId: item.id,
            ...(ref.unresolved.length > 0 ? { actual: ref.unresolved.join(', ') } : {}),
          }),
        );
      }
    }
    for (const row of plan.matrix) {
      for (const [column, ref] of [
        ['depends on', row.dependsOn],
        ['blocks', row.blocks],
      ] as const) {
        const what = problem(ref);
        if (what === null) continue;
        findings.push(
          makeFinding(
            unknownRef,
            row.line,
            `The dependency matrix row for ${row.itemId} says it ${column} "${ref.raw.trim()}", but ${what}.`,
            { itemId: row.itemId, ...(ref.unresolved.length > 0 ? { actual: ref.unresolved.join(', ') } : {}) },
          ),
        );
      }
    }
    return findings;
  },
};
