// The line scanner: one pass over the text, linear in its length, that classifies every line
// (heading, list item, fenced code, table, blockquote, …) and nests list items by indentation
// the way CommonMark does. It never recurses and never backtracks, so hostile input (deep
// nesting, huge lines, unterminated fences, NUL bytes) costs no more than ordinary input.
// Results live in typed arrays, one slot per line, so a million-line plan makes no garbage.

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

/** Numeric codes of the line kinds, as stored in `ScanResult.kind`. */
export const K = {
  blank: 0,
  heading: 1,
  list: 2,
  text: 3,
  fence: 4,
  code: 5,
  table: 6,
  quote: 7,
  hr: 8,
  html: 9,
} as const;

const KIND_NAMES: readonly LineKind[] = ['blank', 'heading', 'list', 'text', 'fence', 'code', 'table', 'quote', 'hr', 'html'];

/** Flag bits in `ScanResult.flags`. */
export const OPTIONAL = 1;
export const DELIMITER = 2;

/** One line as a plain object: a convenient view for tests and tools, not used on hot paths. */
export interface ScanLine {
  kind: LineKind;
  /** 1-based line number. */
  lineNo: number;
  start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number;
  /** Indentation in columns (tabs to the next multiple of four). */
  indent: number;
  /** Offset of the first character after indentation and block markers (and a checkbox). */
  textStart: number;
  /** Heading level (1–6) for headings. */
  level: number;
  /** List marker as written (`-`, `*`, `+`, `1.`, `2)`). */
  marker: string;
  /** Index (into the lines) of the enclosing list item, or -1. */
  parent: number;
  /** Nesting depth of a list item, 0 for a top-level item. */
  depth: number;
  /** Character between the checkbox brackets, or '' when the item has no checkbox. */
  box: string;
  /** Offset of the checkbox character, or -1. */
  boxOffset: number;
  /** `[ ]*`: Kiro's optional-task marker. */
  optional: boolean;
  /** The line opens or closes a fence rather than being fenced content. */
  delimiter: boolean;
}

