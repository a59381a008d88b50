// Writes a converted plan as Markdown in scrumdown's own dialect, chosen because the engine reads
// every part of it back exactly:
//   ## EPIC-1: Milestone                 (only when the source groups tasks)
//   ### TASK-12: Title                   a top-level task: id and title in the heading
//   **Status:** In Progress | **Priority:** High | **Points:** 3
//   **Assignee:** ana | **Labels:** api, db
//   **Depends on:** TASK-5, TASK-7.2
//   **Source:** Taskmaster 12
//   > description, quoted so that no line of it is read as a task or a field
//   **Acceptance Criteria:**            the checks of the task
//   - [ ] Criterion
//   **Subtasks:**                        subtasks at any depth, ids in a detail line
//   - [ ] Title
//     - **ID:** TASK-12.1 | **Status:** Blocked | **Depends on:** TASK-12.2
// Subtask ids cannot go in the list line (the engine reads `X-12.1` there as `X-12`), hence the
// ID field. Nothing here recurses: the subtask tree is walked with an explicit stack.

import type { Status } from '../../engine/model.js';
import type { ConvertedPlan, ConvertedTask } from './model.js';

const STATUS_WORDS: Readonly<Record<Status, string>> = {
  todo: 'To Do',
  in_progress: 'In Progress',
  review: 'In Review',
  done: 'Done',
  blocked: 'Blocked',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
};

export function statusWord(status: Status): string {
  return STATUS_WORDS[status];
}

/** One line of text: no line breaks, no bold markers, no `|` that would split a field line. */
export function inline(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

/** A title as written: one line, and never empty (an empty heading or box names nothing). */
export function titleText(title: string): string {
  return inline(title) || '(no title)';
}

function fieldValue(text: string): string {
  return inline(text).replace(/\|/g, '/');
}

/**
 * `text` as blockquote lines behind `indent`. A quote ends every block inside it (a code fence
 * left open included), so nothing quoted can turn the rest of the plan into something else.
 */
export function quote(text: string, indent = ''): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  return lines.map((line) => (line.trim() === '' ? `${indent}>` : `${indent}> ${line.replace(/\s+$/, '')}`));
}

export function labelWord(label: string): string {
  return fieldValue(label).replace(/[\s,]+/g, '-');
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/**
 * The field lines of a task, each a list of `**Label:** value` parts. `depsNone` writes
 * "Depends on: None" when the task has none but a sibling has some, so the siblings read alike.
 */
function fieldGroups(task: ConvertedTask, subtask: boolean, depsNone: boolean): string[][] {
  const first: string[] = [];
  if (subtask) first.push(`**ID:** ${task.id}`);
  // A subtask's checkbox says todo and done by itself; any other status needs the field.
  if (!subtask || (task.status !== 'todo' && task.status !== 'done')) first.push(`**Status:** ${statusWord(task.status)}`);
  if (task.priority) first.push(`**Priority:** ${fieldValue(task.priority)}`);
  if (task.points !== undefined) first.push(`**Points:** ${number(task.points)}`);
  const second: string[] = [];
  if (task.assignee) second.push(`**Assignee:** ${fieldValue(task.assignee)}`);
  // The engine splits labels at commas and spaces: a label keeps its words joined by dashes.
  if (task.labels.length > 0) second.push(`**Labels:** ${task.labels.map(labelWord).join(', ')}`);
  const third: string[] = [];
  if (task.dependsOn.length > 0) third.push(`**Depends on:** ${task.dependsOn.join(', ')}`);
  else if (depsNone) third.push('**Depends on:** None');
  // A subtask's id already says where it came from; a task names its source once.
  if (subtask) return [[...first, ...second, ...third]];
  return [first, second, third, [`**Source:** ${fieldValue(task.sourceId)}`]].filter((group) => group.length > 0);
}

function anyDependencies(tasks: readonly ConvertedTask[]): boolean {
  return tasks.some((task) => task.dependsOn.length > 0);
}

function writeTask(lines: string[], task: ConvertedTask, level: number, depsNone: boolean): void {
  lines.push(`${'#'.repeat(level)} ${task.id}: ${titleText(task.title)}`);
  for (const group of fieldGroups(task, false, depsNone)) lines.push(group.join(' | '));
  for (const note of task.notes) {
    lines.push('');
    if (note.label) lines.push(`**${inline(note.label)}:**`);
    lines.push(...quote(note.text));
  }
  if (task.acceptance.length > 0) {
    lines.push('', '**Acceptance Criteria:**');
    for (const check of task.acceptance) lines.push(`- [${check.done ? 'x' : ' '}] ${inline(check.text)}`);
  }
  if (task.subtasks.length > 0) {
    lines.push('', '**Subtasks:**');
    writeSubtasks(lines, task.subtasks);
  }
  lines.push('');
}

function writeSubtasks(lines: string[], subtasks: readonly ConvertedTask[]): void {
  const stack: Array<{ task: ConvertedTask; depth: number; depsNone: boolean }> = [];
  const push = (list: readonly ConvertedTask[], depth: number) => {
    const depsNone = anyDependencies(list);
    for (let i = list.length - 1; i >= 0; i--) stack.push({ task: list[i], depth, depsNone });
  };
  push(subtasks, 0);
  while (stack.length > 0) {
    const { task, depth, depsNone } = stack.pop()!;
    const indent = '  '.repeat(depth);
    lines.push(`${indent}- [${task.status === 'done' ? 'x' : ' '}] ${titleText(task.title)}`);
    for (const group of fieldGroups(task, true, depsNone)) lines.push(`${indent}  - ${group.join(' | ')}`);
    const prose: string[] = [];
    for (const note of task.notes) {
      if (prose.length > 0) prose.push('');
      if (note.label) prose.push(`${inline(note.label)}:`);
      prose.push(note.text);
    }
    if (task.acceptance.length > 0) {
      if (prose.length > 0) prose.push('');
      // Checks belong to top-level tasks in this dialect; a subtask keeps its criteria as text.
      prose.push('Acceptance criteria:', ...task.acceptance.map((check) => `- [${check.done ? 'x' : ' '}] ${inline(check.text)}`));
    }
    if (prose.length > 0) lines.push(...quote(prose.join('\n'), `${indent}  `));
    push(task.subtasks, depth + 1);
  }
}

export function writePlanMarkdown(plan: ConvertedPlan): string {
  const lines = [`# ${inline(plan.title)}`, '', inline(plan.origin), ''];
  for (const group of plan.groups) {
    if (group.tasks.length === 0) continue;
    lines.push(group.epicId ? `## ${group.epicId}: ${inline(group.title)}` : `## ${inline(group.title)}`, '');
    const depsNone = anyDependencies(group.tasks);
    for (const task of group.tasks) writeTask(lines, task, 3, depsNone);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
