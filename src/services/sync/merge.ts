// The three-way merge of file sync, pure: what the file and the server each changed since the
// text both last agreed on (the base), which of those changes merge and which conflict. Changes
// are line hunks of the base; each is charged to the plan items whose lines it replaces in the
// base and whose lines it writes in the new text (a check counts as its item's own line, text
// outside items as its section's). Two changes conflict when they touch the same item or overlap;
// then the file's side is kept and the server's reported.
// Texts are byte strings (one char per byte, latin1) so the merge keeps every byte as it was.

import { buildPlan } from '../../engine/build.js';
import { decodeBytes } from '../../engine/decode.js';
import type { Plan } from '../../engine/model.js';
import { editScript } from '../diff.js';

/** Base lines [start, end) (0-based) replaced by `lines`, which start at line `at` of the new text. */
export interface Hunk {
  start: number;
  end: number;
  at: number;
  lines: string[];
}

/** A text and the engine's reading of it. */
export interface Side {
  text: string;
  plan: Plan;
}

/**
 * A file's bytes as the merge reads them: one char per byte, and the engine's plan of the text,
 * built only when asked for (a save with nothing new from the server needs none).
 */
export function sideOf(bytes: Uint8Array, name: string): Side {
  let plan: Plan | undefined;
  return {
    text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
    get plan() {
      return (plan ??= buildPlan(decodeBytes(bytes).text, name));
    },
  };
}

/** The bytes of a merged text. */
export function bytesOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export interface MergeConflict {
  /** The items (or `section:…` for text outside items) both sides changed. */
  items: string[];
  /** 1-based line in the merged text where the file's side of the conflict starts. */
  line: number;
  /** The lines as the file has them (kept). */
  file: string;
  /** The lines as the server has them (not applied). */
  server: string;
}

export interface MergeResult {
  text: string;
  /** Items whose server changes were merged into the file's text. */
  merged: string[];
  conflicts: MergeConflict[];
}

/** Lines with their line endings, so joining them gives the text back byte for byte. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, stop));
    start = stop;
  }
  return lines;
}

export function hunksBetween(base: readonly string[], other: readonly string[]): Hunk[] {
  const ops = editScript(base, other, (x, y) => x === y);
  const hunks: Hunk[] = [];
  let a = 0;
  let b = 0;
  let open: Hunk | undefined;
  for (const op of ops) {
    if (op === ' ') {
      open = undefined;
      a++;
      b++;
      continue;
    }
    if (!open) {
      open = { start: a, end: a, at: b, lines: [] };
      hunks.push(open);
    }
    if (op === '-') {
      a++;
      open.end = a;
    } else {
      open.lines.push(other[b]);
      b++;
    }
  }
  // Lines rewritten one for one are separate changes, so each is charged to its own item.
  return hunks.flatMap((hunk) =>
    hunk.end - hunk.start === hunk.lines.length && hunk.lines.length > 1
      ? hunk.lines.map((line, i) => ({ start: hunk.start + i, end: hunk.start + i + 1, at: hunk.at + i, lines: [line] }))
      : [hunk],
  );
}

/** For every 1-based line of the plan, the key a change on it is charged to. */
export function lineKeys(plan: Plan): (line: number) => string {
  const keys: string[] = [];
  const fill = (from: number, to: number, key: string): void => {
    for (let line = from; line <= to; line++) keys[line] = key;
  };
  // Spans nest or are disjoint: filling outer before inner leaves each line its innermost owner.
  for (const section of [...plan.sections].sort((x, y) => x.line - y.line)) fill(section.line, section.endLine, `section:${section.id}`);
  for (const item of [...plan.items].sort((x, y) => x.line - y.line)) {
    if (item.kind !== 'check') fill(item.line, item.endLine, item.id);
  }
  return (line) => keys[line] ?? 'document';
}

/** The keys a hunk touches: those of the base lines it replaces and of the lines it writes. */
function hunkKeys(hunk: Hunk, baseKey: (line: number) => string, newKey: (line: number) => string): Set<string> {
  const keys = new Set<string>();
  for (let line = hunk.start + 1; line <= hunk.end; line++) keys.add(baseKey(line));
  for (let line = hunk.at + 1; line <= hunk.at + hunk.lines.length; line++) keys.add(newKey(line));
  return keys;
}

/** The changes from base to other, each with the keys it touches. */
function keyedHunks(baseLines: readonly string[], baseKey: (line: number) => string, other: Side): { hunk: Hunk; keys: Set<string> }[] {
  const otherKey = lineKeys(other.plan);
  return hunksBetween(baseLines, splitLines(other.text)).map((hunk) => ({ hunk, keys: hunkKeys(hunk, baseKey, otherKey) }));
}

