// Exporting a plan's items for other tools: a CSV that Jira's CSV importer maps without edits, and
// the items as JSON. Jira's conventions, from its CSV import documentation:
//   - one row per issue, parents before children: epics, then standard issues, then sub-tasks;
//   - "Issue Id" numbers the rows; "Parent" holds the parent's Issue Id (an epic's children and a
//     sub-task's parent, as Jira Cloud reads it); "Parent Id" repeats it for sub-tasks and
//     "Epic Name" / "Epic Link" name the epic, as Jira Data Center reads them;
//   - a column may repeat: one "Labels" column per label, one "Inward issue link (Blocks)" column
//     per dependency, each holding the Issue Id of an issue that blocks this one;
//   - RFC 4180 quoting, CRLF line ends, no byte order mark.
// Checks (acceptance criteria) are not issues; they are counted in the description.

import type { Item, ItemKind, Plan, PlanIndex, Status } from '../engine/model.js';
import { dependencyIds, itemRow, listItems } from './items.js';
import type { ItemRow } from './items.js';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type JiraIssueType = 'Epic' | 'Story' | 'Task' | 'Sub-task';

const JIRA_STATUS: Readonly<Record<Status, string>> = {
  todo: 'To Do',
  in_progress: 'In Progress',
  review: 'In Review',
  done: 'Done',
  blocked: 'Blocked',
  deferred: 'Backlog',
  cancelled: 'Cancelled',
};

const JIRA_RESOLUTION: Partial<Record<Status, string>> = { done: 'Done', cancelled: "Won't Do" };

