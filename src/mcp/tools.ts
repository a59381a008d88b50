// The MCP tools: each validates its input (zod, in the SDK), calls one service on the plan the
// source provides, and formats the answer. No planning rule lives here.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Severity } from '../engine/model.js';
import { lintPlans } from '../services/lint.js';
import { listItems, parseItemFilter } from '../services/items.js';
import { nextWork } from '../services/next.js';
import { showItem } from '../services/show.js';
import { planStatus } from '../services/status.js';
import { formatFindings, formatItem, formatItemList, formatNext, formatPlanStatus, formatStatusUpdate } from './format.js';
import type { PlanSource } from './plan-source.js';
import {
  DEFAULT_LIST_LIMIT,
  getItemInput,
  getItemOutput,
  lintPlanInput,
  lintPlanOutput,
  listItemsInput,
  listItemsOutput,
  nextItemsInput,
  nextItemsOutput,
  planStatusOutput,
  setStatusInput,
  setStatusOutput,
} from './schemas.js';
import { registerStandupTools } from './standup-tools.js';
import { guarded, toolResult } from './tool-result.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export const TOOL_NAMES = ['plan_status', 'list_items', 'get_item', 'next_items', 'set_status', 'lint_plan'] as const;

export function registerPlanTools(server: McpServer, source: PlanSource): void {
  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

  server.registerTool(
    'plan_status',
    {
      title: 'Plan status',
      description:
        'Where the plan stands: progress overall and per top-level section (items, points, hours, checks done), how many items are ready and blocked, the critical path, and lint findings by severity. Start here to get an overview; use next_items to pick work.',
      inputSchema: {},
      outputSchema: planStatusOutput,
      annotations: readOnly,
    },
    () =>
      guarded(async () => {
        const { label, plan, index } = await source.load();
        const report = planStatus(label, plan, index);
        return toolResult(formatPlanStatus(report), report);
      }),
  );

  server.registerTool(
    'list_items',
    {
      title: 'List items',
      description:
        'The plan\'s items in document order, filtered like `scrumdown items`: by status, kind, ready, blocked, actionable, tags (all must match) and assignee. Each row gives id, status, kind, points, hours, priority, assignee, tags, resolved dependency ids, parent and line. Use the ids with get_item and set_status.',
      inputSchema: listItemsInput,
      outputSchema: listItemsOutput,
      annotations: readOnly,
    },
    (input) =>
      guarded(async () => {
        const filter = parseItemFilter(input);
        const { plan, index } = await source.load();
        const rows = listItems(plan, index, filter);
        const shown = rows.slice(0, input.limit ?? DEFAULT_LIST_LIMIT);
        return toolResult(formatItemList(shown, rows.length), { count: rows.length, truncated: shown.length < rows.length, items: shown });
      }),
  );

  server.registerTool(
    'get_item',
    {
      title: 'Get item',
      description:
        'Everything about one item: its fields as written, acceptance criteria and other checks with their state, what it depends on and what depends on it, its roll-up, and whether it is ready, blocked or on the critical path. An unknown id fails with the nearest ids.',
      inputSchema: getItemInput,
      outputSchema: getItemOutput,
      annotations: readOnly,
    },
    (input) =>
      guarded(async () => {
        const { plan, index } = await source.load();
        const details = showItem(plan, index, input.id);
        return toolResult(formatItem(details), details);
      }),
  );

  server.registerTool(
    'next_items',
    {
      title: 'Next items',
      description:
        'What to work on next: ready items (open, every dependency done) ranked by the critical path, then priority, then how much each unblocks, then document order, each with the reason. With concurrency K, picks K items that can be worked on at the same time. Mark the one you start with set_status in_progress.',
      inputSchema: nextItemsInput,
      outputSchema: nextItemsOutput,
      annotations: readOnly,
    },
    (input) =>
      guarded(async () => {
        const { plan, index } = await source.load();
        const result = nextWork(plan, index, { limit: input.limit, concurrency: input.concurrency });
        return toolResult(formatNext(result), result);
      }),
  );

  server.registerTool(
    'set_status',
    {
      title: 'Set status',
      description:
        'Changes the status of one or several items in the plan itself, in the plan\'s own style (ticks a checkbox or rewrites a status field); nothing else in the file changes, and the write is atomic. Returns the unified diff. Use dry_run to preview. Mark an item in_progress when you start it and done when it is finished.',
      inputSchema: setStatusInput,
      outputSchema: setStatusOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      guarded(async () => {
        const dryRun = input.dry_run === true;
        const update = await source.setStatus(input.ids, input.status, { dryRun });
        return toolResult(formatStatusUpdate(source.label, update, dryRun), { ...update, dryRun });
      }),
  );

  server.registerTool(
    'lint_plan',
    {
      title: 'Lint plan',
      description:
        'The plan\'s own mistakes: declared totals that disagree with the items, wrong sums, sprints over capacity, done parents with open children, unknown or cyclic dependencies, duplicate ids and more. Each finding has a rule id, severity, line and a message saying how to fix it.',
      inputSchema: lintPlanInput,
      outputSchema: lintPlanOutput,
      annotations: readOnly,
    },
    (input) =>
      guarded(async () => {
        const { label, plan, index } = await source.load();
        const result = lintPlans([{ path: label, plan, index }]);
        const floor = SEVERITY_RANK[input.min_severity ?? 'info'];
        const kept = result.findings.filter((finding) => SEVERITY_RANK[finding.severity] <= floor);
        const shown = kept.slice(0, input.limit ?? DEFAULT_LIST_LIMIT);
        return toolResult(formatFindings(shown, kept.length, label), {
          counts: result.counts,
          count: kept.length,
          truncated: shown.length < kept.length,
          findings: shown,
        });
      }),
  );

  registerStandupTools(server, source);
}
