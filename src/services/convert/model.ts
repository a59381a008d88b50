// What every converter produces before a line of Markdown is written: tasks with their own
// subtasks (any depth), grouped under optional epics, with dependencies already turned into the
// ids the written plan will use. One writer (markdown.ts) turns it into a plan.

import type { Status } from '../../engine/model.js';

export const SOURCE_FORMATS = ['taskmaster', 'backlog-md', 'github'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface ConvertedCheck {
  text: string;
  done: boolean;
}

/** A block of prose kept from the source, written as a blockquote so it is never read as tasks. */
export interface ConvertedNote {
  /** Bold label above the text ("Details"), or null for the description. */
  label: string | null;
  text: string;
}

export interface ConvertedTask {
  /** The id in the written plan: `TASK-12` for a top-level task, `TASK-12.1` for a subtask. */
  id: string;
  /** How the source names it ("12", "task-12", "#12"), written as the Source field. */
  sourceId: string;
  title: string;
  status: Status;
  priority?: string;
  points?: number;
  assignee?: string;
  labels: string[];
  /** Ids (in the written plan) of the items this one waits for. */
  dependsOn: string[];
  notes: ConvertedNote[];
  acceptance: ConvertedCheck[];
  subtasks: ConvertedTask[];
}

export interface ConvertedGroup {
  /** `EPIC-1` when the group is an epic (a milestone), null for a plain section. */
  epicId: string | null;
  title: string;
  tasks: ConvertedTask[];
}

export interface ConvertedPlan {
  title: string;
  /** One sentence saying where the plan came from. */
  origin: string;
  groups: ConvertedGroup[];
  /** Things the reader should know: skipped files, dependencies that name nothing, unknown statuses. */
  warnings: string[];
}

/** Every task of the plan, subtasks included, parents before children, in written order. */
export function allTasks(plan: ConvertedPlan): ConvertedTask[] {
  const out: ConvertedTask[] = [];
  for (const group of plan.groups) {
    const stack = [...group.tasks].reverse();
    while (stack.length > 0) {
      const task = stack.pop()!;
      out.push(task);
      for (let i = task.subtasks.length - 1; i >= 0; i--) stack.push(task.subtasks[i]);
    }
  }
  return out;
}