const PRIORITIES: ReadonlyArray<[RegExp, string]> = [
  [/\b(critical|blocker|urgent|highest|must|p0|showstopper)\b/i, 'Highest'],
  [/\b(lowest|trivial|p4|won'?t)\b/i, 'Lowest'],
  [/\b(high|p1|major|important)\b/i, 'High'],
  [/\b(medium|normal|moderate|p2|should)\b/i, 'Medium'],
  [/\b(low|minor|p3|could|nice to have)\b/i, 'Low'],
];

/** Jira's priority name for a priority as the plan writes it; empty when it names none. */
export function jiraPriority(priority: string | null | undefined): string {
  if (!priority) return '';
  for (const [pattern, name] of PRIORITIES) if (pattern.test(priority)) return name;
  return '';
}

export function jiraStatus(status: Status): string {
  return JIRA_STATUS[status];
}

export interface JiraRow {
  issueId: number;
  item: Item;
  type: JiraIssueType;
  /** Issue Id of the parent row (an epic, or a sub-task's standard issue). */
  parent: number | null;
  /** Issue Ids of the rows this one waits for. */
  blockedBy: number[];
  /** Name of the epic the row belongs to (directly or through its parent). */
  epic: string | null;
}

const LEVEL: Readonly<Record<JiraIssueType, number>> = { Epic: 0, Story: 1, Task: 1, 'Sub-task': 2 };

function isEpicKind(kind: ItemKind): boolean {
  return kind === 'epic' || kind === 'phase';
}

/**
 * The plan's issues in Jira's terms: epics and phases are epics; a story or task under an epic is
 * a standard issue; anything under a story, task or sub-task is a sub-task of the nearest standard
 * issue above it (Jira has one level of sub-tasks).
 */
export function jiraRows(plan: Plan, index: PlanIndex): JiraRow[] {
  const items = plan.items.filter((item) => item.kind !== 'check');
  const type = new Map<string, JiraIssueType>();
  const parentOf = new Map<string, string | null>();
  // Items come parents first (document order), so a parent's type is known before its children's.
  for (const item of items) {
    const parent = item.parent === null ? undefined : index.byId.get(item.parent);
    if (isEpicKind(item.kind) && (!parent || isEpicKind(parent.kind))) {
      type.set(item.id, 'Epic');
      parentOf.set(item.id, null);
      continue;
    }
    if (!parent || !type.has(parent.id)) {
      type.set(item.id, item.kind === 'story' ? 'Story' : item.kind === 'subtask' ? 'Task' : isEpicKind(item.kind) ? 'Story' : 'Task');
      parentOf.set(item.id, null);
      continue;
    }
    const parentType = type.get(parent.id)!;
    if (parentType === 'Epic') {
      type.set(item.id, item.kind === 'story' || isEpicKind(item.kind) ? 'Story' : 'Task');
      parentOf.set(item.id, parent.id);
    } else {
      type.set(item.id, 'Sub-task');
      parentOf.set(item.id, parentType === 'Sub-task' ? parentOf.get(parent.id)! : parent.id);
    }
  }
  const ordered = items
    .map((item, order) => ({ item, order, level: LEVEL[type.get(item.id)!] }))
    .sort((a, b) => a.level - b.level || a.order - b.order)
    .map(({ item }) => item);
  const ids = new Map<string, number>();
  ordered.forEach((item, i) => ids.set(item.id, i + 1));

  const epicName = (id: string): string | null => {
    for (let current: string | null = id; current !== null; current = parentOf.get(current) ?? null) {
      if (type.get(current) === 'Epic' && current !== id) return index.byId.get(current)!.title;
    }
    return null;
  };

  return ordered.map((item) => {
    const parent = parentOf.get(item.id) ?? null;
    return {
      issueId: ids.get(item.id)!,
      item,
      type: type.get(item.id)!,
      parent: parent === null ? null : ids.get(parent)!,
      blockedBy: dependencyIds(item).flatMap((dep) => (dep !== item.id && ids.has(dep) ? [ids.get(dep)!] : [])),
      epic: epicName(item.id),
    };
  });
}

/** One CSV field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Jira takes one assignee: the first person the plan names. */
function firstAssignee(assignee: string | undefined): string {
  return assignee === undefined ? '' : assignee.split(/\s*[,/&]\s*|\s+and\s+/)[0].trim();
}

function number(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function description(plan: Plan, index: PlanIndex, item: Item): string {
  const lines = [`Plan id: ${item.id}`, `Plan: ${plan.path} line ${item.line}`];
  if (item.hours !== undefined) lines.push(`Hours: ${item.hours}`);
  const checks = item.children.map((id) => index.byId.get(id)).filter((child): child is Item => child?.kind === 'check');
  if (checks.length > 0) {
    lines.push('', 'Acceptance criteria:');
    for (const check of checks) lines.push(`- [${check.status === 'done' ? 'x' : ' '}] ${check.title}`);
  }
  return lines.join('\n');
}

export function toJiraCsv(plan: Plan, index: PlanIndex): string {
  const rows = jiraRows(plan, index);
  // A loop, not Math.max(...rows): a plan may have more rows than a call has room for arguments.
  let labelColumns = 0;
  let linkColumns = 0;
  for (const row of rows) {
    labelColumns = Math.max(labelColumns, row.item.tags.length);
    linkColumns = Math.max(linkColumns, row.blockedBy.length);
  }
  const header = [
    'Issue Id',
    'Issue Type',
    'Summary',
    'Status',
    'Resolution',
    'Priority',
    'Story Points',
    'Assignee',
    ...Array<string>(labelColumns).fill('Labels'),
    'Epic Name',
    'Epic Link',
    'Parent',
    'Parent Id',
    ...Array<string>(linkColumns).fill('Inward issue link (Blocks)'),
    'Description',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const { item } = row;
    const labels = item.tags.map((tag) => tag.replace(/\s+/g, '_'));
    const links = row.blockedBy.map(String);
    const cells = [
      String(row.issueId),
      row.type,
      item.title,
      jiraStatus(item.status),
      JIRA_RESOLUTION[item.status] ?? '',
      jiraPriority(item.priority),
      number(item.points),
      firstAssignee(item.assignee),
      ...labels,
      ...Array<string>(labelColumns - labels.length).fill(''),
      row.type === 'Epic' ? item.title : '',
      row.type === 'Epic' ? '' : (row.epic ?? ''),
      row.parent === null ? '' : String(row.parent),
      row.type === 'Sub-task' && row.parent !== null ? String(row.parent) : '',
      ...links,
      ...Array<string>(linkColumns - links.length).fill(''),
      description(plan, index, item),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export interface ExportedItem extends ItemRow {
  checks: { done: number; total: number };
}

export function exportItems(plan: Plan, index: PlanIndex): ExportedItem[] {
  return listItems(plan, index).map((row) => {
    const item = index.byId.get(row.id)!;
    let done = 0;
    let total = 0;
    for (const id of item.children) {
      const child = index.byId.get(id);
      if (child?.kind !== 'check') continue;
      total++;
      if (child.status === 'done') done++;
    }
    return { ...itemRow(item), checks: { done, total } };
  });
}

export function toJson(path: string, plan: Plan, index: PlanIndex): string {
  const items = exportItems(plan, index);
  return JSON.stringify({ schema: 'scrumdown/export@1', file: path, title: plan.title, count: items.length, items }, null, 2) + '\n';
}
