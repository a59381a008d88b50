// Sprint operations shared by the API and the CLI: create, change and delete a sprint, put items
// in and take them out (each stay is kept, so scope changes stay known), capacity per member and
// role, start (the commitment is frozen: items and points at that moment) and close (the sprint
// report is computed and kept as it stood).

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isShelved } from '../../engine/model.js';
import type { Status } from '../../engine/model.js';
import { ScrumdownError, isScrumdownError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { projectDocuments } from '../documents/read.js';
import { resolveItemKey } from '../items/ref.js';
import { badField, checkDay, checkRange, checkWeekdays, MONDAY_TO_FRIDAY, sprintDays } from './dates.js';
import { computeSprintReport } from './report.js';
import { loadItemFacts, refKey } from './series.js';
import type { ItemFacts } from './series.js';
import { capacityRows, findSprintRow, nextSprintNumber, sprintItemRows, sprintRows } from './store.js';
import type { CapacityRow, SprintItemRow, SprintRow } from './store.js';
import type { Actor, CapacityInput, CapacityView, SprintInput, SprintItemView, SprintView } from './types.js';

type Db = Kysely<Database>;

function weekdaysOf(row: SprintRow): number[] {
  return JSON.parse(row.working_days) as number[];
}

function capacityView(row: SprintRow, rows: CapacityRow[], names: Map<string, string>): CapacityView {
  const days = sprintDays(row.start_date, row.end_date, weekdaysOf(row));
  const members = rows
    .filter((entry) => entry.user_id !== null)
    .map((entry) => {
      const off = JSON.parse(entry.days_off) as string[];
      const present = days.filter((day) => !off.includes(day)).length;
      const hoursPerDay = Number(entry.hours_per_day ?? 0);
      return { userId: entry.user_id as string, name: names.get(entry.user_id as string) ?? null, role: entry.role, hoursPerDay, daysOff: off, days: present, hours: hoursPerDay * present };
    });
  const roles = new Map<string, { role: string; declaredHours: number | null; memberHours: number }>();
  for (const entry of rows.filter((e) => e.user_id === null && e.role !== null)) {
    roles.set(entry.role!.toLowerCase(), { role: entry.role!, declaredHours: Number(entry.hours ?? 0), memberHours: 0 });
  }
  for (const member of members) {
    if (!member.role) continue;
    const key = member.role.toLowerCase();
    const role = roles.get(key) ?? { role: member.role, declaredHours: null, memberHours: 0 };
    role.memberHours += member.hours;
    roles.set(key, role);
  }
  const roleViews = [...roles.values()].map((role) => ({ ...role, hours: role.declaredHours ?? role.memberHours }));
  return { members, roles: roleViews, totalHours: members.reduce((sum, m) => sum + m.hours, 0) };
}

function openStays(rows: SprintItemRow[]): SprintItemRow[] {
  return rows.filter((row) => row.removed_at === null);
}

function itemViews(row: SprintRow, stays: SprintItemRow[], facts: Map<string, ItemFacts>): SprintItemView[] {
  return openStays(stays).map((stay) => {
    const fact = facts.get(refKey({ documentId: stay.document_id, itemId: stay.item_id }));
    return {
      key: fact?.key ?? stay.item_id,
      title: fact?.title ?? '(no longer in the plan)',
      status: fact?.status ?? 'cancelled',
      points: fact?.points ?? null,
      addedAt: stay.added_at,
      addedAfterStart: row.started_at !== null && stay.added_at > row.started_at && Number(stay.committed) !== 1,
      committed: Number(stay.committed) === 1,
    };
  });
}

async function memberNames(db: Db, projectId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('project_members')
    .innerJoin('users', 'users.id', 'project_members.user_id')
    .select(['users.id', 'users.name'])
    .where('project_members.project_id', '=', projectId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function view(db: Db, row: SprintRow, facts?: Map<string, ItemFacts>): Promise<SprintView> {
  const stays = await sprintItemRows(db, [row.id]);
  const known = facts ?? (await loadItemFacts(db, row.project_id, stays.map((s) => ({ documentId: s.document_id, itemId: s.item_id }))));
  const items = itemViews(row, stays, known);
  const weekdays = weekdaysOf(row);
  return {
    id: row.id,
    number: Number(row.number),
    name: row.name,
    goal: row.goal,
    startDate: row.start_date,
    endDate: row.end_date,
    workingDays: weekdays,
    days: sprintDays(row.start_date, row.end_date, weekdays).length,
    state: row.state,
    capacityPoints: row.capacity_points === null ? null : Number(row.capacity_points),
    committedPoints: row.committed_points === null ? null : Number(row.committed_points),
    committedItems: row.committed_items === null ? null : Number(row.committed_items),
    startedAt: row.started_at,
    closedAt: row.closed_at,
    source: row.source,
    items,
    points: items.reduce((sum, item) => sum + (item.points ?? 0), 0),
    capacity: capacityView(row, await capacityRows(db, row.id), await memberNames(db, row.project_id)),
  };
}

export async function listSprints(db: Db, projectId: string): Promise<SprintView[]> {
  const rows = await sprintRows(db, projectId);
  const facts = await loadItemFacts(db, projectId);
  const out: SprintView[] = [];
  for (const row of rows) out.push(await view(db, row, facts));
  return out;
}

export async function getSprint(db: Db, projectId: string, ref: string): Promise<SprintView> {
  return view(db, await findSprintRow(db, projectId, ref));
}

function checkName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed === '' || trimmed.length > 200) throw badField('name', 'missing', 'Give the sprint a name of 1 to 200 characters, e.g. "Sprint 4".');
  return trimmed;
}

function checkCapacityPoints(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 100_000) throw badField('capacityPoints', 'out of range', 'capacityPoints must be a number from 0 to 100000.');
  return value;
}

