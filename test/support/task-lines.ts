// The task-list items of a Markdown text as two independent readers see them: scrumdown's line
// scanner, and mdast-util-from-markdown with GitHub-flavoured Markdown (the reference). Items
// inside blockquotes are left out on both sides: plans never keep their tasks there.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes } from 'mdast';

import { isGfmTask, scan } from '../../src/engine/scan.js';

/** A task-list item: its 1-based line and whether its box is checked. */
export interface TaskLine {
  line: number;
  checked: boolean;
}

/** Task-list items found by scrumdown's scanner (`isGfmTask`), in document order. */
export function scannerTasks(text: string): TaskLine[] {
  const found: TaskLine[] = [];
  for (const line of scan(text).lines) {
    if (isGfmTask(text, line)) found.push({ line: line.lineNo, checked: line.box !== ' ' });
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
