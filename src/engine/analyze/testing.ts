// Small builders of Plan objects for analysis tests: write only the fields a test is about and
// get a well-formed plan (children lists, sections, index) around them.

import { indexPlan } from '../model.js';
import type { Item, ItemKind, Plan, PlanIndex, Section, Sprint, Status } from '../model.js';

export interface ItemSpec {
  id: string;
  title?: string;
  kind?: ItemKind;
  status?: Status;
  points?: number;
  hours?: number;
  priority?: string;
  tags?: string[];
  roles?: string[];
  /** Ids this item waits for; each string is one written reference. */
  deps?: string[];
  parent?: string | null;
  section?: string;
}

export function makeItem(spec: ItemSpec, line = 1): Item {
  return {
    id: spec.id,
    aliases: [],
    title: spec.title ?? spec.id,
    kind: spec.kind ?? 'task',
    status: spec.status ?? 'todo',
    statusSource: 'checkbox',
    points: spec.points,
    hours: spec.hours,
    priority: spec.priority,
    roles: spec.roles ?? [],
    tags: spec.tags ?? [],
    deps: (spec.deps ?? []).map((id) => ({ raw: id, line, ids: [id], unresolved: [] })),
    parent: spec.parent ?? null,
    children: [],
    section: spec.section ?? 'root',
    line,
    endLine: line,
    headerEnd: 0,
    dialect: 'checklist',
    fields: {},
    hasAcceptance: false,
  };
}

export interface PlanSpec {
  items: ItemSpec[];
  /** Sections as [id, parent]; every section an item names is added under 'root' when missing. */
  sections?: Array<[string, string | null]>;
  sprints?: Sprint[];
  extra?: Partial<Plan>;
}

/** A plan from item specs, in the order given (parents must come before their children). */
export function makePlan(spec: PlanSpec | ItemSpec[]): Plan {
  const { items: specs, sections: sectionSpecs = [], sprints = [], extra = {} } = Array.isArray(spec)
    ? { items: spec }
    : spec;
  const items = specs.map((s, i) => makeItem(s, i + 1));
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of items) {
    if (item.parent !== null) {
      const parent = byId.get(item.parent);
      if (!parent) throw new Error(`test plan: parent ${item.parent} of ${item.id} comes later or is missing`);
      parent.children.push(item.id);
    }
  }
  const sections: Section[] = [{ id: 'root', title: 'Root', level: 1, line: 1, endLine: items.length, parent: null }];
  const known = new Set(['root']);
  for (const [id, parent] of sectionSpecs) {
    if (known.has(id)) continue;
    known.add(id);
    sections.push({ id, title: id, level: 2, line: 1, endLine: items.length, parent });
  }
  for (const item of items) {
    if (!known.has(item.section)) {
      known.add(item.section);
      sections.push({ id: item.section, title: item.section, level: 2, line: 1, endLine: items.length, parent: 'root' });
    }
  }
  return {
    path: '<test>',
    title: 'Test plan',
    dialects: ['checklist'],
    fields: {},
    sections,
    items,
    sprints,
    tables: [],
    roleCapacity: [],
    velocityHistory: [],
    declaredTotals: [],
    writtenSums: [],
    matrix: [],
    summaries: [],
    findings: [],
    hash: 'test',
    lineCount: items.length,
    style: { eol: '\n', bom: false, doneChar: 'x', progressChar: '-', statusWords: {} },
    ...extra,
  };
}

/** A plan and its index, the pair every analysis function takes. */
export function planWithIndex(spec: PlanSpec | ItemSpec[]): { plan: Plan; index: PlanIndex } {
  const plan = makePlan(spec);
  return { plan, index: indexPlan(plan) };
}

/** A sprint with a capacity, a recorded velocity and commitments, each optional. */
export function makeSprint(
  id: string,
  options: {
    capacity?: number;
    velocity?: number;
    commitments?: Array<{ ids: string[]; points?: number; continued?: boolean; hoursByRole?: Record<string, number> }>;
  } = {},
): Sprint {
  const field = (n: number) => ({ value: String(n), line: 1, span: { start: 0, end: 0 }, label: 'x', number: n });
  const commitments = (options.commitments ?? []).map((c, i) => ({
    line: i + 1,
    ids: c.ids,
    label: c.ids.join(', ') || 'buffer',
    points: c.points,
    continued: c.continued ?? false,
    hoursByRole: c.hoursByRole ?? {},
  }));
  return {
    id,
    name: id,
    line: 1,
    endLine: 1,
    section: 'root',
    capacityPoints: options.capacity === undefined ? undefined : field(options.capacity),
    velocity: options.velocity === undefined ? undefined : field(options.velocity),
    commitments,
    items: [...new Set(commitments.flatMap((c) => c.ids))],
  };
}
