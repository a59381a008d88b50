// Taskmaster (task-master-ai) `tasks.json` → converted plan. Both layouts are read: the legacy
// `{ "tasks": [...] }` and the tagged `{ "master": { "tasks": [...] }, "feature-x": {...} }`, of
// which one tag is converted (master, or the only one, unless --tag names another).
// Ids: task 12 → TASK-12, its subtask 3 → TASK-12.3. Dependencies: in a task, 7 means task 7 and
// "7.2" subtask 2 of task 7; in a subtask, a plain number is a sibling subtask when the parent has
// one with that id (Taskmaster's own convention), else a top-level task.

import * as z from 'zod/v4';
import type { Status } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { priorityWord, uniqueLabels } from './common.js';
import type { ConvertedNote, ConvertedPlan, ConvertedTask } from './model.js';
import { checkShape, jsonPath } from './source-file.js';

const STATUSES: Readonly<Record<string, Status>> = {
  pending: 'todo',
  todo: 'todo',
  'in-progress': 'in_progress',
  in_progress: 'in_progress',
  review: 'review',
  done: 'done',
  completed: 'done',
  blocked: 'blocked',
  deferred: 'deferred',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/, 'expected a whole number id')]);
const dependency = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/, 'expected a task id such as 7 or "7.2"')]);
const text = z.string().nullish();

const subtaskSchema = z.looseObject({
  id,
  title: z.string(),
  description: text,
  details: text,
  testStrategy: text,
  status: z.string().nullish(),
  priority: z.string().nullish(),
  dependencies: z.array(dependency).nullish(),
});

const taskSchema = subtaskSchema.extend({
  subtasks: z.array(subtaskSchema).nullish(),
});

const listSchema = z.looseObject({ tasks: z.array(taskSchema), metadata: z.looseObject({ projectName: z.string().optional() }).optional() });

type TaskInput = z.infer<typeof taskSchema>;
type SubtaskInput = z.infer<typeof subtaskSchema>;

const EXPECTED = 'A Taskmaster tasks.json holds {"tasks": [...]} or, with tags, {"master": {"tasks": [...]}}; each task needs a numeric id and a title.';

export interface TaskmasterOptions {
  /** The tag to convert in a tagged file. */
  tag?: string;
}

function isTaskList(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { tasks?: unknown }).tasks);
}

/** True when `data` looks like a Taskmaster file (used to detect the format). */
export function looksLikeTaskmaster(data: unknown): boolean {
  if (isTaskList(data)) return true;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const values = Object.values(data);
  return values.length > 0 && values.some(isTaskList);
}

/** Picks the task list to convert, and the JSON path it sits at. */
function pickList(path: string, data: unknown, options: TaskmasterOptions): { list: unknown; at: string[]; tag: string | null } {
  if (isTaskList(data)) {
    if (options.tag !== undefined && options.tag !== 'master') {
      throw new ScrumdownError('invalid_argument', `${path} has no tags (a plain {"tasks": [...]} file); drop --tag ${options.tag}.`, { path });
    }
    return { list: data, at: [], tag: null };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { list: data, at: [], tag: null };
  }
  const tags = Object.keys(data).filter((key) => isTaskList((data as Record<string, unknown>)[key]));
  if (tags.length === 0) return { list: data, at: [], tag: null };
  const wanted = options.tag ?? (tags.includes('master') ? 'master' : tags.length === 1 ? tags[0] : undefined);
  if (wanted === undefined) {
    throw new ScrumdownError('invalid_argument', `${path} has several tags and none is "master": ${tags.join(', ')}. Choose one with --tag.`, { path, tags });
  }
  if (!tags.includes(wanted)) {
    throw new ScrumdownError('invalid_argument', `${path} has no tag "${wanted}". Its tags: ${tags.join(', ')}.`, { path, tags });
  }
  return { list: (data as Record<string, unknown>)[wanted], at: [wanted], tag: wanted };
}

function notesOf(input: { description?: string | null; details?: string | null; testStrategy?: string | null }): ConvertedNote[] {
  const notes: ConvertedNote[] = [];
  if (input.description?.trim()) notes.push({ label: null, text: input.description });
  if (input.details?.trim()) notes.push({ label: 'Details', text: input.details });
  if (input.testStrategy?.trim()) notes.push({ label: 'Test Strategy', text: input.testStrategy });
  return notes;
}

