// Sprint rows: finding a sprint by number or id, its item stays and its capacity rows.

import type { Kysely, Transaction } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { Selectable } from 'kysely';
import type { SprintCapacityTable, SprintItemsTable, SprintsTable } from '../../store/schema.js';

export type Db = Kysely<Database> | Transaction<Database>;
export type SprintRow = Selectable<SprintsTable>;
export type SprintItemRow = Selectable<SprintItemsTable>;
export type CapacityRow = Selectable<SprintCapacityTable>;

/** The sprint a route names: its number within the project (`3`) or its id. */
export async function findSprintRow(db: Db, projectId: string, ref: string): Promise<SprintRow> {
  let query = db.selectFrom('sprints').selectAll().where('project_id', '=', projectId);
  query = /^\d{1,9}$/.test(ref) ? query.where('number', '=', Number(ref)) : query.where('id', '=', ref);
  const row = await query.executeTakeFirst();
  if (!row) throw new ScrumdownError('not_found', `The project has no sprint ${JSON.stringify(ref)}. List them with GET …/sprints.`, { sprint: ref });
  return row;
}

export function sprintRows(db: Db, projectId: string): Promise<SprintRow[]> {
  return db.selectFrom('sprints').selectAll().where('project_id', '=', projectId).orderBy('number').execute();
}

export function sprintItemRows(db: Db, sprintIds: readonly string[]): Promise<SprintItemRow[]> {
  if (sprintIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('sprint_items').selectAll().where('sprint_id', 'in', sprintIds).orderBy('id').execute();
}

export function capacityRows(db: Db, sprintId: string): Promise<CapacityRow[]> {
  return db.selectFrom('sprint_capacity').selectAll().where('sprint_id', '=', sprintId).orderBy('key').execute();
}

export async function nextSprintNumber(db: Db, projectId: string): Promise<number> {
  const row = await db.selectFrom('sprints').select((eb) => eb.fn.max('number').as('max')).where('project_id', '=', projectId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
