// Setting item statuses as text edits: flip a checkbox character, rewrite a status value in the
// document's own words, or add a status field where an item has neither. Each edit touches only
// the characters it must, so everything else in the file (line endings, BOM, tabs, trailing
// spaces, emoji, mojibake) survives.

import { ScrumdownError } from '../../errors.js';
import { contentHash } from '../hash.js';
import { indexPlan, STATUSES, type Item, type Plan, type PlanIndex, type Status } from '../model.js';
import { parseStatus } from '../read/status.js';
import { insertFieldEdit, isHeadingItem } from './insert.js';
import { resolveItem } from './suggest.js';
import type { EditSet, TextEdit } from './types.js';
import { statusValue } from './words.js';

export { applyEdits } from './apply.js';

/** Statuses a bare checkbox can show: `[ ]`, `[x]`, and Kiro's `[-]` / `[~]`. */
export const CHECKBOX_STATUSES: readonly Status[] = ['todo', 'in_progress', 'done'];

/**
 * Throws `stale_edit` unless the plan was built from exactly this text. A caller that keeps each
 * text with its content hash (the server stores both with every version) passes `textHash`, and
 * the plan's hash is compared with it instead of hashing a large text again on every edit.
 */
export function assertPlanText(plan: Plan, text: string, textHash?: string): void {
  const actual = textHash ?? contentHash(text);
  if (actual !== plan.hash) {
    throw new ScrumdownError(
      'stale_edit',
      `${plan.path} changed since it was read (hash ${plan.hash}, now ${actual}). Read it again and redo the change.`,
      { expected: plan.hash, actual },
    );
  }
}

export function assertStatus(status: string): asserts status is Status {
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new ScrumdownError('unknown_status', `Unknown status '${status}'. Use one of: ${STATUSES.join(', ')}.`, {
      status,
      allowed: [...STATUSES],
    });
  }
}

/** True when some checkbox in the plan is written `[-]` or `[~]`, so in-progress boxes are part of its style. */
function usesProgressBoxes(plan: Plan): boolean {
  return plan.items.some((item) => item.checkbox !== undefined && (item.checkbox.char === '-' || item.checkbox.char === '~'));
}

/**
 * Ids of items below which some (non-check) item can take a status of its own: a checkbox, a
 * status field, or a heading where one can be added. Their status is the roll-up of that work, so
 * they are set through their children. (A story whose only children are plain task lines, or an
 * item whose only children are its acceptance checks, is set directly.) One reverse pass over the
 * items: children come after their parents.
 */
function itemsWithSettableDescendants(plan: Plan, text: string): Set<string> {
  const result = new Set<string>();
  for (let i = plan.items.length - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item.parent === null || result.has(item.parent)) continue;
    const settable =
      item.kind !== 'check' && (item.checkbox !== undefined || item.statusField !== undefined || isHeadingItem(text, item));
    if (settable || result.has(item.id)) result.add(item.parent);
  }
  return result;
}

function boxEdit(item: Item, char: string): TextEdit | null {
  const box = item.checkbox;
  if (!box || box.char === char) return null;
  return { start: box.offset, end: box.offset + 1, text: char, itemId: item.id, line: item.line };
}

function checkboxOnlyChar(plan: Plan, item: Item, status: Status): string {
  if (status === 'done') return plan.style.doneChar;
  if (status === 'todo') return ' ';
  if (status === 'in_progress') return plan.style.progressChar;
  throw new ScrumdownError(
    'status_not_expressible',
    `Item '${item.id}' (line ${item.line} of ${plan.path}) has only a checkbox, which cannot say '${status}'. It can be set to: ${CHECKBOX_STATUSES.join(', ')}. For other statuses, add a status field to the item by hand.`,
    { id: item.id, line: item.line, status, allowed: [...CHECKBOX_STATUSES] },
  );
}