export function fromTaskmaster(path: string, data: unknown, options: TaskmasterOptions = {}): ConvertedPlan {
  const picked = pickList(path, data, options);
  const parsed = checkShape(path, picked.list, listSchema, EXPECTED, picked.at);
  const warnings: string[] = [];
  const prefix = (index: number, ...rest: Array<string | number>): string => jsonPath([...picked.at, 'tasks', index, ...rest]);

  // Ids first, so dependencies on later tasks resolve.
  const taskIds = new Map<number, { index: number; subtasks: Set<number> }>();
  parsed.tasks.forEach((task, index) => {
    const number = Number(task.id);
    const seen = taskIds.get(number);
    if (seen) {
      throw new ScrumdownError('unsupported_format', `${path}: ${prefix(index, 'id')}: task id ${number} is used twice (also at ${prefix(seen.index, 'id')}). Give each task its own id.`, { path });
    }
    const subtasks = new Set<number>();
    (task.subtasks ?? []).forEach((subtask, subIndex) => {
      const subNumber = Number(subtask.id);
      if (subtasks.has(subNumber)) {
        throw new ScrumdownError('unsupported_format', `${path}: ${prefix(index, 'subtasks', subIndex, 'id')}: subtask id ${subNumber} is used twice in task ${number}. Give each subtask its own id.`, { path });
      }
      subtasks.add(subNumber);
    });
    taskIds.set(number, { index, subtasks });
  });

  const resolve = (raw: number | string, owner: string, parent: number | null): string | null => {
    const value = String(raw);
    const dotted = /^(\d+)\.(\d+)$/.exec(value);
    if (dotted) {
      const task = taskIds.get(Number(dotted[1]));
      if (task?.subtasks.has(Number(dotted[2]))) return `TASK-${Number(dotted[1])}.${Number(dotted[2])}`;
    } else {
      const number = Number(value);
      if (parent !== null && taskIds.get(parent)?.subtasks.has(number)) return `TASK-${parent}.${number}`;
      if (taskIds.has(number)) return `TASK-${number}`;
    }
    warnings.push(`${owner} depends on ${value}, which ${path} does not have; the dependency is left out.`);
    return null;
  };

  const status = (value: string | null | undefined, owner: string): Status => {
    if (value === null || value === undefined || value.trim() === '') return 'todo';
    const known = STATUSES[value.trim().toLowerCase()];
    if (known) return known;
    warnings.push(`${owner} has status "${value}", which scrumdown does not know; it is written as To Do.`);
    return 'todo';
  };

  const convertSubtask = (subtask: SubtaskInput, parent: number): ConvertedTask => {
    const taskId = `TASK-${parent}.${Number(subtask.id)}`;
    const deps = uniqueLabels((subtask.dependencies ?? []).flatMap((dep) => resolve(dep, taskId, parent) ?? []));
    return {
      id: taskId,
      sourceId: `Taskmaster ${parent}.${Number(subtask.id)}`,
      title: subtask.title,
      status: status(subtask.status, taskId),
      priority: subtask.priority ? priorityWord(subtask.priority) : undefined,
      labels: [],
      dependsOn: deps.filter((dep) => dep !== taskId),
      notes: notesOf(subtask),
      acceptance: [],
      subtasks: [],
    };
  };

  const convertTask = (task: TaskInput): ConvertedTask => {
    const number = Number(task.id);
    const taskId = `TASK-${number}`;
    return {
      id: taskId,
      sourceId: `Taskmaster ${number}`,
      title: task.title,
      status: status(task.status, taskId),
      priority: task.priority ? priorityWord(task.priority) : undefined,
      labels: [],
      dependsOn: uniqueLabels((task.dependencies ?? []).flatMap((dep) => resolve(dep, taskId, null) ?? [])),
      notes: notesOf(task),
      acceptance: [],
      subtasks: (task.subtasks ?? []).map((subtask) => convertSubtask(subtask, number)),
    };
  };

  const tasks = parsed.tasks.map(convertTask);
  const name = parsed.metadata?.projectName;
  const tagNote = picked.tag ? ` (tag "${picked.tag}")` : '';
  return {
    title: name ? `${name}` : 'Tasks',
    origin: `Converted from the Taskmaster file ${path}${tagNote}: ${tasks.length} tasks.`,
    groups: [{ epicId: null, title: 'Tasks', tasks }],
    warnings,
  };
}
