// Where a plan stands: roll-ups per top-level section and overall, ready and blocked work, the
// critical path, and findings by severity.

import { dependencyGraph } from '../engine/analyze/graph.js';
import type { CriticalUnit } from '../engine/analyze/graph.js';
import { computeRollups } from '../engine/analyze/rollup.js';
import type { Rollup } from '../engine/analyze/rollup.js';
import { lintPlan } from '../engine/lint/index.js';
import type { Dialect, Plan, PlanIndex, Section } from '../engine/model.js';
import { countBySeverity } from './lint.js';
import type { SeverityCounts } from './lint.js';

export interface SectionStatus {
  id: string;
  title: string;
  line: number;
  rollup: Rollup;
}

export interface PlanStatus {
  file: string;
  title: string;
  dialects: Dialect[];
  overall: Rollup;
  sections: SectionStatus[];
  ready: number;
  blocked: number;
  critical: { length: number; unit: CriticalUnit; items: number; path: string[] };
  cycles: number;
  findings: SeverityCounts;
}

/**
 * The sections a reader thinks of as the plan's parts: the root headings, or, when one root
 * heading holds every other (a document title), the headings right under it.
 */
export function topLevelSections(plan: Plan): Section[] {
  let roots = plan.sections.filter((section) => section.parent === null);
  if (roots.length === 1) {
    const title = roots[0];
    const below = plan.sections.filter((section) => section.parent === title.id);
    if (below.length > 0) roots = below;
  }
  return roots;
}

function isEmpty(rollup: Rollup): boolean {
  return rollup.actionable === 0 && rollup.checks.total === 0;
}

export function planStatus(path: string, plan: Plan, index: PlanIndex): PlanStatus {
  const rollups = computeRollups(plan, index);
  const graph = dependencyGraph(plan, index);
  const findings = lintPlan(plan, index);
  const sections: SectionStatus[] = [];
  for (const section of topLevelSections(plan)) {
    const rollup = rollups.bySection.get(section.id);
    if (!rollup || isEmpty(rollup)) continue;
    sections.push({ id: section.id, title: section.title, line: section.line, rollup });
  }
  return {
    file: path,
    title: plan.title,
    dialects: plan.dialects,
    overall: rollups.overall,
    sections,
    ready: graph.ready.length,
    blocked: graph.blocked.length,
    critical: { length: graph.critical.length, unit: graph.critical.unit, items: graph.critical.path.length, path: graph.critical.path },
    cycles: graph.cycles.length,
    findings: countBySeverity(findings),
  };
}
