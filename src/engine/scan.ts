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

/** Closing tags of the raw HTML blocks (RAW_TAG), by their number in the scan state. */
const RAW_CLOSERS = ['</script>', '</pre>', '</style>', '</textarea>'];

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

/**
 * A thematic break at `pos`, whose character is `first`: three or more of `*`, `-` or `_`,
 * optionally spaced, and nothing else.
 */
function isThematicBreak(text: string, first: number, pos: number, end: number): boolean {
  if (first !== 42 && first !== 45 && first !== 95) return false;
  // The third character settles most lines (`- [ ] task`, `**Bold**`) in one read.
  if (pos + 2 >= end) return false;
  const third = text.charCodeAt(pos + 2);
  if (third !== first && !isSpace(third)) return false;
  let count = 1;
  for (let i = pos + 1; i < end; i++) {
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

/**
 * Length of a list marker at `pos`, whose character is `c` (`-`, `*`, `+`, or up to nine digits
 * and `.` or `)`), followed by whitespace or the end of the line; 0 when there is none.
 */
function listMarkerLength(text: string, c: number, pos: number, stop: number): number {
  if (c === 45 || c === 42 || c === 43) return pos + 1 >= stop || isSpace(text.charCodeAt(pos + 1)) ? 1 : 0;
  if (c < 48 || c > 57) return 0;
  let i = pos + 1;
  while (i < stop && i - pos < 9) {
    const d = text.charCodeAt(i);
    if (d < 48 || d > 57) break;
    i++;
  }
  if (i >= stop) return 0;
  const delim = text.charCodeAt(i);
  if (delim !== 46 && delim !== 41) return 0;
  if (i + 1 < stop && !isSpace(text.charCodeAt(i + 1))) return 0;
  return i - pos + 1;
}

/** Whether the ordered list marker of `length` characters at `pos` numbers its item 1. */
function numbersOne(text: string, pos: number, length: number): boolean {
  let value = 0;
  for (let i = pos; i < pos + length - 1; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value === 1;
}

/** How many of the `depth` open list items stay open beside a line indented `col` columns. */
function keptDepth(openCol: Int32Array, depth: number, col: number): number {
  while (depth > 0 && openCol[depth - 1] > col) depth--;
  return depth;
}

/**
 * Whether a list marker of `markerLength` characters at `first` opens an item: it must sit less
 * than four columns past the content of the item it belongs to (`pastBase`), and where it would
 * otherwise continue a paragraph (`interrupting`), only a non-empty item, numbered 1 if
 * ordered, does.
 */
function opensItem(text: string, first: number, stop: number, markerLength: number, pastBase: number, interrupting: boolean): boolean {
  if (pastBase >= 4) return false;
  if (!interrupting) return true;
  return (markerLength === 1 || numbersOne(text, first, markerLength)) && firstNonSpace(text, first + markerLength, stop) !== stop;
}

/** Level of an ATX heading at `pos` (one to six `#` then whitespace or the end), or 0. */
function atxLevel(text: string, pos: number, stop: number): number {
  let i = pos + 1;
  while (i < stop && i - pos <= 6) {
    const c = text.charCodeAt(i);
    if (c !== HASH) return isSpace(c) ? i - pos : 0;
    i++;
  }
  return i === stop && i - pos <= 6 ? i - pos : 0;
}

/** Length of the run of `c` opening a fence at `pos` (three or more, and no backtick after backticks), or 0. */
function fenceOpening(text: string, pos: number, stop: number, c: number): number {
  const run = runLength(text, pos, stop, c);
  return run >= 3 && (c === TILDE || !containsWithin(text, '`', pos + run, stop)) ? run : 0;
}

/** Whether the line from `pos` closes a fence of `length` `c`: a run at least as long, then only whitespace. */
function closesFence(text: string, pos: number, stop: number, c: number, length: number): boolean {
  const run = runLength(text, pos, stop, c);
  return run >= length && firstNonSpace(text, pos + run, stop) === stop;
}

/** An HTML block opened on a line: how it ends, and whether it already ends on that line. */
interface HtmlStart {
  end: number;
  /** The closing tag of a raw block, as its index in RAW_CLOSERS (-1 for other blocks). */
  closer: number;
  closesOnLine: boolean;
}

/** The HTML block a line starting with `<` at `pos` opens, or null (a lone tag cannot interrupt a paragraph). */
function htmlStart(text: string, pos: number, stop: number, interrupting: boolean): HtmlStart | null {
  if (text.startsWith('<!--', pos)) return { end: HTML_COMMENT, closer: -1, closesOnLine: containsWithin(text, '-->', pos + 4, stop) };
  const line = text.slice(pos, Math.min(stop, pos + 2000));
  const raw = RAW_TAG.exec(line);
  if (raw) {
    const closer = RAW_CLOSERS.indexOf(`</${raw[1].toLowerCase()}>`);
    return { end: HTML_RAW, closer, closesOnLine: line.toLowerCase().includes(RAW_CLOSERS[closer]) };
  }
  if (BLOCK_TAG.test(line) || (!interrupting && LONE_TAG.test(line))) return { end: HTML_BLANK, closer: -1, closesOnLine: false };
  return null;
}

/** Whether an open HTML block ending as `end` says so on the line from `first` to `stop`. */
function htmlEnds(text: string, first: number, stop: number, end: number, closer: number): boolean {
  return end === HTML_COMMENT ? containsWithin(text, '-->', first, stop) : end === HTML_RAW && text.slice(first, stop).toLowerCase().includes(RAW_CLOSERS[closer]);
}

/** Takes back the checkbox of line `i`: `[ ]` alone on its line turned out to be plain text. */
function dropBox(i: number, textStart: Int32Array, box: Uint16Array, boxOffset: Int32Array, flags: Uint8Array): void {
  textStart[i] = boxOffset[i] - 1;
  box[i] = 0;
  boxOffset[i] = -1;
  flags[i] &= ~OPTIONAL;
}

/** Where each line starts: one pass of indexOf (fast native search), kept for the main pass. */
function lineStarts(text: string, from: number): Int32Array {
  if (from >= text.length) return new Int32Array(0);
  let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
  let count = 0;
  starts[count++] = from;
  const last = text.length - 1;
  for (let i = text.indexOf('\n', from); i !== -1 && i < last; ) {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = ++i;
    // An empty line ends where it starts: no search for it.
    i = text.charCodeAt(i) === 10 ? i : text.indexOf('\n', i);
  }
  return starts.slice(0, count);
}

/** The result's columns while the scan fills them, in the order of ScanResult. */
type Columns = [
  kind: Uint8Array,
  start: Int32Array,
  end: Int32Array,
  indent: Int32Array,
  textStart: Int32Array,
  level: Uint8Array,
  markerWidth: Uint8Array,
  parent: Int32Array,
  depth: Int32Array,
  box: Uint16Array,
  boxOffset: Int32Array,
  flags: Uint8Array,
];

/** Slots of the state carried from one run of lines to the next, in an Int32Array (flags as 1 or 0). */
const SLOT = {
  openDepth: 0,
  fenceChar: 1,
  fenceLength: 2,
  fenceLine: 3,
  /** Content column of the list item holding the open fence (0 at top level). */
  fenceBase: 4,
  htmlEnd: 5,
  /** Index in RAW_CLOSERS of the tag that ends the open raw HTML block. */
  htmlCloser: 6,
  /** A list line whose checkbox has no text after it: a task only if its paragraph goes on. */
  pendingBox: 7,
  prevBlank: 8,
  /** The previous line can take a lazy continuation line (an open paragraph). */
  paragraphOpen: 9,
  /** The open paragraph started outside any list item (setext headings only apply there). */
  paragraphAtTop: 10,
} as const;
const SLOTS = 11;

/**
 * Lines per call of `scanLines`. Many short calls rather than one long loop: V8 then compiles
 * the function whole, with type feedback for every step, instead of replacing the running
 * loop, whose compiled code gives up at the first step after it (on each of the first scans).
 * The function takes only typed arrays, an array and numbers: compiled code that expects an
 * object of a shape of ours is thrown away when a garbage collection finds no such object left.
 */
const RUN = 2048;

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
  const columns: Columns = [kind, start, end, indent, textStart, level, markerWidth, parent, depth, box, boxOffset, flags];
  // Open list items as two stacks (content column, line index); nesting never exceeds the lines.
  const openCol = new Int32Array(total + 1);
  const openLine = new Int32Array(total + 1);
  const state = new Int32Array(SLOTS);
  state[SLOT.htmlCloser] = -1;
  state[SLOT.pendingBox] = -1;
  state[SLOT.prevBlank] = 1;

  const lastEnd = length > 0 && text.charCodeAt(length - 1) === 10 ? length - 1 : length;
  for (let from = 0; from < total; from += RUN) scanLines(text, columns, openCol, openLine, state, from, Math.min(total, from + RUN), lastEnd);
  if (state[SLOT.pendingBox] >= 0) dropBox(state[SLOT.pendingBox], textStart, box, boxOffset, flags);

  return withLines(text, {
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
    unterminatedFence: state[SLOT.fenceChar] !== 0 ? state[SLOT.fenceLine] : null,
    contentStart,
  });
}

/** Scans lines `from` to `to` (exclusive) into `columns`, carrying the open items and `state` on. */
function scanLines(
  text: string,
  columns: Columns,
  openCol: Int32Array,
  openLine: Int32Array,
  state: Int32Array,
  from: number,
  to: number,
  lastEnd: number,
): void {
  // The state lives in locals while the lines run, and the helpers called are pure. Closures
  // sharing the state would keep it in a heap context, and V8 holds their optimised code weakly:
  // each full garbage collection between two scans threw it away (scans ran twice as slow).
  const [kind, start, end, indent, textStart, level, markerWidth, parent, depth, box, boxOffset, flags] = columns;
  const count = start.length;
  let openDepth = state[SLOT.openDepth];
  let fenceChar = state[SLOT.fenceChar];
  let fenceLength = state[SLOT.fenceLength];
  let fenceLine = state[SLOT.fenceLine];
  let fenceBase = state[SLOT.fenceBase];
  let htmlEnd = state[SLOT.htmlEnd];
  let htmlCloser = state[SLOT.htmlCloser];
  let pendingBox = state[SLOT.pendingBox];
  let prevBlank = state[SLOT.prevBlank] === 1;
  let paragraphOpen = state[SLOT.paragraphOpen] === 1;
  let paragraphAtTop = state[SLOT.paragraphAtTop] === 1;
  for (let i = from; i < to; i++) {
    const pos = start[i];
    let stop = i + 1 < count ? start[i + 1] - 1 : lastEnd;
    if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
    end[i] = stop;
    // Indentation in columns, a tab reaching the next multiple of four; `c` is the character after it.
    let first = pos;
    let col = 0;
    let c = 0;
    for (; first < stop; first++) {
      c = text.charCodeAt(first);
      if (c === SPACE) col++;
      else if (c === TAB) col += 4 - (col & 3);
      else break;
    }
    indent[i] = col;
    textStart[i] = first;

    // A fence inside a list item ends with the item: a less indented line closes both.
    if (fenceChar !== 0 && fenceBase > 0 && first !== stop && col < fenceBase) fenceChar = 0;
    // This line could continue the previous line's paragraph.
    const lazy = paragraphOpen && !prevBlank;

    if (fenceChar !== 0) {
      kind[i] = K.fence;
      if (col - fenceBase < 4 && closesFence(text, first, stop, fenceChar, fenceLength)) {
        flags[i] = DELIMITER;
        fenceChar = 0;
      }
      prevBlank = false;
      paragraphOpen = false;
    } else if (htmlEnd !== HTML_NONE && !(htmlEnd === HTML_BLANK && first === stop)) {
      kind[i] = K.html;
      if (htmlEnds(text, first, stop, htmlEnd, htmlCloser)) htmlEnd = HTML_NONE;
      prevBlank = false;
      paragraphOpen = false;
    } else if (first === stop) {
      // Blank: its kind is the arrays' zero.
      htmlEnd = HTML_NONE;
      prevBlank = true;
      paragraphOpen = false;
    } else {
      const wasBlank = prevBlank;
      prevBlank = false;
      // Content column of the innermost open item, and how many items stay open if the line closes some.
      const inner = openDepth > 0 ? openCol[openDepth - 1] : 0;
      const kept = keptDepth(openCol, openDepth, col);
      let found = 0;
      // Thematic breaks win over list markers (`- - -`), and `---` under a paragraph is a setext heading.
      if (lazy && paragraphAtTop && openDepth === 0 && col < 4 && (found = setextLevel(text, first, stop)) > 0) {
        kind[i - 1] = K.heading;
        level[i - 1] = found;
        kind[i] = K.hr;
        paragraphOpen = false;
      } else if (col - inner < 4 && isThematicBreak(text, c, first, stop)) {
        openDepth = kept;
        kind[i] = K.hr;
        paragraphOpen = false;
      } else if (
        (found = listMarkerLength(text, c, first, stop)) > 0 &&
        opensItem(text, first, stop, found, col - (kept > 0 ? openCol[kept - 1] : 0), lazy && col >= inner)
      ) {
        const markerLength = found;
        openDepth = kept;
        kind[i] = K.list;
        markerWidth[i] = markerLength;
        const afterMarker = first + markerLength;
        const markerEndCol = col + markerLength;
        let gapEnd = afterMarker;
        let gapCol = markerEndCol;
        // `g`: the character after the whitespace that follows the marker.
        let g = 0;
        for (; gapEnd < stop; gapEnd++) {
          g = text.charCodeAt(gapEnd);
          if (g === SPACE) gapCol++;
          else if (g === TAB) gapCol += 4 - (gapCol & 3);
          else break;
        }
        const spaces = gapCol - markerEndCol;
        // Five or more spaces after the marker: the content starts one column after it (indented code).
        const contentCol = gapEnd === stop || spaces > 4 ? markerEndCol + 1 : markerEndCol + Math.max(spaces, 1);
        if (openDepth > 0) parent[i] = openLine[openDepth - 1];
        depth[i] = openDepth;
        openCol[openDepth] = contentCol;
        openLine[openDepth] = i;
        openDepth++;
        let content = spaces > 4 ? afterMarker + 1 : gapEnd;
        paragraphOpen = content < stop;
        paragraphAtTop = false;
        // A checkbox: `[c]` followed by whitespace, the end of the line, or Kiro's `*`.
        const opening = spaces > 4 ? text.charCodeAt(content) : g;
        const boxChar = content + 2 <= stop && opening === OPEN_BRACKET && text.charCodeAt(content + 2) === CLOSE_BRACKET ? text.charCodeAt(content + 1) : 0;
        if (isBoxChar(boxChar)) {
          let after = content + 3;
          let next = after < stop ? text.charCodeAt(after) : 0;
          const optional = next === STAR;
          if (optional) next = ++after < stop ? text.charCodeAt(after) : 0;
          if (after >= stop || isSpace(next)) {
            box[i] = boxChar;
            boxOffset[i] = content + 1;
            if (optional) flags[i] = OPTIONAL;
            content = after < stop ? firstNonSpace(text, after + 1, stop) : after;
            // `[ ]` alone is paragraph text: a task only if the next line continues it. A bare
            // box pending from the line before is not continued by this list item.
            if (content === stop) {
              if (pendingBox >= 0) dropBox(pendingBox, textStart, box, boxOffset, flags);
              pendingBox = i;
            }
            paragraphOpen = true;
          }
        }
        textStart[i] = content;
      } else {
        if (wasBlank) openDepth = kept;
        // Headings, fences, quotes, tables and HTML blocks interrupt a paragraph; plain text continues it.
        const blockAllowed = col - (openDepth > 0 ? openCol[openDepth - 1] : 0) < 4;
        let html: HtmlStart | null = null;
        if (blockAllowed && c === HASH && (found = atxLevel(text, first, stop)) > 0) {
          kind[i] = K.heading;
          level[i] = found;
          textStart[i] = firstNonSpace(text, first + found, stop);
          openDepth = 0;
          paragraphOpen = false;
        } else if (blockAllowed && (c === BACKTICK || c === TILDE) && (found = fenceOpening(text, first, stop, c)) > 0) {
          openDepth = kept;
          kind[i] = K.fence;
          flags[i] = DELIMITER;
          fenceChar = c;
          fenceLength = found;
          fenceLine = i + 1;
          fenceBase = openDepth > 0 ? openCol[openDepth - 1] : 0;
          paragraphOpen = false;
        } else if (blockAllowed && (c === GT || c === PIPE)) {
          openDepth = kept;
          if (c === GT) {
            kind[i] = K.quote;
            textStart[i] = first + 1;
          } else {
            kind[i] = K.table;
          }
          paragraphOpen = false;
        } else if (blockAllowed && c === LT && (html = htmlStart(text, first, stop, lazy)) !== null) {
          openDepth = kept;
          kind[i] = K.html;
          if (!html.closesOnLine) {
            htmlEnd = html.end;
            htmlCloser = html.closer;
          }
          paragraphOpen = false;
        } else if (lazy) {
          kind[i] = K.text;
        } else if (!blockAllowed) {
          kind[i] = K.code;
          paragraphOpen = false;
        } else {
          openDepth = kept;
          kind[i] = K.text;
          paragraphOpen = true;
          paragraphAtTop = openDepth === 0;
        }
      }
    }
    if (pendingBox >= 0 && pendingBox !== i) {
      if (!(lazy && kind[i] === K.text)) dropBox(pendingBox, textStart, box, boxOffset, flags);
      pendingBox = -1;
    }
  }
  state[SLOT.openDepth] = openDepth;
  state[SLOT.fenceChar] = fenceChar;
  state[SLOT.fenceLength] = fenceLength;
  state[SLOT.fenceLine] = fenceLine;
  state[SLOT.fenceBase] = fenceBase;
  state[SLOT.htmlEnd] = htmlEnd;
  state[SLOT.htmlCloser] = htmlCloser;
  state[SLOT.pendingBox] = pendingBox;
  state[SLOT.prevBlank] = prevBlank ? 1 : 0;
  state[SLOT.paragraphOpen] = paragraphOpen ? 1 : 0;
  state[SLOT.paragraphAtTop] = paragraphAtTop ? 1 : 0;
}

/** The result with its `lines` view, built on first use: a closure of its own, so that `scan` has none. */
function withLines(text: string, result: Omit<ScanResult, 'lines'>): ScanResult {
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
