// Project members and their roles.

import type { Kysely } from 'kysely';
import type { Database, ProjectRole } from '../schema.js';

type Db = Kysely<Database>;

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: ProjectRole;
  created_at: string;
}

export async function findRole(db: Db, projectId: string, userId: string): Promise<ProjectRole | undefined> {
  const row = await db
    .selectFrom('project_members')
    .select('role')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

export async function listMembers(db: Db, projectId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('project_members')
    .innerJoin('users', 'users.id', 'project_members.user_id')
    .select(['users.id as user_id', 'users.email', 'users.name', 'project_members.role', 'project_members.created_at'])
    .where('project_members.project_id', '=', projectId)
    .orderBy('users.email')
    .execute();
}

/** Adds the member or changes their role. */
export async function upsertMember(db: Db, projectId: string, userId: string, role: ProjectRole, at: string): Promise<void> {
  await db
    .insertInto('project_members')
    .values({ project_id: projectId, user_id: userId, role, created_at: at })
    .onConflict((conflict) => conflict.columns(['project_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function deleteMember(db: Db, projectId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('project_members').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function countOwners(db: Db, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
