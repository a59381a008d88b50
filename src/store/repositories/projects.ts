// Projects: by key (the URL name) or id, the list a user can see, creation, change, deletion.

import type { Kysely } from 'kysely';
import type { Database, Project, ProjectRole } from '../schema.js';

type Db = Kysely<Database>;

export interface ProjectWithRole extends Project {
  /** The viewer's own role; null for an admin who is not a member. */
  role: ProjectRole | null;
}

export async function findProjectByKey(db: Db, key: string): Promise<Project | undefined> {
  return db.selectFrom('projects').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The project with this key and the user's role in it (null when not a member), in one query. */
export async function findProjectWithRole(db: Db, key: string, userId: string): Promise<ProjectWithRole | undefined> {
  return db
    .selectFrom('projects')
    .leftJoin('project_members', (join) => join.onRef('project_members.project_id', '=', 'projects.id').on('project_members.user_id', '=', userId))
    .selectAll('projects')
    .select('project_members.role as role')
    .where('projects.key', '=', key)
    .executeTakeFirst();
}

export async function findProjectById(db: Db, id: string): Promise<Project | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Projects the user is a member of, or every project for an admin; ordered by key. */
export async function listProjectsFor(db: Db, userId: string, isAdmin: boolean): Promise<ProjectWithRole[]> {
  let query = db
    .selectFrom('projects')
    .leftJoin('project_members', (join) => join.onRef('project_members.project_id', '=', 'projects.id').on('project_members.user_id', '=', userId))
    .selectAll('projects')
    .select('project_members.role as role');
  if (!isAdmin) query = query.where('project_members.user_id', '=', userId);
  return query.orderBy('projects.key').execute();
}

export async function insertProject(db: Db, project: Project): Promise<void> {
  await db.insertInto('projects').values(project).execute();
}

export async function updateProject(db: Db, id: string, changes: { name?: string; description?: string; key?: string; updated_at: string }): Promise<void> {
  await db.updateTable('projects').set(changes).where('id', '=', id).execute();
}

export async function deleteProject(db: Db, id: string): Promise<void> {
  // Rows that reference the project without a cascade go first (histories, items, documents cascade).
  await db.deleteFrom('projects').where('id', '=', id).execute();
}