/** The edits that give one item the status (empty when it already reads that way). */
function itemEdits(plan: Plan, text: string, item: Item, status: Status, context: EditContext): TextEdit[] {
  const edits: TextEdit[] = [];
  const field = item.statusField;
  if (field) {
    const current = text.slice(field.span.start, field.span.end);
    if (parseStatus(current) !== status) {
      edits.push({
        start: field.span.start,
        end: field.span.end,
        text: statusValue(plan.style, status, current),
        itemId: item.id,
        line: field.line,
      });
    }
    if (item.checkbox) {
      // The box agrees with the field: done ↔ checked; in progress may use `[-]` where the plan does.
      const checked = item.checkbox.char === 'x' || item.checkbox.char === 'X';
      const char =
        status === 'done'
          ? checked
            ? item.checkbox.char
            : plan.style.doneChar
          : status === 'in_progress' && context.progressBoxes()
            ? plan.style.progressChar
            : ' ';
      const edit = boxEdit(item, char);
      if (edit) edits.push(edit);
    }
    return edits;
  }
  if (item.checkbox) {
    const edit = boxEdit(item, checkboxOnlyChar(plan, item, status));
    return edit ? [edit] : [];
  }
  const listLine = boxlessListLine(text, item);
  if (listLine >= 0) {
    // A numbered task line with no box yet: the box goes right after its list marker.
    if (item.status === status) return edits;
    const char = checkboxOnlyChar(plan, item, status);
    edits.push({ start: listLine, end: listLine, text: `[${char}] `, itemId: item.id, line: item.line });
    return edits;
  }
  if (item.statusSource === 'rollup' && context.rollupParents().has(item.id)) {
    const children = item.children.filter((id) => context.index.byId.get(id)?.kind !== 'check');
    const named = children.slice(0, 5).join(', ') + (children.length > 5 ? ', …' : '');
    throw new ScrumdownError(
      'invalid_argument',
      `Item '${item.id}' (line ${item.line} of ${plan.path}) takes its status from its children (${named}); set their statuses instead.`,
      { id: item.id, line: item.line, children },
    );
  }
  if (item.status === status) return edits;
  edits.push(insertFieldEdit(plan, text, item, 'Status', statusValue(plan.style, status, null)));
  return edits;
}

const LIST_MARKER = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+/;

/**
 * Where a checkbox would go on an agile task or subtask line that has none (the offset after its
 * list marker), or -1 when the item is not such a line.
 */
function boxlessListLine(text: string, item: Item): number {
  if (item.checkbox || item.statusField || item.dialect !== 'agile' || (item.kind !== 'task' && item.kind !== 'subtask')) return -1;
  const lineStart = text.lastIndexOf('\n', item.headerEnd - 1) + 1;
  const marker = LIST_MARKER.exec(text.slice(lineStart, item.headerEnd));
  return marker ? lineStart + marker[0].length : -1;
}

interface EditContext {
  index: PlanIndex;
  progressBoxes: () => boolean;
  rollupParents: () => Set<string>;
}

/** Plan-wide facts, each computed once and only when some item needs it. */
function editContext(plan: Plan, text: string, index: PlanIndex): EditContext {
  let progress: boolean | null = null;
  let parents: Set<string> | null = null;
  return {
    index,
    progressBoxes: () => (progress ??= usesProgressBoxes(plan)),
    rollupParents: () => (parents ??= itemsWithSettableDescendants(plan, text)),
  };
}

/**
 * The edits that give each item in `ids` the status, in the document's own style. Throws
 * `stale_edit` when `text` is not the text the plan was built from, `unknown_id` (with the nearest
 * ids) for an id the plan does not have, `status_not_expressible` for a checkbox-only item and a
 * status a checkbox cannot show, and `invalid_argument` for an item whose status rolls up.
 * `textHash`: see assertPlanText.
 */
export function setStatus(plan: Plan, text: string, ids: string[], status: Status, index: PlanIndex = indexPlan(plan), textHash?: string): EditSet {
  assertStatus(status);
  assertPlanText(plan, text, textHash);
  const context = editContext(plan, text, index);
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const wanted of ids) {
    const item = resolveItem(plan, index, wanted);
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    edits.push(...itemEdits(plan, text, item, status, context));
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { hash: plan.hash, edits };
}