/** Every line of the document, column by column. Line `i` is line number `i + 1`. */
export interface ScanResult {
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  indent: Int32Array;
  textStart: Int32Array;
  level: Uint8Array;
  markerWidth: Uint8Array;
  parent: Int32Array;
  depth: Int32Array;
  /** Char code between the checkbox brackets, 0 when there is no checkbox. */
  box: Uint16Array;
  boxOffset: Int32Array;
  flags: Uint8Array;
  /** Line number of a fence that was never closed, if any. */
  unterminatedFence: number | null;
  /** Offset where content starts (1 after a byte-order mark). */
  contentStart: number;
  /** The lines as objects (built on first use). */
  readonly lines: ScanLine[];
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const GT = 62;
const PIPE = 124;
const BACKTICK = 96;
const TILDE = 126;
const LT = 60;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const STAR = 42;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isBoxChar(code: number): boolean {
  return code === SPACE || code === TAB || code === 120 || code === 88 || code === 45 || code === 126;
}

/** HTML blocks that end at a blank line (CommonMark's kind 6): block-level tag names. */
const BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;
/** Raw HTML blocks that end at their closing tag (kind 1). */
const RAW_TAG = /^<(script|pre|style|textarea)(?:\s|>|$)/i;
/** A complete open or closing tag alone on its line (kind 7; cannot interrupt a paragraph). */
const LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/** How an open HTML block ends. */
const HTML_NONE = 0;
const HTML_COMMENT = 1;
const HTML_BLANK = 2;
const HTML_RAW = 3;

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

/** Where each line starts: one pass of indexOf (fast native search), kept for the main pass. */
function lineStarts(text: string, from: number): Int32Array {
  if (from >= text.length) return new Int32Array(0);
  let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
  let count = 0;
  starts[count++] = from;
  for (let i = text.indexOf('\n', from); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return starts.slice(0, count);
}

/**
 * Scans `text` into lines. A leading byte-order mark is skipped; `\r\n` and `\n` both end a
 * line; a final line without a newline is kept.
 */
export function scan(text: string): ScanResult {
  const length = text.length;
  const contentStart = length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = lineStarts(text, contentStart);
  const total = start.length;
  const kind = new Uint8Array(total);
  const end = new Int32Array(total);
  const indent = new Int32Array(total);
  const textStart = new Int32Array(total);
  const level = new Uint8Array(total);
  const markerWidth = new Uint8Array(total);
  const parent = new Int32Array(total).fill(-1);
  const depth = new Int32Array(total);
  const box = new Uint16Array(total);
  const boxOffset = new Int32Array(total).fill(-1);
  const flags = new Uint8Array(total);

  // Open list items: content column and line index, as two stacks.
  // Open list items as two stacks with an explicit depth: setting an array's length is a
  // runtime call in V8, and this happens on most list lines. Nesting never exceeds the lines.
  const openCol = new Int32Array(total + 1);
  const openLine = new Int32Array(total + 1);
  let openDepth = 0;
  let fenceChar = 0;
  let fenceLength = 0;
  let fenceLine = 0;
  /** Content column of the list item holding the open fence (0 at top level). */
  let fenceBase = 0;
  let htmlEnd = HTML_NONE;
  let htmlCloser = '';
  /** A list line whose checkbox has no text after it: a task only if its paragraph goes on. */
  let pendingBox = -1;
  let prevBlank = true;
  /** The previous line can take a lazy continuation line (an open paragraph). */
  let paragraphOpen = false;
  /** The open paragraph started outside any list item (setext headings only apply there). */
  let paragraphAtTop = false;
  // Scratch results of measureIndent and readMarker, kept in variables to avoid allocation.
  let measuredCol = 0;
  let markerLength = 0;
  let markerOrdered = false;
  let markerNumber = 0;

  /** Columns of leading whitespace (into measuredCol); returns the first other offset. */
  const measureIndent = (from: number, stop: number, col: number): number => {
    let pos = from;
    while (pos < stop) {
      const c = text.charCodeAt(pos);
      if (c === SPACE) col++;
      else if (c === TAB) col += 4 - (col % 4);
      else break;
      pos++;
    }
    measuredCol = col;
    return pos;
  };

  /** A list marker at `pos` followed by whitespace or the end of the line (into marker*). */
  const readMarker = (pos: number, stop: number): boolean => {
    const c = text.charCodeAt(pos);
    if (c === 45 || c === 42 || c === 43) {
      if (pos + 1 >= stop || isSpace(text.charCodeAt(pos + 1))) {
        markerLength = 1;
        markerOrdered = false;
        markerNumber = 0;
        return true;
      }
      return false;
    }
    let i = pos;
    let value = 0;
    while (i < stop && i - pos < 9) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) break;
      value = value * 10 + (d - 48);
      i++;
    }
    if (i === pos || i >= stop) return false;
    const delim = text.charCodeAt(i);
    if (delim !== 46 && delim !== 41) return false;
    if (i + 1 < stop && !isSpace(text.charCodeAt(i + 1))) return false;
    markerLength = i - pos + 1;
    markerOrdered = true;
    markerNumber = value;
    return true;
  };

  const containerCol = (): number => (openDepth > 0 ? openCol[openDepth - 1] : 0);
  const closeItemsBeyond = (col: number): void => {
    while (openDepth > 0 && openCol[openDepth - 1] > col) {
      openDepth--;
    }
  };

  const dropBox = (i: number): void => {
    textStart[i] = boxOffset[i] - 1;
    box[i] = 0;
    boxOffset[i] = -1;
    flags[i] &= ~OPTIONAL;
  };

