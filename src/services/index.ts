// The operations every face of scrumdown shares (CLI now; REST API and MCP server later): load a
// plan file, report on it, and change it. Each returns plain data; presentation is the caller's.

export { loadPlan, loadPlans, readPlanFile } from './plan-file.js';
export type { LoadedPlan, PlanFile } from './plan-file.js';
export { MAX_PLAN_BYTES, readPlanBytes, writeFileAtomic } from './file-io.js';
export type { WriteOptions } from './file-io.js';
export { planStatus, topLevelSections } from './status.js';
export type { PlanStatus, SectionStatus } from './status.js';
export { dependencyIds, itemRow, listItems, parseItemFilter } from './items.js';
export type { ItemFilter, ItemRow } from './items.js';
export { showItem } from './show.js';
export type { ItemDetails, ItemRef } from './show.js';
export { DEFAULT_NEXT_LIMIT, nextWork } from './next.js';
export type { NextResult } from './next.js';
export { planGraph, toDot, toMermaid } from './graph.js';
export type { GraphEdge, GraphNode, PlanGraph } from './graph.js';
export { countBySeverity, lintPlans, rulesFor } from './lint.js';
export type { LintablePlan, LintFinding, LintResult, RuleInfo, SeverityCounts } from './lint.js';
export { setItemStatus } from './set.js';
export type { SetOptions, SetResult, StatusChange } from './set.js';
export { randomSeed, sprintStatus } from './sprint.js';
export type { SprintStatus } from './sprint.js';
export { parseStatusWord } from './status-word.js';
export { unifiedDiff } from './diff.js';
export type { DiffOptions } from './diff.js';
