// The line scanner: one pass over the text, linear in its length, that classifies every line
// (heading, list item, fenced code, table, blockquote, …) and nests list items by indentation
// the way CommonMark does. It never recurses and never backtracks, so hostile input (deep
// nesting, huge lines, unterminated fences, NUL bytes) costs no more than ordinary input.

export type LineKind =
  | 'blank'
  | 'heading'
  | 'list'
  | 'text'
  | 'fence'
  | 'code'
  | 'table'
  | 'quote'
  | 'hr'
  | 'html';

/** One line of the document. Offsets are UTF-16 indexes into the scanned text. */
export class ScanLine {
  kind: LineKind = 'text';
  /** 1-based line number. */
  lineNo: number;
  start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number;
  /** Indentation in columns (tabs to the next multiple of four). */
  indent = 0;
  /** Offset of the first character after indentation and block markers. */
  textStart: number;
  /** Heading level (1–6) for headings. */
  level = 0;
  /** List marker as written (`-`, `*`, `+`, `1.`, `2)`). */
  marker = '';
  /** Index (into the lines array) of the enclosing list item, or -1. */
  parent = -1;
  /** Nesting depth of a list item, 0 for a top-level item. */
  depth = 0;
  /** Character between the checkbox brackets, or '' when the item has no checkbox. */
  box = '';
  /** Offset of the checkbox character. */
  boxOffset = -1;
  /** `[ ]*`: Kiro's optional-task marker. */
  optional = false;
  /** The line is a closing or opening fence delimiter rather than fenced content. */
  delimiter = false;

  constructor(lineNo: number, start: number, end: number) {
    this.lineNo = lineNo;
    this.start = start;
    this.end = end;
    this.textStart = start;
  }
}

export interface ScanResult {
  lines: ScanLine[];
  /** Line number of a fence that was never closed, if any. */
  unterminatedFence: number | null;
  /** Offset where content starts (1 after a byte-order mark). */
  contentStart: number;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const GT = 62;
const PIPE = 124;
const BACKTICK = 96;
const TILDE = 126;
const LT = 60;

const BOX_CHARS = ' xX-~';

interface OpenItem {
  contentCol: number;
  index: number;
}

interface OpenFence {
  char: number;
  length: number;
  line: number;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Columns of leading whitespace and the offset of the first other character. */
function measureIndent(text: string, start: number, end: number): { col: number; pos: number } {
  let col = 0;
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return { col, pos };
}

/** Whether `needle` occurs between `from` and `end`, without looking past `end`. */
function containsWithin(text: string, needle: string, from: number, end: number): boolean {
  const first = needle.charCodeAt(0);
  for (let i = from; i + needle.length <= end; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return true;
  }
  return false;
}

/** Length of a run of `code` starting at `pos`. */
function runLength(text: string, pos: number, end: number, code: number): number {
  let n = 0;
  while (pos + n < end && text.charCodeAt(pos + n) === code) n++;
  return n;
}

/** A thematic break: three or more of `*`, `-` or `_`, optionally spaced, and nothing else. */
function isThematicBreak(text: string, pos: number, end: number): boolean {
  const first = text.charCodeAt(pos);
  if (first !== 42 && first !== 45 && first !== 95) return false;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === first) count++;
    else if (!isSpace(c)) return false;
  }
  return count >= 3;
}

/** A setext underline: `===` or `---` with optional trailing spaces. */
function setextLevel(text: string, pos: number, end: number): number {
  const first = text.charCodeAt(pos);
  if (first !== 61 && first !== 45) return 0;
  let i = pos;
  while (i < end && text.charCodeAt(i) === first) i++;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i !== end) return 0;
  return first === 61 ? 1 : 2;
}

interface Marker {
  /** Width of the marker itself (`-` is 1, `12.` is 3). */
  width: number;
  ordered: boolean;
  number: number;
}

/** A list marker at `pos` followed by whitespace or the end of the line. */
function readMarker(text: string, pos: number, end: number): Marker | null {
  const c = text.charCodeAt(pos);
  if (c === 45 || c === 42 || c === 43) {
    const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
    if (next === -1 || isSpace(next)) return { width: 1, ordered: false, number: 0 };
    return null;
  }
  let i = pos;
  let value = 0;
  while (i < end && i - pos < 9) {
    const d = text.charCodeAt(i);
    if (d < 48 || d > 57) break;
    value = value * 10 + (d - 48);
    i++;
  }
  if (i === pos || i >= end) return null;
  const delim = text.charCodeAt(i);
  if (delim !== 46 && delim !== 41) return null;
  const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  if (next !== -1 && !isSpace(next)) return null;
  return { width: i - pos + 1, ordered: true, number: value };
}