  const startsBlock = (i: number, c: number, col: number, first: number, stop: number, interrupting: boolean): boolean => {
    if (c === HASH) {
      const hashes = runLength(text, first, stop, HASH);
      const after = first + hashes;
      if (hashes <= 6 && (after === stop || isSpace(text.charCodeAt(after)))) {
        kind[i] = K.heading;
        level[i] = hashes;
        textStart[i] = measureIndent(after, stop, 0);
        openDepth = 0;
        paragraphOpen = false;
        return true;
      }
    }
    if (c === BACKTICK || c === TILDE) {
      const run = runLength(text, first, stop, c);
      if (run >= 3 && (c === TILDE || !containsWithin(text, '`', first + run, stop))) {
        closeItemsBeyond(col);
        kind[i] = K.fence;
        flags[i] |= DELIMITER;
        fenceChar = c;
        fenceLength = run;
        fenceLine = i + 1;
        fenceBase = containerCol();
        paragraphOpen = false;
        return true;
      }
    }
    if (c === GT) {
      closeItemsBeyond(col);
      kind[i] = K.quote;
      textStart[i] = first + 1;
      paragraphOpen = false;
      return true;
    }
    if (c === PIPE) {
      closeItemsBeyond(col);
      kind[i] = K.table;
      paragraphOpen = false;
      return true;
    }
    if (c === LT) {
      let end = HTML_NONE;
      let closesOnLine = false;
      if (text.startsWith('<!--', first)) {
        end = HTML_COMMENT;
        closesOnLine = containsWithin(text, '-->', first + 4, stop);
      } else {
        const line = text.slice(first, Math.min(stop, first + 2000));
        const raw = RAW_TAG.exec(line);
        if (raw) {
          end = HTML_RAW;
          htmlCloser = `</${raw[1].toLowerCase()}>`;
          closesOnLine = line.toLowerCase().includes(htmlCloser);
        } else if (BLOCK_TAG.test(line) || (!interrupting && LONE_TAG.test(line))) {
          end = HTML_BLANK;
        }
      }
      if (end !== HTML_NONE) {
        closeItemsBeyond(col);
        kind[i] = K.html;
        if (!closesOnLine) htmlEnd = end;
        paragraphOpen = false;
        return true;
      }
    }
    return false;
  };

  const listItem = (i: number, col: number, first: number, stop: number): void => {
    kind[i] = K.list;
    markerWidth[i] = markerLength;
    const afterMarker = first + markerLength;
    const gapEnd = measureIndent(afterMarker, stop, col + markerLength);
    const markerEndCol = col + markerLength;
    const spaces = measuredCol - markerEndCol;
    // Five or more spaces after the marker: the content starts one column after it (indented code).
    const contentCol = gapEnd === stop || spaces > 4 ? markerEndCol + 1 : markerEndCol + Math.max(spaces, 1);
    parent[i] = openDepth > 0 ? openLine[openDepth - 1] : -1;
    depth[i] = openDepth;
    openCol[openDepth] = contentCol;
    openLine[openDepth] = i;
    openDepth++;
    let content = spaces > 4 ? afterMarker + 1 : gapEnd;
    // A checkbox: `[c]` followed by whitespace, the end of the line, or Kiro's `*`.
    if (content + 2 < stop + 1 && text.charCodeAt(content) === OPEN_BRACKET && text.charCodeAt(content + 2) === CLOSE_BRACKET) {
      const boxChar = text.charCodeAt(content + 1);
      if (isBoxChar(boxChar)) {
        let after = content + 3;
        let optional = false;
        if (after < stop && text.charCodeAt(after) === STAR) {
          optional = true;
          after++;
        }
        if (after >= stop || isSpace(text.charCodeAt(after))) {
          box[i] = boxChar;
          boxOffset[i] = content + 1;
          if (optional) flags[i] |= OPTIONAL;
          content = measureIndent(after, stop, 0);
          if (content === stop) {
            // `[ ]` alone is paragraph text: a task only if the next line continues it.
            pendingBox = i;
            textStart[i] = content;
            paragraphOpen = true;
            paragraphAtTop = false;
            return;
          }
        }
      }
    }
    textStart[i] = content;
    paragraphOpen = content < stop;
    paragraphAtTop = false;
  };

