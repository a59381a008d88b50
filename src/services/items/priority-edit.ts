// Setting an item's priority as a text edit, in the edit engine's terms: rewrite the value where
// the item writes a priority field, else add the field the way `setField` adds one (the plan's own
// label for it, on the item's field lines). Priorities are words ("High", "P1", "Must"), written
// as given.

import { insertFieldEdit } from '../../engine/edit/insert.js';
import { assertPlanText } from '../../engine/edit/status.js';
import type { EditSet } from '../../engine/edit/types.js';
import type { Item, Plan } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';

export const MAX_PRIORITY_LENGTH = 40;

export function checkedPriority(item: Pick<Item, 'id'>, value: string): string {
  const word = value.trim();
  if (word === '' || word.length > MAX_PRIORITY_LENGTH || /[\r\n\u0000-\u001f|*]/.test(word)) {
    throw new ScrumdownError(
      'invalid_argument',
      `The priority for '${item.id}' must be a word or short phrase on one line (at most ${MAX_PRIORITY_LENGTH} characters, without '|' or '*'), e.g. High or P1 (got ${JSON.stringify(value)}).`,
      { id: item.id, field: 'priority', value },
    );
  }
  return word;
}

function plansOwnLabel(plan: Plan): string {
  for (const item of plan.items) {
    const field = item.fields.priority;
    if (field && field.value.trim() !== '') return field.label;
  }
  return 'Priority';
}

export function setPriority(plan: Plan, text: string, item: Item, value: string, textHash?: string): EditSet {
  assertPlanText(plan, text, textHash);
  const word = checkedPriority(item, value);
  const field = item.fields.priority;
  if (field) {
    if (text.slice(field.span.start, field.span.end) === word) return { hash: plan.hash, edits: [] };
    return { hash: plan.hash, edits: [{ start: field.span.start, end: field.span.end, text: word, itemId: item.id, line: field.line }] };
  }
  if (item.priority === word) return { hash: plan.hash, edits: [] };
  return { hash: plan.hash, edits: [insertFieldEdit(plan, text, item, plansOwnLabel(plan), word)] };
}