export async function createSprint(db: Db, input: { projectId: string; actor: Actor; sprint: SprintInput; now: Date; source?: string }): Promise<SprintView> {
  const name = checkName(input.sprint.name);
  if (input.sprint.startDate === undefined) throw badField('startDate', 'missing', 'startDate is required (YYYY-MM-DD).');
  if (input.sprint.endDate === undefined) throw badField('endDate', 'missing', 'endDate is required (YYYY-MM-DD).');
  checkRange(input.sprint.startDate, input.sprint.endDate);
  const weekdays = input.sprint.workingDays === undefined ? [...MONDAY_TO_FRIDAY] : checkWeekdays(input.sprint.workingDays);
  if (sprintDays(input.sprint.startDate, input.sprint.endDate, weekdays).length === 0) {
    throw badField('workingDays', 'no working day', `${input.sprint.startDate} to ${input.sprint.endDate} has no working day on the weekdays given.`);
  }
  const goal = (input.sprint.goal ?? '').trim();
  if (goal.length > 2000) throw badField('goal', 'too long', 'The goal may be at most 2000 characters.');
  const at = input.now.toISOString();
  const id = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = await nextSprintNumber(db, input.projectId);
    try {
      await db
        .insertInto('sprints')
        .values({
          id,
          project_id: input.projectId,
          number,
          name,
          goal,
          start_date: input.sprint.startDate,
          end_date: input.sprint.endDate,
          working_days: JSON.stringify(weekdays),
          state: 'planned',
          capacity_points: checkCapacityPoints(input.sprint.capacityPoints),
          committed_points: null,
          committed_items: null,
          started_at: null,
          closed_at: null,
          close_report: null,
          source: input.source ?? 'api',
          created_by: input.actor.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return getSprint(db, input.projectId, id);
    } catch (error) {
      // Two creations took the same number: take the next one.
      if (await db.selectFrom('sprints').select('id').where('project_id', '=', input.projectId).where('number', '=', number).executeTakeFirst()) continue;
      throw error;
    }
  }
  throw new ScrumdownError('conflict', 'Sprints were being created too fast to number this one; try again.', {});
}

function closedConflict(row: SprintRow, what: string): ScrumdownError {
  return new ScrumdownError('conflict', `Sprint ${row.number} (${row.name}) is closed; ${what}.`, { sprint: row.number, state: row.state });
}

export async function updateSprint(db: Db, input: { projectId: string; ref: string; sprint: SprintInput; now: Date }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state === 'closed') throw closedConflict(row, 'a closed sprint does not change');
  const start = input.sprint.startDate ?? row.start_date;
  const end = input.sprint.endDate ?? row.end_date;
  checkRange(start, end);
  const weekdays = input.sprint.workingDays === undefined ? weekdaysOf(row) : checkWeekdays(input.sprint.workingDays);
  if (row.state === 'active' && start !== row.start_date) {
    throw new ScrumdownError('conflict', `Sprint ${row.number} has started; its start date stays ${row.start_date} (the end date may move).`, { sprint: row.number });
  }
  await db
    .updateTable('sprints')
    .set({
      name: input.sprint.name === undefined ? row.name : checkName(input.sprint.name),
      goal: input.sprint.goal === undefined ? row.goal : input.sprint.goal.trim(),
      start_date: start,
      end_date: end,
      working_days: JSON.stringify(weekdays),
      capacity_points: input.sprint.capacityPoints === undefined ? row.capacity_points : checkCapacityPoints(input.sprint.capacityPoints),
      updated_at: input.now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  return getSprint(db, input.projectId, row.id);
}

export async function deleteSprint(db: Db, input: { projectId: string; ref: string }): Promise<void> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state !== 'planned') {
    throw new ScrumdownError('conflict', `Sprint ${row.number} has ${row.state === 'active' ? 'started' : 'closed'}; only a planned sprint can be deleted, so that velocity keeps its history.`, {
      sprint: row.number,
      state: row.state,
    });
  }
  await db.deleteFrom('sprints').where('id', '=', row.id).execute();
}

