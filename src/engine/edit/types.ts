// The edit engine's values: a text edit is a replacement of one span of the plan text, and an edit
// set ties a batch of them to the exact text (by content hash) they were computed against.

export interface TextEdit {
  /** Half-open UTF-16 range of the plan text to replace (start === end inserts). */
  start: number;
  end: number;
  text: string;
  /** The item the edit is for, and the (1-based) line it touches. */
  itemId: string;
  line: number;
}

export interface EditSet {
  /** Content hash of the text the edits were made against. */
  hash: string;
  /** Non-overlapping edits, sorted by position. */
  edits: TextEdit[];
}