function overlap(a: Hunk, b: Hunk): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function sameHunk(a: Hunk, b: Hunk): boolean {
  return a.start === b.start && a.end === b.end && a.lines.length === b.lines.length && a.lines.every((line, i) => line === b.lines[i]);
}

/** The base with the hunks applied; they must not overlap. */
function applyHunks(base: readonly string[], hunks: readonly Hunk[]): string {
  // Insertions go before a replacement that starts where they stand.
  const ordered = [...hunks].sort((x, y) => x.start - y.start || (x.end - x.start) - (y.end - y.start));
  const out: string[] = [];
  let at = 0;
  for (const hunk of ordered) {
    for (; at < hunk.start; at++) out.push(base[at]);
    out.push(...hunk.lines);
    at = Math.max(at, hunk.end);
  }
  for (; at < base.length; at++) out.push(base[at]);
  return out.join('');
}

interface Tagged {
  hunk: Hunk;
  keys: Set<string>;
  side: 'file' | 'server';
  group: number;
}

/**
 * Merges the server's changes into the file's text. Changes of one side to items the other side
 * left alone are both kept; where both changed the same item the file's text stays and the
 * server's change comes back as a conflict.
 */
export function mergeTexts(base: Side, file: Side, server: Side): MergeResult {
  const baseLines = splitLines(base.text);
  const baseKey = lineKeys(base.plan);
  const tag = (side: Tagged['side'], other: Side): Tagged[] => keyedHunks(baseLines, baseKey, other).map((keyed) => ({ ...keyed, side, group: -1 }));
  const local = tag('file', file);
  // A change the file already has is no change to merge.
  const remote = tag('server', server).filter((theirs) => !local.some((ours) => sameHunk(ours.hunk, theirs.hunk)));

  // Group changes that clash, transitively: a group with both sides in it is one conflict.
  const all = [...local, ...remote];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < local.length; i++) {
    for (let j = 0; j < remote.length; j++) {
      const ours = local[i];
      const theirs = remote[j];
      if (overlap(ours.hunk, theirs.hunk) || [...theirs.keys].some((key) => ours.keys.has(key))) parent[find(i)] = find(local.length + j);
    }
  }
  all.forEach((tagged, i) => (tagged.group = find(i)));
  const conflicted = new Set(remote.filter((theirs) => local.some((ours) => ours.group === theirs.group)).map((theirs) => theirs.group));

  const kept = [...local, ...remote.filter((theirs) => !conflicted.has(theirs.group))];
  const text = applyHunks(baseLines, kept.map((tagged) => tagged.hunk));
  const merged = new Set<string>();
  for (const theirs of remote) if (!conflicted.has(theirs.group)) for (const key of theirs.keys) merged.add(key);

  const conflicts: MergeConflict[] = [];
  for (const group of conflicted) {
    const members = all.filter((tagged) => tagged.group === group);
    const items = new Set<string>();
    for (const member of members) for (const key of member.keys) items.add(key);
    const ours = members.filter((member) => member.side === 'file');
    conflicts.push({
      items: [...items],
      line: mergedLine(kept, ours[0].hunk),
      file: ours.map((member) => member.hunk.lines.join('')).join(''),
      server: members.filter((member) => member.side === 'server').map((member) => member.hunk.lines.join('')).join(''),
    });
  }
  conflicts.sort((x, y) => x.line - y.line);
  return { text, merged: [...merged], conflicts };
}

/** Where a kept hunk lands in the merged text (1-based). */
function mergedLine(kept: readonly Tagged[], target: Hunk): number {
  let shift = 0;
  for (const tagged of kept) {
    const { hunk } = tagged;
    if (hunk !== target && (hunk.start < target.start || (hunk.start === target.start && hunk.start === hunk.end))) shift += hunk.lines.length - (hunk.end - hunk.start);
  }
  return target.start + shift + 1;
}

/**
 * The file's text with its changes to `items` taken back to the base's: what may be pushed while
 * those items are in conflict, and what `resolve --take server` writes.
 */
export function withoutChangesTo(base: Side, file: Side, items: ReadonlySet<string>): string {
  if (items.size === 0) return file.text;
  const baseLines = splitLines(base.text);
  const kept = keyedHunks(baseLines, lineKeys(base.plan), file).filter(({ keys }) => ![...keys].some((key) => items.has(key)));
  return applyHunks(baseLines, kept.map(({ hunk }) => hunk));
}
