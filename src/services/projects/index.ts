// Projects and their members. A project is reached by its key (the URL name); who may do what is
// decided here: members see their projects, administrators see every project and act as owners,
// anyone else is told the project does not exist (its existence is not leaked). A project always
// keeps at least one owner.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import { inTransaction } from '../../store/transaction.js';
import { constraintViolation } from '../../store/violations.js';
import { countOwners, deleteMember, findRole, listMembers as listMemberRows, upsertMember } from '../../store/repositories/members.js';
import type { MemberRow } from '../../store/repositories/members.js';
import {
  deleteProject as deleteProjectRow,
  findProjectByKey,
  findProjectWithRole,
  insertProject,
  listProjectsFor,
  updateProject as updateProjectRow,
} from '../../store/repositories/projects.js';
import { findUserByEmail, findUserById } from '../../store/repositories/users.js';
import type { DatabaseHandle } from '../../store/database.js';
import type { Database, Project, ProjectRole } from '../../store/schema.js';
import type { AuthUser } from '../accounts/types.js';
import type { Clock } from '../clock.js';

export interface ProjectsContext {
  /** Always `handle.db`; the handle is there for transactions (inTransaction). */
  db: Kysely<Database>;
  handle: DatabaseHandle;
  clock: Clock;
}

export const PROJECT_ROLES: readonly ProjectRole[] = ['viewer', 'member', 'owner'];
const RANK: Record<ProjectRole, number> = { viewer: 0, member: 1, owner: 2 };

/** True when `role` allows what `needed` allows. */
export function roleAtLeast(role: ProjectRole, needed: ProjectRole): boolean {
  return RANK[role] >= RANK[needed];
}

export const PROJECT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface ProjectView {
  id: string;
  key: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's role; null for an administrator who is not a member. */
  role: ProjectRole | null;
}

export function projectView(project: Project, role: ProjectRole | null): ProjectView {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description,
    createdAt: project.created_at,
    updatedAt: project.updated_at,
    role,
  };
}

function notFound(key: string): ScrumdownError {
  return new ScrumdownError('not_found', `There is no project "${key}" that you can see. List yours with GET /api/v1/projects.`, { project: key });
}

export interface ProjectAccess {
  project: Project;
  /** The effective role: an administrator who is not a member acts as owner. */
  role: ProjectRole;
  /** The role from membership, null for a non-member administrator. */
  memberRole: ProjectRole | null;
}

/** The project and the caller's role in it; not_found for a missing project and for non-members alike. */
export async function projectAccess(ctx: ProjectsContext, user: AuthUser, key: string): Promise<ProjectAccess> {
  const found = await findProjectWithRole(ctx.db, key, user.id);
  if (!found) throw notFound(key);
  const { role: memberRole, ...project } = found;
  if (memberRole === null && !user.isAdmin) throw notFound(key);
  return { project, role: user.isAdmin ? 'owner' : memberRole!, memberRole };
}

/** Refuses with 403 when the role is below what the action needs. */
export function requireRole(access: ProjectAccess, needed: ProjectRole): void {
  if (!roleAtLeast(access.role, needed)) {
    throw new ScrumdownError(
      'forbidden',
      `This needs the ${needed} role in project "${access.project.key}"; you are a ${access.role}. Ask an owner of the project.`,
      { project: access.project.key, role: access.role, needed },
    );
  }
}

export async function listProjects(ctx: ProjectsContext, user: AuthUser): Promise<ProjectView[]> {
  const rows = await listProjectsFor(ctx.db, user.id, user.isAdmin);
  return rows.map(({ role, ...project }) => projectView(project, role));
}

export interface ProjectInput {
  key: string;
  name: string;
  description?: string | undefined;
}

function checkKey(key: string): void {
  if (!PROJECT_KEY.test(key)) {
    throw new ScrumdownError('validation_failed', `"${key}" is not a project key: use 1 to 64 lower-case letters, digits and dashes, starting and ending with a letter or digit.`, {
      fields: [{ field: 'key', problem: 'lower-case letters, digits and dashes' }],
    });
  }
}

function checkText(field: string, value: string, max: number, min = 1): void {
  if (value.length < min || value.length > max) {
    throw new ScrumdownError('validation_failed', `The ${field} must have ${min} to ${max} characters.`, { fields: [{ field, problem: `${min} to ${max} characters` }] });
  }
}

