// A GitHub issues export → converted plan. Reads the array that
// `gh issue list --json number,title,state,labels,assignees,body,milestone` prints (and the REST
// API's issue objects, which have the same fields in lower case). Issue 12 becomes TASK-12 (the
// TASK prefix makes it a task, and the Source field keeps #12); milestones become epics (EPIC-n,
// n the milestone number); "depends on #12" or "blocked by #12" in a body becomes a dependency;
// a closed issue is done (cancelled when closed as not planned); labels such as
// "priority: high" or "P1", "points: 3", and "status: blocked" or "in progress" set those
// fields, and every other label is kept as a label. Pull requests are left out.

import * as z from 'zod/v4';
import type { Status } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { priorityWord, statusFromWords, uniqueLabels } from './common.js';
import type { ConvertedGroup, ConvertedPlan, ConvertedTask } from './model.js';
import { checkShape } from './source-file.js';

const labelSchema = z.union([z.string(), z.looseObject({ name: z.string() })]);
const personSchema = z.union([z.string(), z.looseObject({ login: z.string() })]);

const issueSchema = z.looseObject({
  number: z.number().int().positive(),
  title: z.string(),
  state: z.string(),
  stateReason: z.string().nullish(),
  state_reason: z.string().nullish(),
  labels: z.array(labelSchema).nullish(),
  assignees: z.array(personSchema).nullish(),
  body: z.string().nullish(),
  milestone: z.looseObject({ title: z.string(), number: z.number().int().positive().optional() }).nullish(),
  pull_request: z.unknown().optional(),
});

const EXPECTED = 'Export the issues with: gh issue list --state all --limit 1000 --json number,title,state,labels,assignees,body,milestone > issues.json';

type IssueInput = z.infer<typeof issueSchema>;

/** True when `data` looks like a GitHub issues export (used to detect the format). */
export function looksLikeGithub(data: unknown): boolean {
  if (!Array.isArray(data)) return false;
  const first: unknown = data[0];
  return data.length === 0 || (typeof first === 'object' && first !== null && 'number' in first && 'title' in first && 'state' in first);
}