  const classify = (i: number, col: number, first: number, stop: number): void => {
    const c = text.charCodeAt(first);
    const lazyAllowed = paragraphOpen && !prevBlank;
    const wasBlank = prevBlank;
    prevBlank = false;

    // Thematic breaks win over list markers (`- - -`), and `---` under a paragraph is a setext heading.
    if (col - containerCol() < 4 || !lazyAllowed) {
      const underline = lazyAllowed && paragraphAtTop && openDepth === 0 && col < 4 ? setextLevel(text, first, stop) : 0;
      if (underline > 0) {
        kind[i - 1] = K.heading;
        level[i - 1] = underline;
        kind[i] = K.hr;
        paragraphOpen = false;
        return;
      }
      if (col - containerCol() < 4 && isThematicBreak(text, first, stop)) {
        closeItemsBeyond(col);
        kind[i] = K.hr;
        paragraphOpen = false;
        return;
      }
    }

    if (readMarker(first, stop)) {
      let kept = openDepth;
      while (kept > 0 && openCol[kept - 1] > col) kept--;
      const base = kept > 0 ? openCol[kept - 1] : 0;
      const nestsInParagraph = lazyAllowed && (openDepth === 0 || col >= containerCol());
      const emptyItem = measureIndent(first + markerLength, stop, 0) === stop;
      const cannotInterrupt = nestsInParagraph && ((markerOrdered && markerNumber !== 1) || emptyItem);
      if (col - base < 4 && !cannotInterrupt) {
        openDepth = kept;
        listItem(i, col, first, stop);
        return;
      }
    }

    if (wasBlank) closeItemsBeyond(col);
    // Headings, fences, quotes, tables and HTML comments interrupt a paragraph; plain text continues it.
    if (col - containerCol() < 4 && startsBlock(i, c, col, first, stop, lazyAllowed)) return;
    if (lazyAllowed) {
      kind[i] = K.text;
      return;
    }
    if (col - containerCol() >= 4) {
      kind[i] = K.code;
      paragraphOpen = false;
      return;
    }
    closeItemsBeyond(col);
    kind[i] = K.text;
    paragraphOpen = true;
    paragraphAtTop = openDepth === 0;
  };

  const lastEnd = length > 0 && text.charCodeAt(length - 1) === 10 ? length - 1 : length;
  for (let i = 0; i < total; i++) {
    const pos = start[i];
    let stop = i + 1 < total ? start[i + 1] - 1 : lastEnd;
    if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
    end[i] = stop;
    const first = measureIndent(pos, stop, 0);
    const col = measuredCol;
    indent[i] = col;
    textStart[i] = first;

    // A fence inside a list item ends with the item: a less indented line closes both.
    if (fenceChar !== 0 && fenceBase > 0 && first !== stop && col < fenceBase) fenceChar = 0;
    const couldContinue = paragraphOpen && !prevBlank;

    if (fenceChar !== 0) {
      kind[i] = K.fence;
      if (col - fenceBase < 4 && runLength(text, first, stop, fenceChar) >= fenceLength) {
        let j = first + runLength(text, first, stop, fenceChar);
        while (j < stop && isSpace(text.charCodeAt(j))) j++;
        if (j === stop) {
          flags[i] |= DELIMITER;
          fenceChar = 0;
        }
      }
      prevBlank = false;
      paragraphOpen = false;
    } else if (htmlEnd !== HTML_NONE && !(htmlEnd === HTML_BLANK && first === stop)) {
      kind[i] = K.html;
      if (htmlEnd === HTML_COMMENT ? containsWithin(text, '-->', first, stop) : htmlEnd === HTML_RAW && text.slice(first, stop).toLowerCase().includes(htmlCloser)) htmlEnd = HTML_NONE;
      prevBlank = false;
      paragraphOpen = false;
    } else if (first === stop) {
      kind[i] = K.blank;
      htmlEnd = HTML_NONE;
      prevBlank = true;
      paragraphOpen = false;
    } else {
      classify(i, col, first, stop);
    }
    if (pendingBox >= 0 && pendingBox !== i) {
      if (!(couldContinue && kind[i] === K.text)) dropBox(pendingBox);
      pendingBox = -1;
    }
  }
  if (pendingBox >= 0) dropBox(pendingBox);

