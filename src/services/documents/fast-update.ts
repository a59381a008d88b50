// Carrying a parsed plan over a status edit without building the plan again. A checkbox flip or a
// status value rewritten on its own line moves no line, changes no id and no structure: the new
// plan is the old one with the edited items' statuses (the edit engine's contract), their
// roll-up parents recomputed, and the offsets after each edit shifted by its change in length.
// Anything else (an inserted line or checkbox, a field other than status, a status word that
// would change the plan's style) returns null and the caller builds the plan afresh. Tests check
// the result against a full build of the edited text.

import { rollUp } from '../../engine/build.js';
import type { DecodedText } from '../../engine/decode.js';
import type { TextEdit } from '../../engine/edit/types.js';
import type { FieldValue, Item, Plan, Status } from '../../engine/model.js';
import { scan } from '../../engine/scan.js';
import type { BoxCounts, ParsedDocument } from './parsed.js';

export interface FastUpdate {
  /** Every item whose status changes (edited items and roll-up ancestors), with the new status. */
  statuses: Map<string, Status>;
  /** Turns `document` into the next version in place; call only once the write has committed. */
  apply(next: { version: number; bytes: Uint8Array; decoded: DecodedText; hash: string }): ParsedDocument;
}

function isLineBreakFree(text: string): boolean {
  return !text.includes('\n') && !text.includes('\r');
}

/** True when no item's status field before `item` provides the plan's word for `status`. */
function providesStatusWord(plan: Plan, item: Item, order: number): boolean {
  const status = item.status;
  const word = plan.style.statusWords[status];
  if (word !== item.statusField?.value) return false;
  for (let i = 0; i < order; i++) {
    const other = plan.items[i];
    if (other.statusSource === 'field' && other.status === status && other.statusField?.value === word) return false;
  }
  return true;
}

const X = 88;
const LOWER_X = 120;
const TILDE = 126;
const DASH = 45;

/** How often each box character the plan's style is decided by occurs (counted once per version chain). */
function boxCounts(document: ParsedDocument): BoxCounts {
  if (document.boxCounts) return document.boxCounts;
  const scanned = scan(document.decoded.text);
  const counts: BoxCounts = { upper: 0, lower: 0, tilde: 0, dash: 0 };
  for (let i = 0; i < scanned.count; i++) {
    const box = scanned.box[i];
    if (box === X) counts.upper++;
    else if (box === LOWER_X) counts.lower++;
    else if (box === TILDE) counts.tilde++;
    else if (box === DASH) counts.dash++;
  }
  document.boxCounts = counts;
  return counts;
}

function countBox(counts: BoxCounts, char: string, by: number): void {
  const code = char.charCodeAt(0);
  if (code === X) counts.upper += by;
  else if (code === LOWER_X) counts.lower += by;
  else if (code === TILDE) counts.tilde += by;
  else if (code === DASH) counts.dash += by;
}

type EditKind = { kind: 'box'; item: Item; edit: TextEdit } | { kind: 'field'; item: Item; edit: TextEdit };

/**
 * The carried-over update for `edits` (sorted, non-overlapping) that set `targets` (item id → new
 * status), or null when the plan must be built again.
 */
