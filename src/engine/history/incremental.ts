// Summarises successive texts of one plan without parsing each whole: most commits change a few
// lines inside one part of the plan, so only that part is parsed again, after the few earlier
// headings that decide its section ids and context (the title, its enclosing headings, headings
// whose ids could collide with its own), and the other parts' items are reused. The result is the same as summarizeRevision(buildPlan(text));
// where that cannot be guaranteed the whole text is parsed:
//  - parts are the sections at the shallowest heading level that occurs at least twice, and
//    only when no heading above that level declares an item and every item's parent is in its
//    own part (roll-ups and carriers then stay inside a part);
//  - an edit that touches a heading, a fence, a setext underline or a thematic break, or spans
//    two parts, is structural: the whole text is parsed;
//  - derived ids are numbered per prefix (`1.2` of `1.2.3`): a plan where two parts number
//    items under one prefix is parsed whole, and so is an edit that brings a prefix of another
//    part into this one;
//  - the first time a part is parsed alone, its previous text is parsed alone too and must give
//    exactly the items the whole parse gave it; a part whose new items share an id (or the id
//    an `~n` duplicate suffix was added to, in any case) with another part is parsed in full.
// Parts are taken at the deepest heading level that meets these conditions: the smaller the
// part, the less is parsed again.

import { buildPlan } from '../build.js';
import type { Plan } from '../model.js';
import { summarizeWithLines } from './revision.js';
import type { PlanRevision, RevisionItem } from './types.js';

interface HeadingLine {
  line: number;
  level: number;
  key: string;
  underline: boolean;
}

/**
 * A loose form of a heading's text: two headings whose section ids could collide have equal
 * keys (taking more headings as context than needed costs time, never correctness).
 */