const DEPENDS = /\b(?:depends\s+on|blocked\s+by)\b:?\s*((?:#\d+(?:\s*(?:,|and|&)\s*)?)+)/gi;

/** Issue numbers a body says this issue waits for. */
export function bodyDependencies(body: string): number[] {
  const numbers: number[] = [];
  for (const match of body.matchAll(DEPENDS)) {
    for (const ref of match[1].matchAll(/#(\d+)/g)) {
      const number = Number(ref[1]);
      if (!numbers.includes(number)) numbers.push(number);
    }
  }
  return numbers;
}

const PRIORITY_LABEL = /^(?:priority\s*[:/ -]\s*)(critical|highest|high|medium|low|lowest|p[0-4])$|^(p[0-4])$/i;
const POINTS_LABEL = /^(?:(?:story\s*)?points?|sp|estimate)\s*[:/=-]?\s*(\d+(?:\.\d+)?)$|^(\d+(?:\.\d+)?)\s*(?:story\s*)?(?:points?|pts|sp)$/i;
const STATUS_LABEL = /^status\s*[:/]\s*(.+)$/i;
const STATUS_WORD_LABELS = new Set(['blocked', 'in progress', 'in-progress', 'wip', 'doing', 'review', 'in review', 'needs review', 'on hold', 'icebox', 'deferred']);

interface LabelReading {
  priority?: string;
  points?: number;
  status?: Status;
  labels: string[];
}

export function readLabels(names: readonly string[]): LabelReading {
  const reading: LabelReading = { labels: [] };
  for (const name of names) {
    const priority = PRIORITY_LABEL.exec(name.trim());
    if (priority && reading.priority === undefined) {
      reading.priority = priorityWord(priority[1] ?? priority[2]);
      continue;
    }
    const points = POINTS_LABEL.exec(name.trim());
    if (points && reading.points === undefined) {
      reading.points = Number(points[1] ?? points[2]);
      continue;
    }
    const statusLabel = STATUS_LABEL.exec(name.trim());
    const statusText = statusLabel ? statusLabel[1] : STATUS_WORD_LABELS.has(name.trim().toLowerCase()) ? name : null;
    const status = statusText === null ? null : statusFromWords(statusText);
    if (status && reading.status === undefined) {
      reading.status = status;
      continue;
    }
    reading.labels.push(name);
  }
  reading.labels = uniqueLabels(reading.labels);
  return reading;
}

function issueStatus(issue: IssueInput, fromLabels: Status | undefined): Status {
  const state = issue.state.trim().toLowerCase();
  if (state === 'closed') {
    const reason = (issue.stateReason ?? issue.state_reason ?? '').toLowerCase().replace(/_/g, ' ');
    return reason === 'not planned' ? 'cancelled' : 'done';
  }
  return fromLabels ?? 'todo';
}

export function fromGithubIssues(path: string, data: unknown): ConvertedPlan {
  if (!Array.isArray(data)) {
    throw new ScrumdownError('unsupported_format', `${path}: $: expected an array of issues (found ${data === null ? 'null' : typeof data}). ${EXPECTED}`, { path });
  }
  const issues = checkShape(path, data, z.array(issueSchema), EXPECTED);
  const warnings: string[] = [];
  const kept: IssueInput[] = [];
  const seen = new Map<number, number>();
  issues.forEach((issue, index) => {
    if (issue.pull_request !== undefined) return;
    const before = seen.get(issue.number);
    if (before !== undefined) {
      throw new ScrumdownError('unsupported_format', `${path}: $[${index}].number: issue #${issue.number} appears twice (also at $[${before}]). Export the issues again.`, { path });
    }
    seen.set(issue.number, index);
    kept.push(issue);
  });
  if (kept.length < issues.length) warnings.push(`pull requests in ${path} were left out: ${issues.length - kept.length}.`);
  kept.sort((a, b) => a.number - b.number);

  const groups = new Map<string, ConvertedGroup>();
  const loose: ConvertedTask[] = [];
  let nextEpic = 1;
  const usedEpics = new Set<number>(kept.flatMap((issue) => (issue.milestone?.number !== undefined ? [issue.milestone.number] : [])));
  for (const issue of kept) {
    const reading = readLabels((issue.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)));
    const id = `TASK-${issue.number}`;
    const deps: string[] = [];
    for (const number of bodyDependencies(issue.body ?? '')) {
      if (number === issue.number) continue;
      if (seen.has(number)) deps.push(`TASK-${number}`);
      else warnings.push(`${id} depends on #${number}, which is not in ${path}; the dependency is left out.`);
    }
    const assignees = (issue.assignees ?? []).map((person) => (typeof person === 'string' ? person : person.login));
    const task: ConvertedTask = {
      id,
      sourceId: `GitHub #${issue.number}`,
      title: issue.title,
      status: issueStatus(issue, reading.status),
      priority: reading.priority,
      points: reading.points,
      assignee: assignees.length > 0 ? assignees.join(', ') : undefined,
      labels: reading.labels,
      dependsOn: deps,
      notes: issue.body?.trim() ? [{ label: null, text: issue.body }] : [],
      acceptance: [],
      subtasks: [],
    };
    const milestone = issue.milestone;
    if (!milestone) {
      loose.push(task);
      continue;
    }
    const key = milestone.number !== undefined ? `#${milestone.number}` : milestone.title;
    let group = groups.get(key);
    if (!group) {
      let number = milestone.number;
      if (number === undefined) {
        while (usedEpics.has(nextEpic)) nextEpic++;
        number = nextEpic;
        usedEpics.add(number);
      }
      group = { epicId: `EPIC-${number}`, title: milestone.title, tasks: [] };
      groups.set(key, group);
    }
    group.tasks.push(task);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(a.epicId!.slice(5)) - Number(b.epicId!.slice(5)));
  if (loose.length > 0) ordered.push({ epicId: null, title: ordered.length > 0 ? 'Issues without a milestone' : 'Issues', tasks: loose });
  return {
    title: 'GitHub issues',
    origin: `Converted from the GitHub issues export ${path}: ${kept.length} issues.`,
    groups: ordered,
    warnings,
  };
}
