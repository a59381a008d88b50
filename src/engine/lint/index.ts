// Lint: every rule that checks a plan against itself (declared totals, arithmetic, capacity,
// statuses, dependencies, summaries, fields, story size, velocity tables), and lintPlan, which
// runs them all and merges what the reader already found.

import type { Finding, Plan, PlanIndex, Severity } from '../model.js';
import { indexPlan } from '../model.js';
import type { LintRule } from './rule.js';
import { declaredTotal } from './rules/declared-total.js';
import { arithmetic } from './rules/arithmetic.js';
import { overCapacity } from './rules/over-capacity.js';
import { parentChildStatus } from './rules/parent-child-status.js';
import { unknownRef } from './rules/unknown-ref.js';
import { cycle } from './rules/cycle.js';
import { depOrder } from './rules/dep-order.js';
import { matrixMismatch } from './rules/matrix-mismatch.js';
import { summaryMismatch } from './rules/summary-mismatch.js';
import { duplicateId } from './rules/duplicate-id.js';
import { missingField } from './rules/missing-field.js';
import { storySize } from './rules/story-size.js';
import { noAcceptance } from './rules/no-acceptance.js';
import { statusConflict } from './rules/status-conflict.js';
import { velocityTable } from './rules/velocity-table.js';

export type { LintRule } from './rule.js';

const ALL: readonly LintRule[] = [
  declaredTotal,
  arithmetic,
  overCapacity,
  parentChildStatus,
  unknownRef,
  cycle,
  depOrder,
  matrixMismatch,
  summaryMismatch,
  duplicateId,
  missingField,
  storySize,
  noAcceptance,
  statusConflict,
  velocityTable,
];

/** Every rule: its stable id, default severity and what it checks. */
export const RULES: ReadonlyArray<{ id: string; severity: Severity; description: string }> = ALL.map(
  ({ id, severity, description }) => ({ id, severity, description }),
);

/**
 * The reader's findings and every rule's, sorted by line, then rule id (then item id and
 * message, so the order never depends on which rule ran first).
 */
export function lintPlan(plan: Plan, index: PlanIndex = indexPlan(plan)): Finding[] {
  const findings: Finding[] = [...plan.findings];
  for (const rule of ALL) {
    for (const finding of rule.check(plan, index)) findings.push(finding);
  }
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.line !== b.line) return a.line - b.line;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  const ai = a.itemId ?? '';
  const bi = b.itemId ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
