// Everything about one item: its fields as written, its checks, its dependencies in both
// directions, its roll-up and its place on the critical path.

import { dependencyGraph } from '../engine/analyze/graph.js';
import type { CriticalUnit } from '../engine/analyze/graph.js';
import { computeRollups } from '../engine/analyze/rollup.js';
import type { Rollup } from '../engine/analyze/rollup.js';
import { resolveItem } from '../engine/edit/suggest.js';
import { isActionable } from '../engine/model.js';
import type { Dialect, Item, ItemKind, Plan, PlanIndex, Status, StatusSource } from '../engine/model.js';
import { dependencyIds } from './items.js';

export interface ItemRef {
  id: string;
  title: string;
  status: Status;
  line: number;
}

export interface ItemDetails {
  item: {
    id: string;
    aliases: string[];
    title: string;
    kind: ItemKind;
    status: Status;
    statusSource: StatusSource;
    checkbox: { char: string; optional: boolean } | null;
    points: number | null;
    hours: number | null;
    priority: string | null;
    assignee: string | null;
    roles: string[];
    tags: string[];
    parent: ItemRef | null;
    children: ItemRef[];
    section: { id: string; title: string } | null;
    line: number;
    endLine: number;
    dialect: Dialect;
    hasAcceptance: boolean;
  };
  /** Every field as the plan writes it, in line order. */
  fields: Array<{ key: string; label: string; value: string; line: number }>;
  checks: Array<ItemRef & { checklist: string | null }>;
  /** The dependencies the item writes, as written and as resolved. */
  dependencies: Array<{ raw: string; line: number; ids: string[]; unresolved: string[]; group: string | null }>;
  /** Items the item depends on (resolved, repeat-free). */
  dependsOn: ItemRef[];
  /** Items that name this item as a dependency. */
  dependents: ItemRef[];
  rollup: Rollup;
  critical: {
    /** False for parents, which roll up from their children and are not scheduled themselves. */
    actionable: boolean;
    ready: boolean;
    blocked: boolean;
    onPath: boolean;
    /** 1-based position on the critical path, when on it. */
    position: number | null;
    /** The critical path's items, first to last, and its length in `unit`. */
    path: string[];
    pathLength: number;
    unit: CriticalUnit;
    slack: number | null;
    earliestStart: number | null;
    latestStart: number | null;
    /** Actionable items it waits for, its own dependencies and those of its phase or story. */
    waitsFor: string[];
    /** Actionable items that wait for it. */
    unblocks: string[];
  };
}

function ref(item: Item): ItemRef {
  return { id: item.id, title: item.title, status: item.status, line: item.line };
}

/** The details of the item `wanted` names (id or alias); throws unknown_id with the nearest ids. */
export function showItem(plan: Plan, index: PlanIndex, wanted: string): ItemDetails {
  const item = resolveItem(plan, index, wanted);
  const graph = dependencyGraph(plan, index);
  const rollups = computeRollups(plan, index);

  const children: ItemRef[] = [];
  const checks: ItemDetails['checks'] = [];
  for (const childId of item.children) {
    const child = index.byId.get(childId);
    if (!child) continue;
    if (child.kind === 'check') checks.push({ ...ref(child), checklist: child.checklist ?? null });
    else children.push(ref(child));
  }

  const dependents: ItemRef[] = [];
  for (const other of plan.items) {
    if (other.id !== item.id && other.deps.some((dep) => dep.ids.includes(item.id))) dependents.push(ref(other));
  }

  const unblocks = graph.dependents(item.id);
  const position = graph.critical.path.indexOf(item.id);
  const section = plan.sections.find((candidate) => candidate.id === item.section);
  const parent = item.parent === null ? undefined : index.byId.get(item.parent);

  return {
    item: {
      id: item.id,
      aliases: item.aliases,
      title: item.title,
      kind: item.kind,
      status: item.status,
      statusSource: item.statusSource,
      checkbox: item.checkbox ? { char: item.checkbox.char, optional: item.checkbox.optional } : null,
      points: item.points ?? null,
      hours: item.hours ?? null,
      priority: item.priority ?? null,
      assignee: item.assignee ?? null,
      roles: item.roles,
      tags: item.tags,
      parent: parent ? ref(parent) : null,
      children,
      section: section ? { id: section.id, title: section.title } : null,
      line: item.line,
      endLine: item.endLine,
      dialect: item.dialect,
      hasAcceptance: item.hasAcceptance,
    },
    fields: Object.entries(item.fields)
      .map(([key, field]) => ({ key, label: field.label, value: field.value, line: field.line }))
      .sort((a, b) => a.line - b.line),
    checks,
    dependencies: item.deps.map((dep) => ({ raw: dep.raw, line: dep.line, ids: dep.ids, unresolved: dep.unresolved, group: dep.group ?? null })),
    dependsOn: dependencyIds(item).flatMap((id) => {
      const target = index.byId.get(id);
      return target ? [ref(target)] : [];
    }),
    dependents,
    rollup: rollups.byItem.get(item.id) ?? rollups.overall,
    critical: {
      actionable: isActionable(item, index),
      ready: graph.ready.includes(item.id),
      blocked: graph.blocked.includes(item.id),
      onPath: position >= 0,
      position: position >= 0 ? position + 1 : null,
      path: graph.critical.path,
      pathLength: graph.critical.length,
      unit: graph.critical.unit,
      slack: graph.critical.slack.get(item.id) ?? null,
      earliestStart: graph.critical.earliestStart.get(item.id) ?? null,
      latestStart: graph.critical.latestStart.get(item.id) ?? null,
      waitsFor: graph.edges.get(item.id) ?? [],
      unblocks,
    },
  };
}