function headingKey(line: string): string {
  return line.replace(/^ {0,3}#+/, '').toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 24);
}

interface Layout {
  /** First line (0-based) of each part; part 0 is what precedes the first part heading. */
  starts: number[];
  /** Index in revision.items of each part's first item; one extra entry for the end. */
  itemStart: number[];
  /** Every heading: its line (0-based), level, a loose key of its text, and its setext underline. */
  headings: HeadingLine[];
  /** The heading level parts start at. */
  level: number;
  /** Byte offset of each part's first line, when the text was given as bytes. */
  startBytes?: number[];
  /** Parts whose alone-parse was checked against a whole parse. */
  checked: Set<number>;
  /** The part whose derived ids use each prefix (`1.2` of `1.2.3`): numbering is per part. */
  prefixes: Map<string, number>;
  /**
   * Per id base (the id without its `~n` duplicate suffix, upper-cased as the builder compares
   * ids), the one part that uses it, or -1 when several do. Duplicate suffixes are numbered per
   * base, so a base one part alone uses is numbered the same in that part parsed alone.
   */
  bases: Map<string, number>;
}

export interface TextRevision {
  /** The bytes the text was decoded from, when it was given as bytes. */
  bytes?: Uint8Array;
  lines: string[];
  revision: PlanRevision;
  /** Null when the plan cannot be split into independent parts. */
  layout: Layout | null;
}

export interface IncrementalStats {
  whole: number;
  partial: number;
}

const STRUCTURAL = /^ {0,3}(#|`{3}|~{3}|(=+|-+|\*+|_+|(- +){2,}-|(\* +){2,}\*)\s*$)/;

export function summarizeText(text: string, path: string, previous: TextRevision | null, stats?: IncrementalStats): TextRevision {
  const lines = text.split('\n');
  if (previous?.layout) {
    const partial = summarizePart(lines, path, previous, previous.layout, null);
    if (partial) {
      if (stats) stats.partial++;
      return partial;
    }
  }
  if (stats) stats.whole++;
  const plan = buildPlan(text, path);
  const { revision, lines: itemLines } = summarizeWithLines(plan);
  return { lines, revision, layout: layoutOf(plan, revision, lines, itemLines) };
}

/** What the builder numbers duplicates of: the id without its `~n` suffix, in upper case. */
function idBase(id: string): string {
  const tilde = id.lastIndexOf('~');
  return (tilde > 0 ? id.slice(0, tilde) : id).toUpperCase();
}

function derivedPrefix(item: RevisionItem): string | null {
  if (!item.derived) return null;
  // Ids without a prefix ("2", a slug) are written numbers or titles, not counted per prefix.
  const dot = item.id.lastIndexOf('.');
  return dot <= 0 ? null : item.id.slice(0, dot);
}

/** UTF-8 length of a string. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** How many leading bytes two arrays share, and how many trailing ones (not overlapping those). */
export function sharedEnds(a: Uint8Array, b: Uint8Array): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/**
 * Like summarizeText, from the bytes of each revision: the bytes are compared first, so only the
 * part that changed is decoded and split into lines. `decode` turns bytes into text exactly as
 * the whole file would be decoded (part boundaries sit after a newline, so decoding a part gives
 * the same characters as decoding the whole). `commonEnds` may be a faster equivalent of
 * sharedEnds.
 */
export function summarizeBytes(
  bytes: Uint8Array,
  path: string,
  previous: TextRevision | null,
  decode: (bytes: Uint8Array) => string,
  stats?: IncrementalStats,
  commonEnds: (a: Uint8Array, b: Uint8Array) => { prefix: number; suffix: number } = sharedEnds,
): TextRevision {
  const layout = previous?.layout;
  const old = previous?.bytes;
  if (previous && layout?.startBytes && old) {
    const { prefix: a, suffix: s } = commonEnds(old, bytes);
    const { starts, startBytes } = layout;
    let part = starts.length - 1;
    while (part > 0 && startBytes[part] > a) part--;
    if (part > 0 && startBytes[part] === a && old.length - s === a) part--;
    const last = part + 1 === starts.length;
    const partEnd = last ? old.length : startBytes[part + 1];
    if (old.length - s <= partEnd) {
      const delta = bytes.length - old.length;
      const text = decode(bytes.subarray(startBytes[part], partEnd + delta));
      const partLines = text.split('\n');
      if (!last) partLines.pop();
      const lines = previous.lines.slice(0, starts[part]).concat(partLines, last ? [] : previous.lines.slice(starts[part + 1]));
      const partial = summarizePart(lines, path, previous, layout, delta);
      if (partial) {
        if (stats) stats.partial++;
        partial.bytes = bytes;
        return partial;
      }
    }
  }
  const whole = summarizeText(decode(bytes), path, null, stats);
  whole.bytes = bytes;
  if (whole.layout) {
    const startBytes: number[] = [];
    let offset = 0;
    let next = 0;
    for (let i = 0; i < whole.lines.length && next < whole.layout.starts.length; i++) {
      while (next < whole.layout.starts.length && whole.layout.starts[next] === i) startBytes[next++] = offset;
      offset += utf8Length(whole.lines[i]) + 1;
    }
    whole.layout.startBytes = startBytes;
  }
  return whole;
}

/** The layout at the deepest heading level that splits the plan into independent parts. */
function layoutOf(plan: Plan, revision: PlanRevision, lines: readonly string[], itemLines: readonly number[]): Layout | null {
  const counts = new Map<number, number>();
  for (const section of plan.sections) counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  for (let level = 6; level >= 1; level--) {
    if ((counts.get(level) ?? 0) < 2) continue;
    const layout = layoutAt(level, plan, revision, lines, itemLines);
    if (layout) return layout;
  }
  return null;
}

function layoutAt(level: number, plan: Plan, revision: PlanRevision, lines: readonly string[], itemLines: readonly number[]): Layout | null {
  const starts = [0];
  const headings: HeadingLine[] = [];
  for (const section of plan.sections) {
    if (section.level < level && section.itemId !== undefined) return null;
    const at = section.line - 1;
    if (section.level === level && at > 0) starts.push(at);
    // A setext heading's underline belongs to it.
    const underline = /^ {0,3}(=+|-+)\s*$/.test(lines[at + 1] ?? '') && !/^ {0,3}#/.test(lines[at]);
    headings.push({ line: at, level: section.level, key: headingKey(lines[at]), underline });
  }
  const partOf = (line: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const lineOf = new Map<string, number>();
  for (const item of plan.items) lineOf.set(item.id, item.line - 1);
  for (const item of plan.items) {
    if (item.parent === null) continue;
    const parentLine = lineOf.get(item.parent);
    if (parentLine === undefined || partOf(parentLine) !== partOf(item.line - 1)) return null;
  }
  const itemStart = new Array<number>(starts.length + 1).fill(itemLines.length);
  for (let i = itemLines.length - 1; i >= 0; i--) {
    const part = partOf(itemLines[i] - 1);
    for (let k = part; k >= 0 && itemStart[k] > i; k--) itemStart[k] = i;
  }
  for (let i = 1; i < itemLines.length; i++) if (itemLines[i] < itemLines[i - 1]) return null;
  // Outline counters are kept per prefix: two parts numbering under one prefix are not independent.
  const prefixes = new Map<string, number>();
  for (let i = 0; i < itemLines.length; i++) {
    const prefix = derivedPrefix(revision.items[i]);
    if (prefix === null) continue;
    const part = partOf(itemLines[i] - 1);
    const owner = prefixes.get(prefix);
    if (owner !== undefined && owner !== part) return null;
    prefixes.set(prefix, part);
  }
  const bases = new Map<string, number>();
  for (let i = 0; i < itemLines.length; i++) {
    const base = idBase(revision.items[i].id);
    const part = partOf(itemLines[i] - 1);
    const owner = bases.get(base);
    bases.set(base, owner === undefined || owner === part ? part : -1);
  }
  return { starts, itemStart, headings, level, checked: new Set(), prefixes, bases };
}

function sameItems(a: readonly RevisionItem[], b: readonly RevisionItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.title !== y.title || x.kind !== y.kind || x.status !== y.status || x.points !== y.points || x.parent !== y.parent || x.counted !== y.counted || x.derived !== y.derived) {
      return false;
    }
  }
  return true;
}

/**
 * The headings a part is parsed after: the document's first heading (the title), the part's
 * enclosing headings, and every earlier heading that could share a section id with one of the
 * part's own headings. Everything else a part's items depend on lies inside the part.
 */
function contextOf(lines: readonly string[], layout: Layout, from: number, to: number): string[] {
  const { headings, level } = layout;
  const keys = new Set<string>();
  for (const heading of headings) if (heading.line >= from && heading.line < to) keys.add(heading.key);
  const enclosing = new Map<number, number>();
  const chosen = new Set<number>();
  headings.forEach((heading, h) => {
    if (heading.line >= from) return;
    if (h === 0 || keys.has(heading.key)) chosen.add(h);
    if (heading.level < level) {
      enclosing.set(heading.level, h);
      for (let deeper = heading.level + 1; deeper < level; deeper++) enclosing.delete(deeper);
    }
  });
  for (const h of enclosing.values()) chosen.add(h);
  const context: string[] = [];
  headings.forEach((heading, h) => {
    if (!chosen.has(h)) return;
    context.push(lines[heading.line]);
    if (heading.underline) context.push(lines[heading.line + 1]);
  });
  return context;
}

/** Items of one part parsed after its context headings. */
function parsePartAlone(lines: readonly string[], layout: Layout, from: number, to: number, path: string): RevisionItem[] {
  const context = contextOf(lines, layout, from, to);
  const text = context.concat(lines.slice(from, to)).join('\n');
  const { revision, lines: itemLines } = summarizeWithLines(buildPlan(text, path));
  const first = context.length + 1;
  const items: RevisionItem[] = [];
  for (let i = 0; i < itemLines.length; i++) if (itemLines[i] >= first) items.push(revision.items[i]);
  return items;
}

/** `byteDelta`: how many bytes longer the new text is, when the texts came as bytes. */
function summarizePart(lines: string[], path: string, previous: TextRevision, layout: Layout, byteDelta: number | null): TextRevision | null {
  const old = previous.lines;
  const limit = Math.min(old.length, lines.length);
  let a = 0;
  while (a < limit && old[a] === lines[a]) a++;
  let s = 0;
  while (s < limit - a && old[old.length - 1 - s] === lines[lines.length - 1 - s]) s++;
  const oldEnd = old.length - s;
  const newEnd = lines.length - s;
  for (let i = a; i < oldEnd; i++) if (STRUCTURAL.test(old[i])) return null;
  for (let i = a; i < newEnd; i++) if (STRUCTURAL.test(lines[i])) return null;

  const { starts, itemStart, headings } = layout;
  let part = starts.length - 1;
  while (part > 0 && starts[part] > a) part--;
  // Lines inserted right before a part's heading belong to the part above.
  if (part > 0 && starts[part] === a && oldEnd === a) part--;
  const partEnd = part + 1 < starts.length ? starts[part + 1] : old.length;
  if (oldEnd > partEnd || a < starts[part]) return null;
  const delta = lines.length - old.length;

  if (!layout.checked.has(part)) {
    const before = parsePartAlone(old, layout, starts[part], partEnd, path);
    if (!sameItems(before, previous.revision.items.slice(itemStart[part], itemStart[part + 1]))) return null;
  }
  const items = parsePartAlone(lines, layout, starts[part], partEnd + delta, path);
  // A base or prefix this part takes up is recorded as its own (one the part no longer uses stays
  // recorded: another part taking it up is then parsed whole, which is safe).
  let { prefixes, bases } = layout;
  for (const item of items) {
    const base = idBase(item.id);
    const owner = bases.get(base);
    if (owner === undefined) {
      if (bases === layout.bases) bases = new Map(bases);
      bases.set(base, part);
    } else if (owner !== part) return null;
    const prefix = derivedPrefix(item);
    if (prefix === null) continue;
    const numbering = prefixes.get(prefix);
    if (numbering === undefined) {
      if (prefixes === layout.prefixes) prefixes = new Map(prefixes);
      prefixes.set(prefix, part);
    } else if (numbering !== part) return null;
  }

  const all = previous.revision.items;
  const revision: PlanRevision = { items: all.slice(0, itemStart[part]).concat(items, all.slice(itemStart[part + 1])) };
  const shift = items.length - (itemStart[part + 1] - itemStart[part]);
  // Most edits (a box ticked) keep every line and item count: the arrays are then shared.
  const moved = (values: number[], by: number): number[] => (by === 0 ? values : values.map((value, k) => (k > part ? value + by : value)));
  return {
    lines,
    revision,
    layout: {
      starts: moved(starts, delta),
      itemStart: moved(itemStart, shift),
      headings: delta === 0 ? headings : headings.map((heading) => (heading.line >= oldEnd ? { ...heading, line: heading.line + delta } : heading)),
      level: layout.level,
      startBytes: byteDelta === null || !layout.startBytes ? undefined : moved(layout.startBytes, byteDelta),
      checked: layout.checked.has(part) ? layout.checked : new Set(layout.checked).add(part),
      prefixes,
      bases,
    },
  };
}
