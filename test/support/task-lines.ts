// The task-list items and list nesting of a Markdown text as two independent readers see them:
// scrumdown's line scanner, and mdast-util-from-markdown with GitHub-flavoured Markdown (the
// reference). Items inside blockquotes are left out on both sides: plans never keep tasks there.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes } from 'mdast';

import { isGfmTask, K, scan } from '../../src/engine/scan.js';

/** A task-list item: its 1-based line and whether its box is checked. */
export interface TaskLine {
  line: number;
  checked: boolean;
}

/** Task-list items found by scrumdown's scanner (`isGfmTask`), in document order. */
export function scannerTasks(text: string): TaskLine[] {
  const found: TaskLine[] = [];
  for (const line of scan(text).lines) {
    if (isGfmTask(text, line)) found.push({ line: line.lineNo, checked: line.box === 'x' || line.box === 'X' });
  }
  return found;
}

/** Task-list items in the GFM syntax tree (list items with a boolean `checked`), outside blockquotes. */
export function mdastTasks(text: string): TaskLine[] {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const found: TaskLine[] = [];
  // An explicit stack, children pushed in reverse, gives document order without recursion.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'blockquote') continue;
    if (node.type === 'listItem' && typeof node.checked === 'boolean' && node.position) {
      found.push({ line: node.position.start.line, checked: node.checked });
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return found;
}

/**
 * For every list item outside blockquotes: its line and the line of the list item that holds it
 * (0 at the top level), by the scanner.
 */
export function scannerListParents(text: string): Map<number, number> {
  const s = scan(text);
  const parents = new Map<number, number>();
  for (let i = 0; i < s.count; i++) {
    if (s.kind[i] === K.list) parents.set(i + 1, s.parent[i] + 1);
  }
  return parents;
}

/** The same by mdast: each listItem's start line and its nearest listItem ancestor's line. */
export function mdastListParents(text: string): Map<number, number> {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const parents = new Map<number, number>();
  const stack: Array<{ node: Nodes; holder: number }> = [{ node: tree, holder: 0 }];
  while (stack.length > 0) {
    const { node, holder } = stack.pop() as { node: Nodes; holder: number };
    if (node.type === 'blockquote' || node.type === 'code' || node.type === 'html') continue;
    let inner = holder;
    if (node.type === 'listItem' && node.position) {
      parents.set(node.position.start.line, holder);
      inner = node.position.start.line;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, holder: inner });
    }
  }
  return parents;
}

/** Lines where the two readers disagree, with each side's view, for readable failures. */
export function taskDifferences(text: string): Array<{ line: number; scanner: boolean | null; mdast: boolean | null; source: string }> {
  const ours = new Map(scannerTasks(text).map((t) => [t.line, t.checked]));
  const theirs = new Map(mdastTasks(text).map((t) => [t.line, t.checked]));
  const sourceLines = text.split(/\r?\n/);
  const lines = [...new Set([...ours.keys(), ...theirs.keys()])].sort((a, b) => a - b);
  return lines
    .filter((line) => ours.get(line) !== theirs.get(line))
    .map((line) => ({ line, scanner: ours.get(line) ?? null, mdast: theirs.get(line) ?? null, source: sourceLines[line - 1] ?? '' }));
}

/** List items whose enclosing list item differs between the readers (or that only one sees). */
export function nestingDifferences(text: string): string[] {
  const ours = scannerListParents(text);
  const theirs = mdastListParents(text);
  const differences: string[] = [];
  for (const [line, parent] of theirs) {
    if (ours.get(line) !== parent) differences.push(`line ${line}: held by line ${parent} in mdast, ${ours.get(line) ?? 'not a list item'} in the scanner`);
  }
  for (const [line, parent] of ours) {
    if (!theirs.has(line)) differences.push(`line ${line}: a list item (held by line ${parent}) only in the scanner`);
  }
  return differences;
}
