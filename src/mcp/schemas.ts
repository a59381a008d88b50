// The zod schemas of the MCP tools: inputs an agent fills in (each field says what it does) and
// the shape of the structured results. Results are open objects (loose): a client validates what
// it relies on, and a new field in a service never breaks it.

import * as z from 'zod/v4';
import { ITEM_KINDS, STATUSES } from '../engine/model.js';

const status = z.enum(STATUSES);
const kind = z.enum(ITEM_KINDS);

export const MAX_LIST_LIMIT = 5000;
export const DEFAULT_LIST_LIMIT = 200;

export const listItemsInput = {
  status: z.array(status).optional().describe('Keep items with any of these statuses.'),
  kind: z
    .array(kind)
    .optional()
    .describe('Keep items of these kinds. Without it every kind but "check" (acceptance criteria and other checklist boxes) is listed.'),
  ready: z.boolean().optional().describe('Only items ready to start: open, and every dependency done.'),
  blocked: z.boolean().optional().describe('Only blocked items: status blocked, or waiting for unfinished work.'),
  actionable: z.boolean().optional().describe('Only work items: no child items other than checks. Epics, phases and parent tasks take their status from these.'),
  tag: z.array(z.string().min(1)).optional().describe('Keep items carrying every one of these tags, e.g. "P" (parallel-safe) or "US1" (case-insensitive).'),
  assignee: z.string().min(1).optional().describe('Keep items assigned to this person or team (case-insensitive).'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_LIST_LIMIT)
    .optional()
    .describe(`Return at most this many items (default ${DEFAULT_LIST_LIMIT}); "count" always gives the full number.`),
};

export const getItemInput = {
  id: z.string().min(1).describe('The item id as the plan writes it, e.g. "T012", "DEVOPS-004" or "1.2" (an alias such as "Story 1.1" works too).'),
};

export const nextItemsInput = {
  limit: z.number().int().min(1).max(100).optional().describe('How many items to suggest (default 5; all ready items when concurrency is given).'),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('Pick this many items that can be worked on side by side (none depends on another), e.g. one per agent or developer.'),
};

export const setStatusInput = {
  ids: z.array(z.string().min(1)).min(1).max(200).describe('Ids of the items to change, as list_items returns them.'),
  status: status.describe('The new status. "done" ticks a checkbox, "in_progress" marks it [-] or rewrites a status field; every status is written in the plan\'s own style.'),
  dry_run: z.boolean().optional().describe('Show the diff without writing the plan.'),
};

export const lintPlanInput = {
  min_severity: z.enum(['error', 'warning', 'info']).optional().describe('Only findings at least this severe (default: all).'),
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).optional().describe(`Return at most this many findings (default ${DEFAULT_LIST_LIMIT}).`),
};

const rollup = z.looseObject({
  items: z.record(z.string(), z.number()),
  actionable: z.number(),
  checks: z.looseObject({ done: z.number(), total: z.number() }),
});

const severityCounts = z.looseObject({ error: z.number(), warning: z.number(), info: z.number() });

export const planStatusOutput = z.looseObject({
  file: z.string(),
  title: z.string(),
  dialects: z.array(z.string()),
  overall: rollup,
  sections: z.array(z.looseObject({ id: z.string(), title: z.string(), line: z.number(), rollup })),
  ready: z.number(),
  blocked: z.number(),
  critical: z.looseObject({ length: z.number(), unit: z.string(), items: z.number(), path: z.array(z.string()) }),
  cycles: z.number(),
  findings: severityCounts,
});

const itemRow = z.looseObject({
  id: z.string(),
  title: z.string(),
  kind,
  status,
  points: z.number().nullable(),
  hours: z.number().nullable(),
  priority: z.string().nullable(),
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  deps: z.array(z.string()),
  parent: z.string().nullable(),
  section: z.string(),
  line: z.number(),
});

export const listItemsOutput = z.looseObject({
  count: z.number().describe('Items that match, before the limit.'),
  truncated: z.boolean(),
  items: z.array(itemRow),
});

export const getItemOutput = z.looseObject({
  item: z.looseObject({ id: z.string(), title: z.string(), kind, status, line: z.number() }),
  fields: z.array(z.looseObject({ key: z.string(), value: z.string(), line: z.number() })),
  checks: z.array(z.looseObject({ id: z.string(), title: z.string(), status })),
  dependsOn: z.array(z.looseObject({ id: z.string(), status })),
  dependents: z.array(z.looseObject({ id: z.string(), status })),
  rollup,
  critical: z.looseObject({ ready: z.boolean(), blocked: z.boolean(), onPath: z.boolean() }),
});

export const nextItemsOutput = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      status,
      priority: z.string().optional(),
      points: z.number().optional(),
      hours: z.number().optional(),
      slack: z.number(),
      onCriticalPath: z.boolean(),
      unblocks: z.number(),
      reason: z.string(),
    }),
  ),
  readyCount: z.number(),
  blockedCount: z.number(),
  concurrency: z.number().nullable(),
  critical: z.looseObject({ path: z.array(z.string()), length: z.number(), unit: z.string() }),
});

export const setStatusOutput = z.looseObject({
  status,
  changes: z.array(z.looseObject({ id: z.string(), title: z.string(), line: z.number(), from: status, to: status })),
  unchanged: z.array(z.string()),
  diff: z.string(),
  written: z.boolean(),
  dryRun: z.boolean(),
});

export const lintPlanOutput = z.looseObject({
  counts: severityCounts,
  count: z.number().describe('Findings at the requested severity, before the limit.'),
  truncated: z.boolean(),
  findings: z.array(
    z.looseObject({
      rule: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      line: z.number(),
      message: z.string(),
      itemId: z.string().optional(),
    }),
  ),
});

export const addStandupInput = {
  done: z.string().optional().describe('What you finished since your last standup.'),
  next: z.string().optional().describe('What you will do next.'),
  blockers: z.string().optional().describe('What blocks you; leave it out when nothing does.'),
  mood: z.number().int().min(1).max(5).optional().describe('How it is going, 1 (bad) to 5 (great).'),
  items: z.array(z.string().min(1)).max(100).optional().describe('Ids of the items the entry is about, as list_items returns them.'),
  day: z.string().optional().describe('The day, YYYY-MM-DD (default: today on the server). One entry per person per day.'),
};

export const updateStandupInput = {
  id: z.string().min(1).optional().describe('The entry to change, as add_standup returned it. Leave it out to change your own entry for day.'),
  day: z.string().optional().describe('Change your own entry for this day, YYYY-MM-DD (default: today on the server). Leave it out when you give id; an entry keeps its day.'),
  done: z.string().optional().describe('New text for what you finished; replaces the old.'),
  next: z.string().optional().describe('New text for what you will do next; replaces the old.'),
  blockers: z.string().optional().describe('New text for what blocks you; "" clears it.'),
  mood: z.number().nullable().optional().describe('How it is going, a whole number from 1 (bad) to 5 (great); null clears it.'),
  items: z.array(z.string().min(1)).max(100).optional().describe('Ids of the items the entry is about, as list_items returns them; replaces the old list ([] clears it).'),
  blocker_resolved: z.boolean().optional().describe('true marks the entry\'s blocker resolved, false reopens it.'),
};

/** A standup entry, as add_standup and update_standup return it. */
export const standupOutput = z.looseObject({
  id: z.string(),
  day: z.string(),
  user: z.looseObject({ id: z.string(), name: z.string() }),
  done: z.string(),
  next: z.string(),
  blockers: z.string(),
  mood: z.number().nullable(),
  items: z.array(z.string()),
  blockerResolvedAt: z.string().nullable(),
});
