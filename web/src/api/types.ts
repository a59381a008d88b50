// The shapes of the API answers the app reads (docs/api.md; OpenAPI at /api/docs/openapi.json),
// narrowed to the fields it uses.

export const STATUSES = ['todo', 'in_progress', 'review', 'done', 'blocked', 'deferred', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export type StatusCounts = Record<Status, number>;

export const STATUS_LABELS: Record<Status, string> = {
  todo: 'To Do',
  in_progress: 'In Progress',
  review: 'Review',
  done: 'Done',
  blocked: 'Blocked',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
};

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string | null;
  role: 'owner' | 'member' | 'viewer' | null;
}

export interface DocumentSummary {
  id: string;
  name: string;
  version: number;
  etag: string;
  size: number;
  updatedAt: string;
}

export interface Item {
  key: string;
  document: string;
  id: string;
  title: string;
  kind: string;
  status: Status;
  points: number | null;
  hours: number | null;
  priority: string | null;
  assignee: string | null;
  tags: string[];
  deps: string[];
  parent: string | null;
}

export interface ItemPage {
  items: Item[];
  total: number;
  nextCursor: string | null;
  versions: Record<string, number>;
}

interface ItemRef {
  id: string;
  title: string;
  status: Status;
}

export interface ItemDetails {
  key: string;
  document: string;
  version: number;
  etag: string;
  details: {
    item: Omit<Item, 'key' | 'document' | 'parent'> & { parent: ItemRef | null; children: ItemRef[]; section: { title: string } | null };
    fields: { key: string; label: string; value: string }[];
    checks: { id: string; title: string; status: Status; checklist: string | null }[];
    dependsOn: ItemRef[];
    dependents: ItemRef[];
  };
}

export interface HistoryEntry {
  id: number;
  item: string;
  field: string;
  from: string | null;
  to: string | null;
  at: string;
  source: string;
  user: { name: string; email: string } | null;
}

export interface Rollup {
  items: StatusCounts;
  actionable: number;
  points: { done: number; total: number };
  hours: { done: number; total: number };
}

export interface ProgressReport {
  title: string | null;
  overall: Rollup;
  sections: { id: string; title: string; rollup: Rollup }[];
  ready: number;
  blocked: number;
  critical: { length: number; unit: string; items: number; path: string[] };
}

export interface PerDocument<T> {
  documents: { document: string; version: number; result: T }[];
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  message: string;
  itemId?: string;
}

export interface Sprint {
  id: string;
  number: number;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  state: 'planned' | 'active' | 'closed';
  capacityPoints: number | null;
  points: number;
  items: { key: string; title: string; status: Status; points: number | null }[];
  capacity: {
    members: { userId: string; name: string | null; role: string | null; hoursPerDay: number; hours: number }[];
    roles: { role: string; declaredHours: number | null; hours: number }[];
    totalHours: number;
  };
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: 'owner' | 'member' | 'viewer';
}

export interface Burndown {
  sprint: { number: number; name: string; state: string; committedPoints: number | null };
  chart: { measure: string; days: string[]; remaining: number[]; ideal: number[]; completed: number[] };
}

export interface Velocity {
  sprints: { number: number; name: string; committed: number; completed: number }[];
  averageCompleted: number | null;
}

/** Work done per ISO week (GET /velocity/weekly). */
export interface WeeklyVelocity {
  from: string;
  to: string;
  velocity: { measure: 'points' | 'items'; periods: { name: string; start: string; end: string; value: number }[]; average: number | null; median: number | null };
  throughput: { measure: 'items'; periods: { name: string; start: string; end: string; value: number }[]; average: number | null; median: number | null };
}

export interface Forecast {
  remainingPoints: number;
  basis: string;
  p50: number | null;
  p85: number | null;
  p95: number | null;
  dates: { p50: string | null; p85: string | null; p95: string | null } | null;
}

export interface GraphNode {
  id: string;
  title: string;
  status: Status;
  ready: boolean;
  blocked: boolean;
  critical: boolean;
}

export interface GraphReport {
  nodes: GraphNode[];
  edges: { from: string; to: string; critical: boolean }[];
  critical: { path: string[]; length: number; unit: string };
}

export interface Standup {
  id: string;
  user: { id: string; name: string; email: string };
  day: string;
  done: string;
  next: string;
  blockers: string;
  mood: number | null;
  items: string[];
  blockerResolvedAt: string | null;
}

export interface StandupPage {
  entries: Standup[];
  nextCursor: string | null;
  openBlockers: { standup: string; user: { id: string; name: string }; day: string; blockers: string; daysOpen: number }[];
}
