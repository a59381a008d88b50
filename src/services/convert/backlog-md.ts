// A Backlog.md `backlog/` folder → converted plan. Task files (`task-12 - Title.md`) hold YAML
// frontmatter (id, title, status, assignee, labels, milestone, dependencies, parent_task_id,
// priority) and a body with `## Description`, `## Acceptance Criteria` (checkboxes, optionally
// numbered `#1`) and other sections. Which folders are read:
//   tasks/ and completed/   converted (completed tasks keep their own status, normally Done)
//   drafts/                 converted into a "Drafts" section, every draft Deferred
//   archive/                left out (archived work was taken off the board), counted in a warning
// task-12 becomes TASK-12 and its subtask task-12.1 (parent_task_id, or the dotted id) becomes
// TASK-12.1 under it; milestones become epics EPIC-1, EPIC-2… in order of first use.

import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Status } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { priorityWord, statusFromWords, uniqueLabels } from './common.js';
import type { ConvertedCheck, ConvertedGroup, ConvertedNote, ConvertedPlan, ConvertedTask } from './model.js';

export type BacklogFolder = 'tasks' | 'completed' | 'drafts';

export interface BacklogFile {
  /** The path as messages show it. */
  path: string;
  folder: BacklogFolder;
  text: string;
}

export interface BacklogSource {
  /** The backlog folder as the user named it. */
  root: string;
  files: BacklogFile[];
  projectName?: string;
  /** Files under archive/, left out. */
  archived: number;
}

interface ParsedTask {
  file: BacklogFile;
  id: string;
  sourceId: string;
  parentId: string | null;
  title: string;
  status: Status;
  priority?: string;
  points?: number;
  assignee?: string;
  labels: string[];
  milestone?: string;
  dependencies: string[];
  notes: ConvertedNote[];
  acceptance: ConvertedCheck[];
}

const ID = /^([A-Za-z][A-Za-z0-9]*)-(\d+(?:\.\d+)*)$/;
const FILE_NAME = /^([A-Za-z][A-Za-z0-9]*-\d+(?:\.\d+)*)\s+-\s+(.+)\.md$/i;

/** `task-12.1` → `TASK-12.1`; a bare number gets the TASK prefix; null when it is not an id. */
export function normaliseId(raw: string): string | null {
  const value = raw.trim();
  if (/^\d+(\.\d+)*$/.test(value)) return `TASK-${value}`;
  const match = ID.exec(value);
  return match ? `${match[1].toUpperCase()}-${match[2]}` : null;
}

function formatError(file: BacklogFile, line: number, problem: string, fix: string): ScrumdownError {
  return new ScrumdownError('unsupported_format', `${file.path}:${line}: ${problem}. ${fix}`, { path: file.path, line });
}

/** Splits `---` frontmatter from the body; the body's first line number comes with it. */
function splitFrontmatter(file: BacklogFile): { yaml: string; body: string; bodyLine: number } {
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) {
    throw formatError(file, 1, 'no YAML frontmatter', 'A Backlog.md task file starts with a "---" line, then id, title and status, then "---".');
  }
  const end = text.indexOf('\n---', 3);
  if (end === -1 || (text[end + 4] !== undefined && text[end + 4] !== '\n')) {
    throw formatError(file, 1, 'the frontmatter is never closed', 'End it with a line holding only "---".');
  }
  const yaml = text.slice(4, end + 1);
  const body = text.slice(end + 5);
  return { yaml, body, bodyLine: yaml.split('\n').length + 2 };
}

function asStrings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.filter((entry) => entry !== null && entry !== undefined).map(String);
  return String(value)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The body's `## ` sections, ignoring headings inside code fences and Backlog.md's comment markers. */
