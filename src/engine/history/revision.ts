// Boils a built plan down to what history compares between revisions: each item's id, title,
// kind, status, points and place. Checks (acceptance criteria and the like) belong to their item
// and are left out. Points count only on carriers (an item with points and no descendant that
// has points), as the progress roll-ups count them, so an epic's declared total is never added
// to its stories' points.

import { indexPlan, isActionable } from '../model.js';
import type { Item, Plan } from '../model.js';
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
  const index = indexPlan(plan);
  const n = plan.items.length;
  // Whether some descendant has points: children come after their parent, so one reverse pass.
  const pointsBelow = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item.parent === null) continue;
    const parentAt = index.order.get(item.parent);
    if (parentAt !== undefined && (pointsBelow[i] || hasPoints(item))) pointsBelow[parentAt] = 1;
  }
  const items: RevisionItem[] = [];
  const lines: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = plan.items[i];
    if (item.kind === 'check') continue;
    lines.push(item.line);
    items.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      status: item.status,
      points: hasPoints(item) && !pointsBelow[i] ? (item.points as number) : null,
      parent: item.parent,
      counted: isActionable(item, index),
      derived: isDerivedId(item.id),
    });
  }
  return { revision: { items }, lines };
}

function hasPoints(item: Item): boolean {
  return item.points !== undefined && Number.isFinite(item.points);
}