export function planFastUpdate(document: ParsedDocument, edits: readonly TextEdit[], targets: ReadonlyMap<string, Status>): FastUpdate | null {
  const { plan, index } = document;
  const kinds: EditKind[] = [];
  for (const edit of edits) {
    const item = index.byId.get(edit.itemId);
    const target = targets.get(edit.itemId);
    if (!item || target === undefined || !isLineBreakFree(edit.text)) return null;
    if (item.checkbox && edit.start === item.checkbox.offset && edit.end === edit.start + 1 && edit.text.length === 1) {
      kinds.push({ kind: 'box', item, edit });
      continue;
    }
    const field = item.statusField;
    if (field && edit.start === field.span.start && edit.end === field.span.end && item.statusSource === 'field') {
      // The plan's style keeps the first status word of each status it meets: the new word must be
      // the one the style already has, and the old word must not be the one the style took from here.
      if (plan.style.statusWords[target] !== edit.text) return null;
      if (providesStatusWord(plan, item, index.order.get(item.id) ?? 0)) return null;
      kinds.push({ kind: 'field', item, edit });
      continue;
    }
    return null;
  }

  // The style's done and in-progress characters are the more frequent of each pair: a flip that
  // tips either balance changes the style, which only a full build gets right.
  let counts: BoxCounts | undefined;
  if (kinds.some((entry) => entry.kind === 'box')) {
    const before = boxCounts(document);
    counts = { ...before };
    for (const { kind, item, edit } of kinds) {
      if (kind !== 'box' || !item.checkbox) continue;
      countBox(counts, item.checkbox.char, -1);
      countBox(counts, edit.text, 1);
    }
    if (counts.upper > counts.lower !== before.upper > before.lower || counts.tilde > counts.dash !== before.tilde > before.dash) return null;
  }

  const statuses = new Map<string, Status>();
  for (const [id, status] of targets) {
    const item = index.byId.get(id);
    if (!item || item.statusSource === 'rollup') return null;
    if (item.status !== status) statuses.set(id, status);
  }
  const statusOf = (item: Item): Status => statuses.get(item.id) ?? item.status;
  // Ancestors that roll up, nearest first; stop climbing once a parent's status stays as it was.
  for (const id of [...statuses.keys()]) {
    let parentId = index.byId.get(id)?.parent ?? null;
    while (parentId !== null) {
      const parent = index.byId.get(parentId);
      if (!parent || parent.statusSource !== 'rollup') break;
      const children: Status[] = [];
      for (const childId of parent.children) {
        const child = index.byId.get(childId);
        if (child) children.push(statusOf(child));
      }
      const rolled = rollUp(
        children.map((_, i) => i),
        children,
      );
      if (rolled === statusOf(parent)) break;
      if (rolled === parent.status) statuses.delete(parent.id);
      else statuses.set(parent.id, rolled);
      parentId = parent.parent;
    }
  }

  return {
    statuses,
    apply(next) {
      for (const { kind, item, edit } of kinds) {
        if (kind === 'box' && item.checkbox) item.checkbox.char = edit.text;
        if (kind === 'field' && item.statusField) item.statusField.value = edit.text;
      }
      shiftOffsets(plan, edits);
      for (const [id, status] of statuses) {
        const item = index.byId.get(id);
        if (item) item.status = status;
      }
      plan.hash = next.hash;
      if (counts) document.boxCounts = counts;
      document.version = next.version;
      document.bytes = next.bytes;
      document.decoded = next.decoded;
      document.memo.clear();
      return document;
    },
  };
}

/** Moves every offset after an edit by the edit's change in length; one pass over the plan. */
function shiftOffsets(plan: Plan, edits: readonly TextEdit[]): void {
  const ends: number[] = [];
  const sums: number[] = [];
  let total = 0;
  for (const edit of edits) {
    const delta = edit.text.length - (edit.end - edit.start);
    if (delta === 0) continue;
    total += delta;
    ends.push(edit.end);
    sums.push(total);
  }
  if (ends.length === 0) return;
  // The total shift of an offset: the deltas of every edit ending at or before it.
  const shift = (offset: number): number => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? 0 : sums[low - 1];
  };
  const seen = new Set<FieldValue>();
  const moveField = (field: FieldValue | undefined): void => {
    if (!field || seen.has(field)) return;
    seen.add(field);
    const start = field.span.start + shift(field.span.start);
    const end = field.span.end + shift(field.span.end);
    field.span = { start, end };
  };
  for (const item of plan.items) {
    if (item.checkbox) item.checkbox.offset += shift(item.checkbox.offset);
    item.headerEnd += shift(item.headerEnd);
    moveField(item.statusField);
    for (const key in item.fields) moveField(item.fields[key]);
  }
  for (const key in plan.fields) moveField(plan.fields[key]);
  for (const sprint of plan.sprints) {
    moveField(sprint.capacityPoints);
    moveField(sprint.velocity);
    moveField(sprint.declaredPoints);
  }
}
