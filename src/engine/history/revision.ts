// Boils a built plan down to what history compares between revisions: each item's id, title,
// kind, status, points and place, weighed as the charts weigh it (weights.ts: checks left out,
// points only on carriers).

import type { Plan } from '../model.js';
import { chartWeights } from './weights.js';
import type { PlanRevision, RevisionItem } from './types.js';

/**
 * Whether an id was derived by the builder rather than written in the plan. Derived ids end in
 * an outline position (`1.2.3`, `setup.4`), carry a duplicate suffix (`T001~2`), name a line
 * (`line-40`), or are a slug of the title (no digit at all). Written ids (`T001`, `DEVOPS-4`,
 * `US-001`, `phase-2`) keep their identity when the title changes; derived ones may shift.
 */
export function isDerivedId(id: string): boolean {
  return /\.[A-Za-z]*\d+$/.test(id) || /~\d+$/.test(id) || /^line-\d+$/.test(id) || /^\d+$/.test(id) || !/\d/.test(id);
}

export function summarizeRevision(plan: Plan): PlanRevision {
  return summarizeWithLines(plan).revision;
}

/** The revision, and the line (1-based) of each of its items. */
export function summarizeWithLines(plan: Plan): { revision: PlanRevision; lines: number[] } {
  const weights = chartWeights(plan.items);
  const items: RevisionItem[] = [];
  const lines: number[] = [];
  for (let i = 0; i < plan.items.length; i++) {
    const item = plan.items[i];
    const weight = weights[i];
    if (!weight.charted) continue;
    lines.push(item.line);
    items.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      status: item.status,
      points: weight.points,
      parent: item.parent,
      counted: weight.counted,
      derived: isDerivedId(item.id),
    });
  }
  return { revision: { items }, lines };
}
