// Row factories for the storage tests: valid rows for every table, distinct by a number, with
// whatever the test overrides. Timestamps are fixed so expected values can be written by hand.

import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export const T0 = '2026-11-01T09:00:00.000Z';

export function userRow(n: number, overrides: Partial<Row<'users'>> = {}): Row<'users'> {
  return {
    id: `user-${n}`,
    email: `user${n}@example.test`,
    name: `User ${n}`,
    password_hash: `$argon2id$v=19$m=19456,t=2,p=1$salt${n}$hash${n}`,
    is_admin: n === 1 ? 1 : 0,
    locked_until: null,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function projectRow(n: number, overrides: Partial<Row<'projects'>> = {}): Row<'projects'> {
  return {
    id: `project-${n}`,
    key: `proj-${n}`,
    name: `Project ${n}`,
    description: `The ${n}th project`,
    created_by: 'user-1',
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function documentRow(n: number, overrides: Partial<Row<'documents'>> = {}): Row<'documents'> {
  return {
    id: `doc-${n}`,
    project_id: 'project-1',
    name: `plan-${n}.md`,
    content: Buffer.from(`# Plan ${n}\n\n- [ ] T001 First task\n`),
    version: 1,
    hash: `hash-${n}`,
    created_by: 'user-1',
    created_at: T0,
    updated_by: 'user-1',
    updated_at: T0,
    ...overrides,
  };
}

export function itemRow(n: number, overrides: Partial<Row<'items'>> = {}): Row<'items'> {
  const id = `T${String(n).padStart(5, '0')}`;
  return {
    document_id: 'doc-1',
    project_id: 'project-1',
    item_id: id,
    position: n,
    parent_id: null,
    kind: 'task',
    title: `Task ${n}`,
    status: 'todo',
    assignee: null,
    points: null,
    hours: null,
    priority: null,
    tags: '[]',
    section: null,
    line: n + 2,
    data: JSON.stringify({ id, title: `Task ${n}` }),
    ...overrides,
  };
}

export function historyRow(n: number, overrides: Partial<Row<'item_history'>> = {}): Row<'item_history'> {
  return {
    project_id: 'project-1',
    document_id: 'doc-1',
    item_id: 'T00001',
    user_id: 'user-1',
    field: 'status',
    from_value: 'todo',
    to_value: 'done',
    at: `2026-11-01T09:00:${String(n % 60).padStart(2, '0')}.000Z`,
    source: 'api',
    ...overrides,
  };
}

/** One user (admin), one project owned by them, one document with one item: the usual base. */
export async function seedBase(db: Kysely<Database>): Promise<void> {
  await db.insertInto('users').values(userRow(1)).execute();
  await db.insertInto('projects').values(projectRow(1)).execute();
  await db.insertInto('project_members').values({ project_id: 'project-1', user_id: 'user-1', role: 'owner', created_at: T0 }).execute();
  await db.insertInto('documents').values(documentRow(1)).execute();
  await db.insertInto('items').values(itemRow(1)).execute();
}

/** Every table, parents before children: the order to insert in (and, reversed, to delete in). */
export const TABLES_IN_FK_ORDER = [
  'users',
  'refresh_tokens',
  'api_tokens',
  'invites',
  'projects',
  'project_members',
  'documents',
  'items',
  'item_history',
  'rate_limits',
  'sprints',
  'sprint_items',
  'sprint_capacity',
  'standups',
  'sign_in_failures',
  'digest_runs',
] as const satisfies readonly (keyof Database)[];

/** Deletes every row, children first. */
export async function emptyAllTables(db: Kysely<Database>): Promise<void> {
  for (const table of [...TABLES_IN_FK_ORDER].reverse()) await db.deleteFrom(table).execute();
}