/** Creates a project with its creator as owner. */
export async function createProject(ctx: ProjectsContext, user: AuthUser, input: ProjectInput): Promise<ProjectView> {
  const key = input.key.trim();
  const name = input.name.trim();
  const description = (input.description ?? '').trim();
  checkKey(key);
  checkText('name', name, 200);
  checkText('description', description, 10_000, 0);
  const at = ctx.clock().toISOString();
  const project: Project = { id: randomUUID(), key, name, description, created_by: user.id, created_at: at, updated_at: at };
  await inTransaction(ctx.handle, async (trx) => {
    if (await findProjectByKey(trx, key)) throw keyTaken(key);
    try {
      await insertProject(trx, project);
    } catch (error) {
      // Two creations racing for one key: the unique index decides.
      if (constraintViolation(error) === 'unique') throw keyTaken(key);
      throw error;
    }
    await upsertMember(trx, project.id, user.id, 'owner', at);
  });
  return projectView(project, 'owner');
}

function keyTaken(key: string): ScrumdownError {
  return new ScrumdownError('conflict', `The project key "${key}" is taken. Choose another.`, { field: 'key', key });
}

export async function updateProject(ctx: ProjectsContext, access: ProjectAccess, changes: Partial<ProjectInput>): Promise<ProjectView> {
  const update: { name?: string; description?: string; key?: string; updated_at: string } = { updated_at: ctx.clock().toISOString() };
  if (changes.name !== undefined) {
    update.name = changes.name.trim();
    checkText('name', update.name, 200);
  }
  if (changes.description !== undefined) {
    update.description = changes.description.trim();
    checkText('description', update.description, 10_000, 0);
  }
  if (changes.key !== undefined && changes.key !== access.project.key) {
    update.key = changes.key.trim();
    checkKey(update.key);
    if (await findProjectByKey(ctx.db, update.key)) throw keyTaken(update.key);
  }
  try {
    await updateProjectRow(ctx.db, access.project.id, update);
  } catch (error) {
    // Another rename to the same key got there between the check and the write.
    if (update.key !== undefined && constraintViolation(error) === 'unique') throw keyTaken(update.key);
    throw error;
  }
  const { updated_at, ...rest } = update;
  return projectView({ ...access.project, ...rest, updated_at }, access.memberRole);
}

export async function deleteProject(ctx: ProjectsContext, access: ProjectAccess): Promise<void> {
  await deleteProjectRow(ctx.db, access.project.id);
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: ProjectRole;
  since: string;
}

function memberView(row: MemberRow): MemberView {
  return { userId: row.user_id, email: row.email, name: row.name, role: row.role, since: row.created_at };
}

export async function listMembers(ctx: ProjectsContext, access: ProjectAccess): Promise<MemberView[]> {
  return (await listMemberRows(ctx.db, access.project.id)).map(memberView);
}

/** Finds a user by id or by e-mail address (anything with an @). */
async function findUserRef(db: Kysely<Database>, ref: string) {
  const user = ref.includes('@') ? await findUserByEmail(db, ref) : await findUserById(db, ref);
  if (!user) throw new ScrumdownError('not_found', `There is no user "${ref}". Give a user id or the e-mail address of an account.`, { user: ref });
  return user;
}

/** Adds a member or changes their role; refuses to demote the last owner. */
export async function setMember(ctx: ProjectsContext, access: ProjectAccess, userRef: string, role: ProjectRole): Promise<MemberView> {
  if (!PROJECT_ROLES.includes(role)) {
    throw new ScrumdownError('validation_failed', `"${String(role)}" is not a role: give owner, member or viewer.`, { fields: [{ field: 'role', problem: 'owner, member or viewer' }] });
  }
  const at = ctx.clock().toISOString();
  const projectId = access.project.id;
  const user = await findUserRef(ctx.db, userRef);
  await inTransaction(ctx.handle, async (trx) => {
    const current = await findRole(trx, projectId, user.id);
    if (current === 'owner' && role !== 'owner' && (await countOwners(trx, projectId)) <= 1) throw lastOwner(access.project.key);
    await upsertMember(trx, projectId, user.id, role, at);
  });
  const row = (await listMemberRows(ctx.db, projectId)).find((member) => member.user_id === user.id)!;
  return memberView(row);
}

export async function removeMember(ctx: ProjectsContext, access: ProjectAccess, userRef: string): Promise<void> {
  const projectId = access.project.id;
  const user = await findUserRef(ctx.db, userRef);
  await inTransaction(ctx.handle, async (trx) => {
    const current = await findRole(trx, projectId, user.id);
    if (current === undefined) {
      throw new ScrumdownError('not_found', `${user.email} is not a member of project "${access.project.key}".`, { user: userRef });
    }
    if (current === 'owner' && (await countOwners(trx, projectId)) <= 1) throw lastOwner(access.project.key);
    await deleteMember(trx, projectId, user.id);
  });
}

function lastOwner(key: string): ScrumdownError {
  return new ScrumdownError('conflict', `That would leave project "${key}" without an owner. Make someone else owner first.`, { project: key });
}