/** Resolves item keys of the request to documents and items of this project, naming the bad one. */
async function resolveKeys(db: Db, projectId: string, keys: readonly string[], field: string): Promise<Array<{ documentId: string; itemId: string; key: string }>> {
  const documents = await projectDocuments(db, projectId);
  return keys.map((key, i) => {
    try {
      const found = resolveItemKey(documents, key);
      return { documentId: found.document.id, itemId: found.item.id, key: found.key };
    } catch (error) {
      if (isScrumdownError(error) && (error.code === 'not_found' || error.code === 'invalid_argument')) {
        throw new ScrumdownError('validation_failed', `${field}[${i}]: ${error.message} Only items of this project's documents can be named.`, {
          in: 'body',
          fields: [{ field: `${field}[${i}]`, problem: 'not an item of this project' }],
          item: key,
        });
      }
      throw error;
    }
  });
}

export { resolveKeys as resolveItemKeys };

export async function addSprintItems(db: Db, input: { projectId: string; ref: string; items: string[]; actor: Actor; now: Date }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state === 'closed') throw closedConflict(row, 'add the items to an open sprint');
  if (input.items.length === 0) throw badField('items', 'empty', 'items lists the item ids to add, e.g. ["T012"].');
  const resolved = await resolveKeys(db, input.projectId, input.items, 'items');
  const at = input.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('sprint_items')
      .innerJoin('sprints', 'sprints.id', 'sprint_items.sprint_id')
      .select(['sprint_items.document_id', 'sprint_items.item_id', 'sprints.id as sprint_id', 'sprints.number', 'sprints.name'])
      .where('sprint_items.project_id', '=', input.projectId)
      .where('sprint_items.removed_at', 'is', null)
      .where('sprints.state', 'in', ['planned', 'active'])
      .execute();
    const where = new Map(open.map((entry) => [refKey({ documentId: entry.document_id, itemId: entry.item_id }), entry]));
    const fresh: typeof resolved = [];
    for (const item of resolved) {
      const there = where.get(refKey(item));
      if (there && there.sprint_id === row.id) continue;
      if (there) {
        throw new ScrumdownError('conflict', `${item.key} is already in sprint ${there.number} (${there.name}); remove it there first.`, { item: item.key, sprint: Number(there.number) });
      }
      if (fresh.some((f) => refKey(f) === refKey(item))) continue;
      fresh.push(item);
    }
    if (fresh.length > 0) {
      await trx
        .insertInto('sprint_items')
        .values(fresh.map((item) => ({ sprint_id: row.id, project_id: input.projectId, document_id: item.documentId, item_id: item.itemId, added_at: at, added_by: input.actor.id, removed_at: null, removed_by: null, committed: 0, points_at_start: null, status_at_start: null })))
        .execute();
    }
  });
  return getSprint(db, input.projectId, row.id);
}

