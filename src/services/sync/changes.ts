// What the server changed on an item, field by field, for a conflict report: the engine reads the
// base and the server's text, and the item's fields are compared.

import type { Item, Plan } from '../../engine/model.js';

const FIELDS = ['title', 'status', 'assignee', 'points', 'hours', 'priority'] as const;

function shown(value: Item[(typeof FIELDS)[number]]): string {
  return value === undefined || value === '' ? '(none)' : String(value);
}

/** One line per changed field of each item, e.g. "T002 status todo → done". */
export function itemChanges(before: Plan, after: Plan, ids: readonly string[]): string[] {
  const lines: string[] = [];
  for (const id of ids) {
    const old = before.items.find((item) => item.id === id);
    const now = after.items.find((item) => item.id === id);
    if (!old && !now) continue;
    if (!old) lines.push(`${id} added`);
    else if (!now) lines.push(`${id} removed`);
    else for (const field of FIELDS) if (old[field] !== now[field]) lines.push(`${id} ${field} ${shown(old[field])} → ${shown(now[field])}`);
  }
  return lines;
}
