// Checks that a written plan reads back as the converted one: every task under its id, with its
// title, status, priority, points, parent and dependencies. Text the engine reads as metadata
// (a subtask title such as "1. Step", or "(3 points)" in a heading) is reported, never hidden.

import { buildPlan } from '../../engine/build.js';
import type { Item } from '../../engine/model.js';
import { dependencyIds } from '../items.js';
import { inline, titleText } from './markdown.js';
import type { ConvertedPlan, ConvertedTask } from './model.js';

export interface ReadBack {
  /** Ids of tasks the written plan does not have at all (a bug in the writer). */
  missing: string[];
  /** One sentence per field that reads back differently. */
  differences: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function verifyReadBack(converted: ConvertedPlan, markdown: string): ReadBack {
  const plan = buildPlan(markdown, 'converted.md');
  const byId = new Map<string, Item>();
  for (const item of plan.items) if (!byId.has(item.id)) byId.set(item.id, item);
  const missing: string[] = [];
  const differences: string[] = [];
  const parents = new Map<string, string | null>();
  for (const group of converted.groups) {
    for (const task of group.tasks) parents.set(task.id, group.epicId);
  }
  const stack: ConvertedTask[] = converted.groups.flatMap((group) => group.tasks).reverse();
  while (stack.length > 0) {
    const task = stack.pop()!;
    for (const sub of task.subtasks) parents.set(sub.id, task.id);
    for (let i = task.subtasks.length - 1; i >= 0; i--) stack.push(task.subtasks[i]);
    const item = byId.get(task.id);
    if (!item) {
      missing.push(task.id);
      continue;
    }
    const differ = (what: string, wanted: unknown, got: unknown) => differences.push(`${task.id}: the ${what} reads back as ${JSON.stringify(got)}, not ${JSON.stringify(wanted)}.`);
    if (item.title !== titleText(task.title)) differ('title', titleText(task.title), item.title);
    if (item.status !== task.status) differ('status', task.status, item.status);
    if ((item.priority ?? null) !== (task.priority ? inline(task.priority).replace(/\|/g, '/') : null)) differ('priority', task.priority ?? null, item.priority ?? null);
    if ((item.points ?? null) !== (task.points ?? null)) differ('points', task.points ?? null, item.points ?? null);
    if (item.parent !== (parents.get(task.id) ?? null)) differ('parent', parents.get(task.id) ?? null, item.parent);
    const deps = dependencyIds(item);
    if (!sameList(deps, task.dependsOn)) differ('dependencies', task.dependsOn, deps);
  }
  return { missing, differences };
}
