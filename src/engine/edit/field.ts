// Setting an item's assignee, points or hours as text edits: rewrite the value where the item
// already writes it (only the number, for estimates, so "6 hours" stays "8 hours"), else add the
// field in the style of the item's own field lines, labelled and shaped as the plan's other items
// write it.

import { ScrumdownError } from '../../errors.js';
import { indexPlan, type FieldValue, type Item, type Plan, type PlanIndex } from '../model.js';
import { insertFieldEdit } from './insert.js';
import { assertPlanText } from './status.js';
import { resolveItem } from './suggest.js';
import type { EditSet, TextEdit } from './types.js';

export type EditableField = 'assignee' | 'points' | 'hours';

const DEFAULT_LABELS: Readonly<Record<EditableField, string>> = {
  assignee: 'Assignee',
  points: 'Story Points',
  hours: 'Effort',
};

// A number as estimates write it, with an approximation mark and an optional range ("~5", "5-8").
const ESTIMATE_NUMBER = /[~≈]?\d+(?:[.,]\d+)?(?:[ \t]*[-–][ \t]*\d+(?:[.,]\d+)?)?/;

function checkedValue(item: Item, field: EditableField, value: string | number): string {
  if (field === 'assignee') {
    const name = String(value).trim();
    if (name === '' || /[\r\n\u0000-\u001f|]/.test(name)) {
      throw new ScrumdownError(
        'invalid_argument',
        `The assignee for '${item.id}' must be a non-empty name on one line without '|' (got ${JSON.stringify(String(value))}).`,
        { id: item.id, field, value: String(value) },
      );
    }
    return name;
  }
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || number < 0 || (typeof value === 'string' && String(value).trim() === '')) {
    throw new ScrumdownError('invalid_argument', `The ${field} for '${item.id}' must be a number of zero or more (got ${JSON.stringify(String(value))}).`, {
      id: item.id,
      field,
      value: String(value),
    });
  }
  return String(number);
}

/** How the plan's other items label and write the field: the first example found. */
function plansOwnExample(plan: Plan, field: EditableField): { label: string; value: string } | null {
  for (const item of plan.items) {
    const existing = item.fields[field];
    if (existing && existing.value.trim() !== '') return { label: existing.label, value: existing.value };
  }
  return null;
}

/** `number` written the way `example` writes its number ("6 hours" → "8 hours"). */
function numberLike(example: string | undefined, number: string, field: EditableField): string {
  if (example !== undefined) {
    const match = ESTIMATE_NUMBER.exec(example);
    // Only a bare unit is copied ("6 hours", "4h", "3 pts"); anything else is the example's own note.
    if (match && match.index === 0 && /^[ \t]*(?:h|hrs?|hours?|points?|pts?|sp)?$/i.test(example.slice(match[0].length))) {
      return number + example.slice(match[0].length);
    }
  }
  return field === 'hours' ? `${number} hours` : number;
}

/** Where the item writes the field: under its own name, or as an "Estimate" in the field's unit. */
function writtenField(item: Item, field: EditableField): FieldValue | undefined {
  const own = item.fields[field];
  if (own || field === 'assignee') return own;
  const estimate = item.fields.estimate;
  const measured = field === 'points' ? item.points : item.hours;
  if (!estimate || measured === undefined) return undefined;
  const number = ESTIMATE_NUMBER.exec(estimate.value);
  return number && Number(number[0].replace(/^[~≈]/, '').replace(',', '.')) === measured ? estimate : undefined;
}

/**
 * The edit that sets an item's assignee, points or hours. Throws `stale_edit`, `unknown_id`, and
 * `invalid_argument` for a bad value or a list item without the field (no field lines to add it to).
 * `textHash`: see assertPlanText.
 */
export function setField(
  plan: Plan,
  text: string,
  id: string,
  field: EditableField,
  value: string | number,
  index: PlanIndex = indexPlan(plan),
  textHash?: string,
): EditSet {
  if (field !== 'assignee' && field !== 'points' && field !== 'hours') {
    throw new ScrumdownError('invalid_argument', `Cannot set '${String(field)}'; the fields that can be set are assignee, points and hours.`, { field });
  }
  assertPlanText(plan, text, textHash);
  const item = resolveItem(plan, index, id);
  const written = checkedValue(item, field, value);
  const existing = writtenField(item, field);
  const edits: TextEdit[] = [];
  if (existing) {
    const current = text.slice(existing.span.start, existing.span.end);
    let start = existing.span.start;
    let end = existing.span.end;
    if (field !== 'assignee') {
      const match = ESTIMATE_NUMBER.exec(current);
      if (match) {
        start += match.index;
        end = start + match[0].length;
      }
    }
    if (text.slice(start, end) !== written) {
      edits.push({ start, end, text: written, itemId: item.id, line: existing.line });
    }
  } else {
    const example = plansOwnExample(plan, field);
    const label = example?.label ?? DEFAULT_LABELS[field];
    const shaped = field === 'assignee' ? written : numberLike(example?.value, written, field);
    edits.push(insertFieldEdit(plan, text, item, label, shaped));
  }
  return { hash: plan.hash, edits };
}