function bodySections(body: string): Array<{ heading: string | null; lines: string[] }> {
  const sections: Array<{ heading: string | null; lines: string[] }> = [{ heading: null, lines: [] }];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = null;
    }
    if (fence === null && /^##\s+/.test(line)) {
      sections.push({ heading: line.replace(/^##\s+/, '').trim(), lines: [] });
      continue;
    }
    if (fence === null && /^\s*<!--.*-->\s*$/.test(line)) continue;
    sections[sections.length - 1].lines.push(line);
  }
  return sections;
}

function readBody(body: string): { notes: ConvertedNote[]; acceptance: ConvertedCheck[] } {
  const notes: ConvertedNote[] = [];
  const acceptance: ConvertedCheck[] = [];
  for (const section of bodySections(body)) {
    const text = section.lines.join('\n').trim();
    const heading = section.heading;
    if (heading !== null && /^(acceptance criteria|definition of done)$/i.test(heading)) {
      const rest: string[] = [];
      for (const line of section.lines) {
        const box = /^\s*[-*+]\s+\[([ xX])\]\s+(?:#\d+\s+)?(.*)$/.exec(line);
        if (box) acceptance.push({ done: box[1] !== ' ', text: box[2].trim() });
        else if (line.trim()) rest.push(line);
      }
      if (rest.length > 0) notes.push({ label: heading, text: rest.join('\n') });
      continue;
    }
    if (text === '') continue;
    if (heading === null || /^description$/i.test(heading)) notes.push({ label: null, text });
    else notes.push({ label: heading, text });
  }
  return { notes, acceptance };
}

function readTask(file: BacklogFile, warnings: string[]): ParsedTask {
  const { yaml, body } = splitFrontmatter(file);
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + 1 : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw formatError(file, line, `the frontmatter is not valid YAML (${reason})`, 'Fix the line, or let Backlog.md rewrite the file (backlog task edit).');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw formatError(file, 2, 'the frontmatter is not a set of fields', 'It should hold lines such as "id: task-1" and "title: …".');
  }
  const fields = data as Record<string, unknown>;
  const name = /[^/\\]+$/.exec(file.path)?.[0] ?? file.path;
  const fromName = FILE_NAME.exec(name);
  const rawId = fields.id !== undefined && fields.id !== null ? String(fields.id) : fromName?.[1];
  if (rawId === undefined) {
    throw formatError(file, 2, 'the task has no id', 'Add "id: task-N" to the frontmatter, or name the file "task-N - Title.md".');
  }
  const id = normaliseId(rawId);
  if (id === null) {
    throw formatError(file, 2, `"${rawId}" is not a task id`, 'Use the form task-12 (letters, a dash, a number; task-12.1 for a subtask).');
  }
  const title = fields.title !== undefined && fields.title !== null ? String(fields.title) : fromName?.[2];
  if (!title || !title.trim()) throw formatError(file, 2, 'the task has no title', 'Add "title: …" to the frontmatter.');

  const statusText = fields.status === undefined || fields.status === null ? '' : String(fields.status);
  let status: Status;
  if (file.folder === 'drafts') status = 'deferred';
  else if (statusText.trim() === '') status = 'todo';
  else {
    const known = statusFromWords(statusText);
    if (!known) warnings.push(`${file.path}: status "${statusText}" is not one scrumdown knows; ${id} is written as To Do.`);
    status = known ?? 'todo';
  }

  const parentRaw = fields.parent_task_id ?? fields.parent;
  let parentId = parentRaw !== undefined && parentRaw !== null && String(parentRaw).trim() !== '' ? normaliseId(String(parentRaw)) : null;
  if (parentId === null) {
    const dotted = /^(.*)\.\d+$/.exec(id);
    if (dotted) parentId = dotted[1];
  }
  const points = fields.points ?? fields.story_points ?? fields.estimate;
  const { notes, acceptance } = readBody(body);
  return {
    file,
    id,
    sourceId: `Backlog.md ${rawId.trim()}`,
    parentId,
    title: title.trim(),
    status,
    priority: typeof fields.priority === 'string' && fields.priority.trim() ? priorityWord(fields.priority) : undefined,
    points: typeof points === 'number' && Number.isFinite(points) ? points : undefined,
    assignee: asStrings(fields.assignee).map((who) => who.replace(/^@/, '')).join(', ') || undefined,
    labels: uniqueLabels(asStrings(fields.labels)),
    milestone: typeof fields.milestone === 'string' && fields.milestone.trim() ? fields.milestone.trim() : undefined,
    dependencies: asStrings(fields.dependencies),
    notes,
    acceptance,
  };
}

/** Orders ids by prefix, then number by number: TASK-2 before TASK-10, TASK-2 before TASK-2.1. */
export function compareIds(a: string, b: string): number {
  const [prefixA, numberA] = [a.slice(0, a.indexOf('-')), a.slice(a.indexOf('-') + 1).split('.').map(Number)];
  const [prefixB, numberB] = [b.slice(0, b.indexOf('-')), b.slice(b.indexOf('-') + 1).split('.').map(Number)];
  if (prefixA !== prefixB) return prefixA < prefixB ? -1 : 1;
  for (let i = 0; i < Math.max(numberA.length, numberB.length); i++) {
    const x = numberA[i] ?? -1;
    const y = numberB[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

export function fromBacklogFiles(source: BacklogSource): ConvertedPlan {
  const warnings: string[] = [];
  const parsed = source.files.map((file) => readTask(file, warnings));
  const byId = new Map<string, ParsedTask>();
  for (const task of parsed) {
    const before = byId.get(task.id);
    if (before) {
      throw new ScrumdownError('unsupported_format', `${task.file.path}:2: id ${task.sourceId.replace('Backlog.md ', '')} is also used by ${before.file.path}. Give each task its own id.`, {
        path: task.file.path,
      });
    }
    byId.set(task.id, task);
  }

  // Parents: every chain must end at a top-level task, without coming back on itself.
  for (const task of parsed) {
    const seen = [task.id];
    for (let parent = task.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) {
      if (!byId.has(parent)) {
        const child = seen[seen.length - 1];
        const file = byId.get(child)!.file;
        throw new ScrumdownError(
          'unsupported_format',
          `${file.path}:2: ${child} is a subtask of ${parent}, which is not in ${source.root} (archived or deleted?). Restore ${parent}, or clear parent_task_id and give the task an id without a dot.`,
          { path: file.path },
        );
      }
      if (seen.includes(parent)) {
        throw new ScrumdownError('unsupported_format', `${task.file.path}:2: subtasks form a cycle: ${[...seen, parent].join(' → ')}. Fix parent_task_id so that one of them is a top-level task.`, {
          path: task.file.path,
          cycle: [...seen, parent],
        });
      }
      seen.push(parent);
    }
  }

  const converted = new Map<string, ConvertedTask>();
  const ordered = [...parsed].sort((a, b) => compareIds(a.id, b.id));
  for (const task of ordered) {
    const deps: string[] = [];
    for (const raw of task.dependencies) {
      const dep = normaliseId(raw);
      if (dep !== null && byId.has(dep) && dep !== task.id) {
        if (!deps.includes(dep)) deps.push(dep);
      } else {
        warnings.push(`${task.file.path}: ${task.id} depends on ${raw}, which is not in ${source.root}; the dependency is left out.`);
      }
    }
    converted.set(task.id, {
      id: task.id,
      sourceId: task.sourceId,
      title: task.title,
      status: task.status,
      priority: task.priority,
      points: task.points,
      assignee: task.assignee,
      labels: task.labels,
      dependsOn: deps,
      notes: task.notes,
      acceptance: task.acceptance,
      subtasks: [],
    });
  }

  const tasks: ConvertedGroup = { epicId: null, title: 'Tasks', tasks: [] };
  const drafts: ConvertedGroup = { epicId: null, title: 'Drafts', tasks: [] };
  const epics = new Map<string, ConvertedGroup>();
  for (const task of ordered) {
    const node = converted.get(task.id)!;
    if (task.parentId !== null) {
      converted.get(task.parentId)!.subtasks.push(node);
      continue;
    }
    if (task.file.folder === 'drafts') {
      drafts.tasks.push(node);
    } else if (task.milestone) {
      let epic = epics.get(task.milestone);
      if (!epic) {
        epic = { epicId: `EPIC-${epics.size + 1}`, title: task.milestone, tasks: [] };
        epics.set(task.milestone, epic);
      }
      epic.tasks.push(node);
    } else {
      tasks.tasks.push(node);
    }
  }
  if (source.archived > 0) warnings.push(`archived task files in ${source.root} were left out: ${source.archived}.`);
  if (epics.size > 0 && tasks.tasks.length > 0) tasks.title = 'Tasks without a milestone';
  const count = parsed.length;
  return {
    title: source.projectName ?? 'Backlog',
    origin: `Converted from the Backlog.md folder ${source.root}: ${count} task files${drafts.tasks.length > 0 ? ', drafts included as Deferred' : ''}.`,
    groups: [...epics.values(), tasks, drafts],
    warnings,
  };
}