export async function removeSprintItem(db: Db, input: { projectId: string; ref: string; item: string; actor: Actor; now: Date }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state === 'closed') throw closedConflict(row, 'its items stay as they were');
  const stays = openStays(await sprintItemRows(db, [row.id]));
  const documents = await projectDocuments(db, input.projectId);
  let target: SprintItemRow | undefined;
  try {
    const found = resolveItemKey(documents, input.item);
    target = stays.find((stay) => stay.document_id === found.document.id && stay.item_id === found.item.id);
  } catch (error) {
    if (!isScrumdownError(error)) throw error;
  }
  // An item no longer in the plan can still be taken out by its id.
  target ??= stays.find((stay) => stay.item_id === input.item);
  if (!target) throw new ScrumdownError('not_found', `Sprint ${row.number} has no item ${JSON.stringify(input.item)}.`, { sprint: Number(row.number), item: input.item });
  const at = input.now.toISOString();
  if (row.state === 'planned') await db.deleteFrom('sprint_items').where('id', '=', target.id).execute();
  else await db.updateTable('sprint_items').set({ removed_at: at, removed_by: input.actor.id }).where('id', '=', target.id).execute();
  return getSprint(db, input.projectId, row.id);
}

export async function setCapacity(db: Db, input: { projectId: string; ref: string; capacity: CapacityInput }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state === 'closed') throw closedConflict(row, 'its capacity stays as it was');
  const names = await memberNames(db, input.projectId);
  const members = input.capacity.members ?? [];
  const roles = input.capacity.roles ?? [];
  const seen = new Set<string>();
  members.forEach((member, i) => {
    const field = `members[${i}]`;
    if (!names.has(member.userId)) throw badField(`${field}.userId`, 'not a member', `${field}.userId ${JSON.stringify(member.userId)} is not a member of this project.`);
    if (seen.has(member.userId)) throw badField(`${field}.userId`, 'repeated', `${field}: ${names.get(member.userId)} is listed twice.`);
    seen.add(member.userId);
    if (!Number.isFinite(member.hoursPerDay) || member.hoursPerDay < 0 || member.hoursPerDay > 24) {
      throw badField(`${field}.hoursPerDay`, 'out of range', `${field}.hoursPerDay must be from 0 to 24 (got ${member.hoursPerDay}).`);
    }
    (member.daysOff ?? []).forEach((day, d) => {
      checkDay(day, `${field}.daysOff[${d}]`);
      if (day < row.start_date || day > row.end_date) {
        throw badField(`${field}.daysOff[${d}]`, 'outside the sprint', `${field}.daysOff[${d}] (${day}) is outside the sprint (${row.start_date} to ${row.end_date}).`);
      }
    });
  });
  roles.forEach((role, i) => {
    if (role.role.trim() === '') throw badField(`roles[${i}].role`, 'missing', `roles[${i}].role needs a name, e.g. Backend.`);
    if (!Number.isFinite(role.hours) || role.hours < 0 || role.hours > 100_000) throw badField(`roles[${i}].hours`, 'out of range', `roles[${i}].hours must be from 0 to 100000.`);
  });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sprint_capacity').where('sprint_id', '=', row.id).execute();
    const values = [
      ...members.map((member) => ({
        sprint_id: row.id,
        key: `member:${member.userId}`,
        user_id: member.userId,
        role: member.role?.trim() || null,
        hours_per_day: member.hoursPerDay,
        days_off: JSON.stringify([...new Set(member.daysOff ?? [])].sort()),
        hours: null,
      })),
      ...roles.map((role) => ({ sprint_id: row.id, key: `role:${role.role.trim().toLowerCase()}`, user_id: null, role: role.role.trim(), hours_per_day: null, days_off: '[]', hours: role.hours })),
    ];
    if (values.length > 0) await trx.insertInto('sprint_capacity').values(values).execute();
  });
  return getSprint(db, input.projectId, row.id);
}

