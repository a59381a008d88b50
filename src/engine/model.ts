// The plan model every face of scrumdown shares: what the builder produces from Markdown and
// what analysis, lint and edits consume. Plain data only, so it serialises as JSON unchanged.

export const STATUSES = ['todo', 'in_progress', 'review', 'done', 'blocked', 'deferred', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const ITEM_KINDS = ['epic', 'phase', 'story', 'task', 'subtask', 'check'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export type Dialect = 'checklist' | 'spec-kit' | 'kiro' | 'backlog' | 'tracker' | 'agile';

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range of UTF-16 offsets into the plan text. */
export interface Span {
  start: number;
  end: number;
}

/** A field as written in the document, with the line (1-based) it sits on. */
export interface FieldValue {
  value: string;
  line: number;
  /** Where the value text sits, so an edit can rewrite it in place. */
  span: Span;
  /** The label as written ("Story Points", "Effort"). */
  label: string;
}

/** A reference from one item to others, as written and as resolved. */
export interface Reference {
  raw: string;
  line: number;
  /** Item ids the reference resolves to (a group expands to its members). */
  ids: string[];
  /** Tokens that looked like ids but matched nothing. */
  unresolved: string[];
  /** Set when the reference named a group ("All Phase 2 items"). */
  group?: string;
}

/** Where a checkbox sits: `char` is the character between the brackets. */
export interface Checkbox {
  char: string;
  /** Offset of the character between the brackets. */
  offset: number;
  optional: boolean;
}

/** How an item's status was decided. */
export type StatusSource = 'field' | 'checkbox' | 'rollup';

export interface Item {
  id: string;
  /** Other names the plan uses for this item ("Story 1.1", "US1", "Phase 2"). */
  aliases: string[];
  title: string;
  kind: ItemKind;
  status: Status;
  statusSource: StatusSource;
  checkbox?: Checkbox;
  /** The status field as written, when the item has one. */
  statusField?: FieldValue;
  points?: number;
  hours?: number;
  priority?: string;
  assignee?: string;
  roles: string[];
  tags: string[];
  deps: Reference[];
  parent: string | null;
  children: string[];
  /** Label of the checklist a check belongs to ("Acceptance Criteria"). */
  checklist?: string;
  /** Id of the innermost heading section that holds the item. */
  section: string;
  line: number;
  endLine: number;
  /** Offset of the end of the item's first line, where a new field may be inserted. */
  headerEnd: number;
  dialect: Dialect;
  /** Every field by normalised key ("points", "status", "epic", "business value"). */
  fields: Record<string, FieldValue>;
  /** True when the plan names acceptance criteria or test criteria for the item. */
  hasAcceptance: boolean;
}

export interface Section {
  id: string;
  title: string;
  level: number;
  line: number;
  endLine: number;
  parent: string | null;
  /** The item this heading declares, when it declares one (an epic, a story, a phase…). */
  itemId?: string;
}

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  line: number;
  endLine: number;
  section: string;
  header: string[];
  rows: TableRow[];
}

/** One entry of a sprint's commitment as the plan writes it. */
export interface Commitment {
  line: number;
  /** Resolved item ids (empty for buffer lines such as "Supporting Work (28 pts)"). */
  ids: string[];
  label: string;
  /** Points written on the commitment line, when it writes them. */
  points?: number;
  /** Marked as continued from an earlier sprint: carries no new points. */
  continued: boolean;
  /** Hours per role listed under the entry. */
  hoursByRole: Record<string, number>;
}

export interface Sprint {
  id: string;
  name: string;
  number?: number;
  line: number;
  endLine: number;
  section: string;
  goal?: string;
  capacityPoints?: FieldValue & { number: number };
  /** Velocity the plan records for the sprint ("82 points (actual)"). */
  velocity?: FieldValue & { number: number };
  declaredPoints?: FieldValue & { number: number };
  commitments: Commitment[];
  /** Item ids committed to the sprint (union of the commitments). */
  items: string[];
}

/** A team capacity row: hours a role has each sprint. */
export interface RoleCapacity {
  role: string;
  hoursPerWeek?: number;
  hoursPerSprint?: number;
  line: number;
}

export interface VelocityEntry {
  sprint: string;
  planned?: number;
  completed: number;
  line: number;
}

/** A number the document states about other numbers, kept for lint to check. */
export interface DeclaredTotal {
  line: number;
  label: string;
  /** What is totalled: points or hours. */
  measure: 'points' | 'hours';
  /** Which items: those in a section, those under an item, listed ids, or a status subset. */
  scope:
    | { type: 'section'; section: string }
    | { type: 'item'; itemId: string }
    | { type: 'items'; ids: string[] }
    | { type: 'table'; table: number; column: number };
  /** Only items with these statuses count ("Completed Points"). */
  statuses?: Status[];
  value: number;
  approximate: boolean;
  itemId?: string;
}

/** An explicit sum written in the text: `a + b + c = N`. */
export interface WrittenSum {
  line: number;
  terms: number[];
  total: number;
  text: string;
}

/** A row of a dependency matrix table. */
export interface MatrixRow {
  line: number;
  itemId: string;
  dependsOn: Reference;
  blocks: Reference;
}

/** A summary list that restates a field of several items ("High Priority: DEVOPS-001…"). */
export interface SummaryClaim {
  line: number;
  field: 'priority' | 'sprint';
  value: string;
  ids: string[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  line: number;
  message: string;
  itemId?: string;
  expected?: number | string;
  actual?: number | string;
}

export interface Plan {
  path: string;
  title: string;
  dialects: Dialect[];
  /** Fields stated outside any item ("Total Story Points", "Project Duration"). */
  fields: Record<string, FieldValue>;
  sections: Section[];
  items: Item[];
  sprints: Sprint[];
  tables: Table[];
  roleCapacity: RoleCapacity[];
  velocityHistory: VelocityEntry[];
  declaredTotals: DeclaredTotal[];
  writtenSums: WrittenSum[];
  matrix: MatrixRow[];
  summaries: SummaryClaim[];
  /** Problems the reader met (unterminated fence, duplicate id…), merged into lint output. */
  findings: Finding[];
  /** Hash of the exact text the plan was built from; edits carry it. */
  hash: string;
  lineCount: number;
  /** The text's own conventions, so edits write in the document's style. */
  style: PlanStyle;
}

export interface PlanStyle {
  eol: '\n' | '\r\n';
  bom: boolean;
  /** Character used for a done checkbox (`x` or `X`). */
  doneChar: 'x' | 'X';
  /** Character used for an in-progress checkbox (`-` or `~`). */
  progressChar: '-' | '~';
  /** How the plan writes each status value it uses, taken from its own fields and legend. */
  statusWords: Partial<Record<Status, string>>;
}

/** The item lookups consumers share; made once per plan. */
export interface PlanIndex {
  readonly byId: Map<string, Item>;
  readonly order: Map<string, number>;
}

/**
 * The plan's lookups, each made on first use: listing a plan needs neither, and on 100,000
 * items each map costs a pass that hashes every id.
 */
export function indexPlan(plan: Plan): PlanIndex {
  let byId: Map<string, Item> | undefined;
  let order: Map<string, number> | undefined;
  return {
    get byId(): Map<string, Item> {
      if (byId === undefined) {
        byId = new Map();
        for (const item of plan.items) byId.set(item.id, item);
      }
      return byId;
    },
    get order(): Map<string, number> {
      if (order === undefined) {
        order = new Map();
        plan.items.forEach((item, i) => order!.set(item.id, i));
      }
      return order;
    },
  };
}

/** Statuses that count as finished work. */
export function isClosed(status: Status): boolean {
  return status === 'done' || status === 'cancelled';
}

/** Statuses left out of roll-ups and totals (icebox and dropped work). */
export function isShelved(status: Status): boolean {
  return status === 'deferred' || status === 'cancelled';
}

/** An item is actionable when it has no child items other than checks. */
export function isActionable(item: Item, index: PlanIndex): boolean {
  if (item.kind === 'check') return false;
  for (const id of item.children) {
    const child = index.byId.get(id);
    if (child && child.kind !== 'check') return false;
  }
  return true;
}