  const result = {
    count: total,
    kind,
    start,
    end,
    indent,
    textStart,
    level,
    markerWidth,
    parent,
    depth,
    box,
    boxOffset,
    flags,
    unterminatedFence: fenceChar !== 0 ? fenceLine : null,
    contentStart,
  };
  let lines: ScanLine[] | null = null;
  return Object.defineProperty(result, 'lines', {
    enumerable: false,
    get: () => (lines ??= materialise(text, result)),
  }) as ScanResult;
}

function materialise(text: string, s: Omit<ScanResult, 'lines'>): ScanLine[] {
  const lines: ScanLine[] = new Array(s.count);
  for (let i = 0; i < s.count; i++) {
    const list = s.kind[i] === K.list;
    lines[i] = {
      kind: KIND_NAMES[s.kind[i]],
      lineNo: i + 1,
      start: s.start[i],
      end: s.end[i],
      indent: s.indent[i],
      textStart: s.textStart[i],
      level: s.level[i],
      marker: list ? text.substr(firstNonSpace(text, s.start[i], s.end[i]), s.markerWidth[i]) : '',
      parent: s.parent[i],
      depth: s.depth[i],
      box: s.box[i] === 0 ? '' : String.fromCharCode(s.box[i]),
      boxOffset: s.boxOffset[i],
      optional: (s.flags[i] & OPTIONAL) !== 0,
      delimiter: (s.flags[i] & DELIMITER) !== 0,
    };
  }
  return lines;
}

function firstNonSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Kind name of line `i`. */
export function kindOf(s: ScanResult, i: number): LineKind {
  return KIND_NAMES[s.kind[i]];
}

/** Offset of the list marker of line `i`. */
export function markerStart(text: string, s: ScanResult, i: number): number {
  return firstNonSpace(text, s.start[i], s.end[i]);
}

/** Text between `from` and `stop`, trimmed; a heading also loses its closing hashes. */
function contentText(text: string, from: number, stop: number, heading: boolean): string {
  if (heading) {
    let k = stop;
    while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
    let j = k;
    while (j > from && text.charCodeAt(j - 1) === HASH) j--;
    if (j < k && (j === from || isSpace(text.charCodeAt(j - 1)))) k = j;
    stop = k;
  }
  return text.slice(from, stop).trim();
}

/** The text of line `i` after its markers (heading hashes, list marker, checkbox), trimmed. */
export function textOf(text: string, s: ScanResult, i: number): string {
  return contentText(text, s.textStart[i], s.end[i], s.kind[i] === K.heading);
}

/** The text of a materialised line after its markers, trimmed. */
export function lineText(text: string, line: ScanLine): string {
  return contentText(text, line.textStart, line.end, line.kind === 'heading');
}

/** Whether line `i` carries a checkbox GitHub would render as a task-list item. */
export function isGfmTaskAt(text: string, s: ScanResult, i: number): boolean {
  if (s.kind[i] !== K.list || s.box[i] === 0 || (s.flags[i] & OPTIONAL) !== 0) return false;
  const c = s.box[i];
  if (c !== SPACE && c !== TAB && c !== 120 && c !== 88) return false;
  // A box that ends its line survived the scan only because its paragraph goes on below.
  const after = s.boxOffset[i] + 2;
  return after >= s.end[i] || isSpace(text.charCodeAt(after));
}

/** Whether a materialised line carries a checkbox GitHub would render as a task-list item. */
export function isGfmTask(text: string, line: ScanLine): boolean {
  if (line.kind !== 'list' || line.box === '' || line.optional) return false;
  if (line.box !== ' ' && line.box !== '\t' && line.box !== 'x' && line.box !== 'X') return false;
  const after = line.boxOffset + 2;
  return after >= line.end || isSpace(text.charCodeAt(after));
}
