// Applying an edit set to the text it was made against. A set made against any other text is a
// conflict (`stale_edit`), never a silent overwrite; overlapping edits are refused.

import { ScrumdownError } from '../../errors.js';
import type { EditSet, TextEdit } from './types.js';

/**
 * The set's edits in position order, after checking the hash, the bounds and that no two edits
 * overlap. Insertions at the same offset keep their order in the set.
 */
export function sortedCheckedEdits(text: string, set: EditSet, currentHash: string): TextEdit[] {
  if (set.hash !== currentHash) {
    throw new ScrumdownError(
      'stale_edit',
      `The edits were made against another version of the plan (hash ${set.hash}, now ${currentHash}). Read the plan again and redo the change.`,
      { expected: set.hash, actual: currentHash },
    );
  }
  const edits = set.edits
    .map((edit, position) => ({ edit, position }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.position - b.position)
    .map((entry) => entry.edit);
  let previous: TextEdit | null = null;
  for (const edit of edits) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > text.length) {
      throw new ScrumdownError(
        'invalid_argument',
        `Edit for '${edit.itemId}' at line ${edit.line} has the range ${edit.start}–${edit.end}, outside the text (0–${text.length}).`,
        { itemId: edit.itemId, line: edit.line, start: edit.start, end: edit.end },
      );
    }
    if (previous && edit.start < previous.end) {
      throw new ScrumdownError(
        'invalid_argument',
        `Edits for '${previous.itemId}' (line ${previous.line}) and '${edit.itemId}' (line ${edit.line}) overlap; apply them one at a time.`,
        { first: previous.itemId, second: edit.itemId },
      );
    }
    previous = edit;
  }
  return edits;
}

/** The text with the edits applied; throws `stale_edit` when `currentHash` is not the set's hash. */
export function applyEdits(text: string, set: EditSet, currentHash: string): string {
  return spliceEdits(text, sortedCheckedEdits(text, set, currentHash));
}

/** Splices sorted, non-overlapping edits into the text. */
export function spliceEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.start), edit.text);
    from = edit.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