/** Open work an item adds to a commitment: its points (or one item) unless done or shelved. */
function openWork(status: Status): boolean {
  return status !== 'done' && !isShelved(status);
}

export async function startSprint(db: Db, input: { projectId: string; ref: string; now: Date }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state !== 'planned') throw new ScrumdownError('conflict', `Sprint ${row.number} is ${row.state}; only a planned sprint starts.`, { sprint: Number(row.number), state: row.state });
  const active = await db.selectFrom('sprints').select(['number', 'name']).where('project_id', '=', input.projectId).where('state', '=', 'active').executeTakeFirst();
  if (active) throw new ScrumdownError('conflict', `Sprint ${active.number} (${active.name}) is still active; close it before starting another.`, { active: Number(active.number) });
  const stays = openStays(await sprintItemRows(db, [row.id]));
  const facts = await loadItemFacts(db, input.projectId, stays.map((s) => ({ documentId: s.document_id, itemId: s.item_id })));
  const at = input.now.toISOString();
  let points = 0;
  let items = 0;
  await db.transaction().execute(async (trx) => {
    for (const stay of stays) {
      const fact = facts.get(refKey({ documentId: stay.document_id, itemId: stay.item_id }));
      const status = fact?.status ?? 'cancelled';
      if (openWork(status)) {
        points += fact?.points ?? 0;
        items += 1;
      }
      await trx.updateTable('sprint_items').set({ committed: 1, points_at_start: fact?.points ?? null, status_at_start: status }).where('id', '=', stay.id).execute();
    }
    const updated = await trx
      .updateTable('sprints')
      .set({ state: 'active', started_at: at, committed_points: points, committed_items: items, updated_at: at })
      .where('id', '=', row.id)
      .where('state', '=', 'planned')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ScrumdownError('conflict', `Sprint ${row.number} was started meanwhile.`, { sprint: Number(row.number) });
  });
  return getSprint(db, input.projectId, row.id);
}

export async function closeSprint(db: Db, input: { projectId: string; ref: string; now: Date }): Promise<SprintView> {
  const row = await findSprintRow(db, input.projectId, input.ref);
  if (row.state !== 'active') throw new ScrumdownError('conflict', `Sprint ${row.number} is ${row.state}; only an active sprint closes.`, { sprint: Number(row.number), state: row.state });
  const at = input.now.toISOString();
  const report = await computeSprintReport(db, row, input.now);
  const updated = await db
    .updateTable('sprints')
    .set({ state: 'closed', closed_at: at, close_report: JSON.stringify(report), updated_at: at })
    .where('id', '=', row.id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ScrumdownError('conflict', `Sprint ${row.number} was closed meanwhile.`, { sprint: Number(row.number) });
  return getSprint(db, input.projectId, row.id);
}

export { weekdaysOf };