/**
 * Scans `text` into lines. A leading byte-order mark is skipped; `\r\n` and `\n` both end a
 * line; a final line without a newline is kept.
 */
export function scan(text: string): ScanResult {
  const lines: ScanLine[] = [];
  const length = text.length;
  const contentStart = length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open: OpenItem[] = [];
  let fence = null as OpenFence | null;
  let inComment = false;
  let prevBlank = true;
  /** The previous line can take a lazy continuation line (an open paragraph). */
  let paragraphOpen = false;
  /** The open paragraph started outside any list item (setext headings only apply there). */
  let paragraphAtTop = false;
  let pos = contentStart;
  let lineNo = 0;

  while (pos < length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    lineNo++;
    const line = new ScanLine(lineNo, pos, end);
    lines.push(line);
    const { col, pos: first } = measureIndent(text, pos, end);
    line.indent = col;
    line.textStart = first;

    if (fence) {
      line.kind = 'fence';
      if (col < 4 && runLength(text, first, end, fence.char) >= fence.length) {
        let i = first + runLength(text, first, end, fence.char);
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        if (i === end) {
          line.delimiter = true;
          fence = null;
        }
      }
      prevBlank = false;
      paragraphOpen = false;
    } else if (inComment) {
      line.kind = 'html';
      if (containsWithin(text, '-->', first, end)) inComment = false;
      prevBlank = false;
      paragraphOpen = false;
    } else if (first === end) {
      line.kind = 'blank';
      prevBlank = true;
      paragraphOpen = false;
    } else {
      classify(line, col, first, end);
    }
    if (nl >= length) break;
    pos = nl + 1;
  }

  return { lines, unterminatedFence: fence ? fence.line : null, contentStart };

  function containerCol(): number {
    return open.length > 0 ? open[open.length - 1].contentCol : 0;
  }

  function closeItemsBeyond(col: number): void {
    while (open.length > 0 && open[open.length - 1].contentCol > col) open.pop();
  }

  function classify(line: ScanLine, col: number, first: number, end: number): void {
    const c = text.charCodeAt(first);
    const lazyAllowed = paragraphOpen && !prevBlank;
    const wasBlank = prevBlank;
    prevBlank = false;

    // Thematic breaks win over list markers (`- - -`), and `---` under a paragraph is a setext heading.
    if (col - containerCol() < 4 || !lazyAllowed) {
      const underline = lazyAllowed && paragraphAtTop && open.length === 0 ? setextLevel(text, first, end) : 0;
      if (underline > 0 && col < 4) {
        const previous = lines[lines.length - 2];
        previous.kind = 'heading';
        previous.level = underline;
        line.kind = 'hr';
        paragraphOpen = false;
        return;
      }
      if (isThematicBreak(text, first, end) && col - containerCol() < 4) {
        closeItemsBeyond(col);
        line.kind = 'hr';
        paragraphOpen = false;
        return;
      }
    }

    const marker = readMarker(text, first, end);
    if (marker) {
      let kept = open.length;
      while (kept > 0 && open[kept - 1].contentCol > col) kept--;
      const base = kept > 0 ? open[kept - 1].contentCol : 0;
      const nestsInParagraph = lazyAllowed && (open.length === 0 || col >= containerCol());
      const afterMarker = first + marker.width;
      const emptyItem = measureIndent(text, afterMarker, end).pos === end;
      const cannotInterrupt = nestsInParagraph && ((marker.ordered && marker.number !== 1) || emptyItem);
      if (col - base < 4 && !cannotInterrupt) {
        open.length = kept;
        listItem(line, col, first, end, marker);
        return;
      }
    }

    if (wasBlank) closeItemsBeyond(col);
    // Headings, fences, quotes, tables and HTML comments interrupt a paragraph; plain text continues it.
    if (col - containerCol() < 4 && startsBlock(line, c, col, first, end)) return;
    if (lazyAllowed) {
      line.kind = 'text';
      return;
    }
    if (col - containerCol() >= 4) {
      line.kind = 'code';
      paragraphOpen = false;
      return;
    }
    closeItemsBeyond(col);
    line.kind = 'text';
    paragraphOpen = true;
    paragraphAtTop = open.length === 0;
  }

  function startsBlock(line: ScanLine, c: number, col: number, first: number, end: number): boolean {
    if (c === HASH) {
      const hashes = runLength(text, first, end, HASH);
      const after = first + hashes;
      if (hashes <= 6 && (after === end || isSpace(text.charCodeAt(after)))) {
        closeItemsBeyond(col);
        line.kind = 'heading';
        line.level = hashes;
        line.textStart = measureIndent(text, after, end).pos;
        open.length = 0;
        paragraphOpen = false;
        return true;
      }
    }
    if (c === BACKTICK || c === TILDE) {
      const run = runLength(text, first, end, c);
      if (run >= 3 && (c === TILDE || !containsWithin(text, '`', first + run, end))) {
        closeItemsBeyond(col);
        line.kind = 'fence';
        line.delimiter = true;
        fence = { char: c, length: run, line: line.lineNo };
        paragraphOpen = false;
        return true;
      }
    }
    if (c === GT) {
      closeItemsBeyond(col);
      line.kind = 'quote';
      line.textStart = first + 1;
      paragraphOpen = false;
      return true;
    }
    if (c === PIPE) {
      closeItemsBeyond(col);
      line.kind = 'table';
      paragraphOpen = false;
      return true;
    }
    if (c === LT && text.startsWith('<!--', first)) {
      closeItemsBeyond(col);
      line.kind = 'html';
      if (!containsWithin(text, '-->', first + 4, end)) inComment = true;
      paragraphOpen = false;
      return true;
    }
    return false;
  }

  function listItem(line: ScanLine, col: number, first: number, end: number, marker: Marker): void {
    line.kind = 'list';
    line.marker = text.slice(first, first + marker.width);
    const afterMarker = first + marker.width;
    const gap = measureIndent(text, afterMarker, end);
    const markerEndCol = col + marker.width;
    const spaces = gap.col - markerEndCol;
    // Five or more spaces after the marker: the content starts one column after it (indented code).
    const contentCol = gap.pos === end || spaces > 4 ? markerEndCol + 1 : markerEndCol + Math.max(spaces, 1);
    const parentItem = open.length > 0 ? open[open.length - 1] : null;
    line.parent = parentItem ? parentItem.index : -1;
    line.depth = open.length;
    open.push({ contentCol, index: lines.length - 1 });
    let content = gap.pos;
    if (spaces > 4) content = afterMarker + 1;
    // A checkbox: `[c]` followed by whitespace, the end of the line, or Kiro's `*`.
    if (content + 2 < end + 1 && text.charCodeAt(content) === 91 && text.charCodeAt(content + 2) === 93) {
      const boxChar = text[content + 1];
      if (BOX_CHARS.includes(boxChar)) {
        let after = content + 3;
        let optional = false;
        if (after < end && text.charCodeAt(after) === 42) {
          optional = true;
          after++;
        }
        if (after >= end || isSpace(text.charCodeAt(after))) {
          line.box = boxChar;
          line.boxOffset = content + 1;
          line.optional = optional;
          content = measureIndent(text, after, end).pos;
        }
      }
    }
    line.textStart = content;
    paragraphOpen = content < end;
    paragraphAtTop = false;
  }
}

/** The text of a line after its markers (heading hashes, list marker, checkbox). */
export function lineText(text: string, line: ScanLine): string {
  let end = line.end;
  if (line.kind === 'heading') {
    // Closing hashes of an ATX heading are not part of its text.
    let i = end;
    while (i > line.textStart && isSpace(text.charCodeAt(i - 1))) i--;
    let j = i;
    while (j > line.textStart && text.charCodeAt(j - 1) === HASH) j--;
    if (j < i && (j === line.textStart || isSpace(text.charCodeAt(j - 1)))) i = j;
    end = i;
  }
  return text.slice(line.textStart, end).trim();
}

/** Whether a list line carries a checkbox GitHub would render as a task-list item. */
export function isGfmTask(text: string, line: ScanLine): boolean {
  if (line.kind !== 'list' || line.box === '' || line.optional) return false;
  if (line.box !== ' ' && line.box !== 'x' && line.box !== 'X') return false;
  const after = line.boxOffset + 2;
  return after < line.end && isSpace(text.charCodeAt(after));
}
