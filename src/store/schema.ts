// The database's tables as Kysely types: the one contract between migrations, repositories and
// services. Both dialects store the same shapes: ids and timestamps are text (ISO 8601 UTC with
// milliseconds, so they sort as text), flags are 0/1 integers, document bytes are blobs (bytea).

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO 8601 UTC timestamp with milliseconds, e.g. 2026-11-22T04:37:33.120Z. */
export type Timestamp = string;
/** 0 or 1: portable across SQLite and PostgreSQL. */
export type Flag = number;

export interface UsersTable {
  id: string;
  email: string; // lower-cased, unique
  name: string;
  password_hash: string; // argon2id PHC string
  is_admin: Flag;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set by an administrator: every sign-in, refresh and request of the account is refused. */
  disabled_at: Timestamp | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  /** Every rotation keeps the family; reuse of a spent token revokes the whole family. */
  family_id: string;
  token_hash: string; // sha-256 hex of the token; the token itself is never stored
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** The first characters of the token, shown in lists so a user can tell tokens apart. */
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  email: string;
  token_hash: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ProjectsTable {
  id: string;
  /** URL name, unique: lower-case letters, digits and dashes. */
  key: string;
  name: string;
  description: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ProjectRole = 'owner' | 'member' | 'viewer';

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: ProjectRole;
  created_at: Timestamp;
}

export interface DocumentsTable {
  id: string;
  project_id: string;
  /** The plan's file name within the project, e.g. `tasks.md`; unique per project. */
  name: string;
  /** The Markdown exactly as bytes: uploads with invalid UTF-8 come back byte-identical. */
  content: Uint8Array;
  /** Incremented on every change; the ETag is derived from it. */
  version: number;
  /** contentHash of the text (engine), for cheap change detection. */
  hash: string;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

/** One row per item of a document's current version, rewritten when the document changes. */
export interface ItemsTable {
  document_id: string;
  project_id: string;
  /** The plan's own id (T012, US-004, 3.2, derived ids for the rest). */
  item_id: string;
  /** Document order. */
  position: number;
  parent_id: string | null;
  kind: string;
  title: string;
  status: string;
  assignee: string | null;
  points: number | null;
  hours: number | null;
  priority: string | null;
  /** JSON array of strings. */
  tags: string;
  section: string | null;
  line: number;
  /** JSON of the engine's item as the API returns it (fields, checks, dependencies). */
  data: string;
}

export interface ItemHistoryTable {
  id: Generated<number>;
  project_id: string;
  document_id: string;
  item_id: string;
  /** Null for changes that came from outside (an upload, git history). */
  user_id: string | null;
  field: string;
  from_value: string | null;
  to_value: string | null;
  at: Timestamp;
  /** Where the change came from: api, upload, sync, git. */
  source: string;
  /** A git commit's author as git gave it ("Name <email>"); null for other sources. */
  author: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Fixed-window counters shared by every server process on one database. */
export interface RateLimitsTable {
  key: string;
  window_start: number; // epoch milliseconds of the window's start
  count: number;
}

/** One sign-in attempt that was not (yet) a success; the lockout counts those of the last 15 minutes. */
export interface SignInFailuresTable {
  id: Generated<number>;
  user_id: string;
  at: Timestamp;
}

export type DigestRunStatus = 'sending' | 'sent' | 'failed';

/** The scheduled digest of one project on one day; the key lets only one instance send it. */
export interface DigestRunsTable {
  project_id: string;
  /** YYYY-MM-DD in the configured time zone. */
  day: string;
  status: DigestRunStatus;
  attempts: number;
  /** When the current (or last) attempt began; a `sending` claim this old is taken over. */
  claimed_at: Timestamp;
  sent_at: Timestamp | null;
  /** Why the last attempt failed, as logged. */
  error: string | null;
}

export type SprintState = 'planned' | 'active' | 'closed';

export interface SprintsTable {
  id: string;
  project_id: string;
  /** 1, 2, 3… within the project; routes name a sprint by number or id. */
  number: number;
  name: string;
  goal: Generated<string>;
  /** Whole UTC days, YYYY-MM-DD, inclusive. */
  start_date: string;
  end_date: string;
  /** JSON array of weekdays worked (0 Sunday … 6 Saturday). */
  working_days: string;
  state: SprintState;
  capacity_points: number | null;
  /** Frozen at start. */
  committed_points: number | null;
  committed_items: number | null;
  started_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** JSON of the sprint report at close. */
  close_report: string | null;
  /** api, or plan (declared in an imported document). */
  source: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An item's stay in a sprint: rows are closed (removed_at), never deleted, so scope changes stay known. */
export interface SprintItemsTable {
  id: Generated<number>;
  sprint_id: string;
  project_id: string;
  document_id: string;
  item_id: string;
  added_at: Timestamp;
  added_by: string | null;
  removed_at: Timestamp | null;
  removed_by: string | null;
  /** 1 when the item was in the sprint when it started. */
  committed: Generated<Flag>;
  points_at_start: number | null;
  status_at_start: string | null;
}

export interface SprintCapacityTable {
  sprint_id: string;
  /** `member:<user id>` or `role:<role>`. */
  key: string;
  user_id: string | null;
  role: string | null;
  hours_per_day: number | null;
  /** JSON array of YYYY-MM-DD. */
  days_off: Generated<string>;
  hours: number | null;
}

export interface StandupsTable {
  id: string;
  project_id: string;
  user_id: string;
  /** YYYY-MM-DD. */
  day: string;
  done: Generated<string>;
  next: Generated<string>;
  blockers: Generated<string>;
  mood: number | null;
  /** JSON array of item keys. */
  items: Generated<string>;
  blocker_resolved_at: Timestamp | null;
  blocker_resolved_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  documents: DocumentsTable;
  items: ItemsTable;
  item_history: ItemHistoryTable;
  rate_limits: RateLimitsTable;
  sign_in_failures: SignInFailuresTable;
  digest_runs: DigestRunsTable;
  sprints: SprintsTable;
  sprint_items: SprintItemsTable;
  sprint_capacity: SprintCapacityTable;
  standups: StandupsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Project = Selectable<ProjectsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type ItemHistoryRow = Selectable<ItemHistoryTable>;
