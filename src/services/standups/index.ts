// Daily standups: one entry per person per day in a project (done, next, blockers, mood 1–5,
// linked items). People write, change and delete their own; a second entry for the same day is a
// conflict that points at the first. The team feed filters by days, person and open blockers and
// pages by cursor; a blocker stays open, and is carried into later days, until someone resolves it.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dayNumber } from '../../engine/history/index.js';
import { ScrumdownError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { badField, checkDay, checkRange, todayOf } from '../sprints/dates.js';
import { resolveItemKeys } from '../sprints/service.js';

type Db = Kysely<Database>;

export interface StandupInput {
  /** The person the entry is for: only yourself. */
  user?: string;
  day?: string;
  done?: string;
  next?: string;
  blockers?: string;
  mood?: number | null;
  items?: string[];
  /** true marks the entry's blocker resolved (anyone in the team may), false reopens it. */
  blockerResolved?: boolean;
}

export interface StandupView {
  id: string;
  user: { id: string; name: string; email: string };
  day: string;
  done: string;
  next: string;
  blockers: string;
  mood: number | null;
  items: string[];
  blockerResolvedAt: string | null;
  blockerResolvedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OpenBlocker {
  standup: string;
  user: { id: string; name: string };
  day: string;
  blockers: string;
  /** Calendar days since the entry's day. */
  daysOpen: number;
}

const TEXT_LIMIT = 4000;

function checkText(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > TEXT_LIMIT) throw badField(field, 'too long', `${field} may be at most ${TEXT_LIMIT} characters (got ${value.length}).`);
  return value.trim();
}

function checkMood(mood: number | null | undefined): number | null | undefined {
  if (mood === undefined || mood === null) return mood;
  if (!Number.isInteger(mood) || mood < 1 || mood > 5) throw badField('mood', 'not 1 to 5', `mood must be a whole number from 1 (bad) to 5 (great); got ${mood}.`);
  return mood;
}

function baseQuery(db: Db, projectId: string) {
  return db
    .selectFrom('standups')
    .innerJoin('users', 'users.id', 'standups.user_id')
    .selectAll('standups')
    .select(['users.name as user_name', 'users.email as user_email'])
    .where('standups.project_id', '=', projectId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toView(row: Row): StandupView {
  return {
    id: row.id,
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    day: row.day,
    done: row.done,
    next: row.next,
    blockers: row.blockers,
    mood: row.mood === null ? null : Number(row.mood),
    items: JSON.parse(row.items) as string[],
    blockerResolvedAt: row.blocker_resolved_at,
    blockerResolvedBy: row.blocker_resolved_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function findStandup(db: Db, projectId: string, id: string): Promise<Row> {
  const row = await baseQuery(db, projectId).where('standups.id', '=', id).executeTakeFirst();
  if (!row) throw new ScrumdownError('not_found', `The project has no standup entry ${JSON.stringify(id)}.`, { standup: id });
  return row;
}

function duplicate(projectKey: string, existing: { id: string; day: string }): ScrumdownError {
  return new ScrumdownError('conflict', `You already wrote a standup for ${existing.day}; change that one (PATCH …/standups/${existing.id}) instead.`, {
    existing: existing.id,
    day: existing.day,
    path: `/api/v1/projects/${projectKey}/standups/${existing.id}`,
  });
}

/** An entry says something: at least one of done, next or blockers, when written and after every edit. */
function requireContent(entry: { done: string; next: string; blockers: string }, field: 'done' | 'next' | 'blockers'): void {
  if (entry.done === '' && entry.next === '' && entry.blockers === '') {
    throw badField(field, 'empty', 'Write at least one of done, next or blockers (an entry with none of them is deleted, not emptied).');
  }
}

export async function createStandup(db: Db, input: { projectId: string; projectKey: string; actor: { id: string }; standup: StandupInput; now: Date }): Promise<StandupView> {
  const s = input.standup;
  if (s.user !== undefined && s.user !== input.actor.id) {
    throw new ScrumdownError('forbidden', 'A standup entry is written by the person it is about: leave out user, or give your own id.', { in: 'body', fields: [{ field: 'user', problem: 'another person' }] });
  }
  const day = s.day === undefined ? todayOf(input.now) : checkDay(s.day, 'day');
  const done = checkText(s.done, 'done') ?? '';
  const next = checkText(s.next, 'next') ?? '';
  const blockers = checkText(s.blockers, 'blockers') ?? '';
  const mood = checkMood(s.mood) ?? null;
  const items = s.items === undefined ? [] : (await resolveItemKeys(db, input.projectId, s.items, 'items')).map((item) => item.key);
  requireContent({ done, next, blockers }, 'done');
  const existing = await db.selectFrom('standups').select(['id', 'day']).where('project_id', '=', input.projectId).where('user_id', '=', input.actor.id).where('day', '=', day).executeTakeFirst();
  if (existing) throw duplicate(input.projectKey, existing);
  const at = input.now.toISOString();
  const id = randomUUID();
  try {
    await db
      .insertInto('standups')
      .values({ id, project_id: input.projectId, user_id: input.actor.id, day, done, next, blockers, mood, items: JSON.stringify([...new Set(items)]), blocker_resolved_at: null, blocker_resolved_by: null, created_at: at, updated_at: at })
      .execute();
  } catch (error) {
    const raced = await db.selectFrom('standups').select(['id', 'day']).where('project_id', '=', input.projectId).where('user_id', '=', input.actor.id).where('day', '=', day).executeTakeFirst();
    if (raced) throw duplicate(input.projectKey, raced);
    throw error;
  }
  return toView(await findStandup(db, input.projectId, id));
}

export async function updateStandup(db: Db, input: { projectId: string; projectKey: string; actor: { id: string }; id: string; standup: StandupInput; now: Date }): Promise<StandupView> {
  const row = await findStandup(db, input.projectId, input.id);
  const s = input.standup;
  const onlyResolution = Object.keys(s).every((key) => key === 'blockerResolved');
  if (row.user_id !== input.actor.id && !onlyResolution) {
    throw new ScrumdownError('forbidden', `This standup entry is ${row.user_name}'s; you can only change your own (anyone may mark its blocker resolved).`, { standup: row.id });
  }
  if (s.user !== undefined && s.user !== row.user_id) throw new ScrumdownError('forbidden', 'An entry stays with the person who wrote it; user cannot change.', { in: 'body', fields: [{ field: 'user', problem: 'another person' }] });
  const day = s.day === undefined ? row.day : checkDay(s.day, 'day');
  const patch = {
    day,
    done: checkText(s.done, 'done') ?? row.done,
    next: checkText(s.next, 'next') ?? row.next,
    blockers: checkText(s.blockers, 'blockers') ?? row.blockers,
    mood: s.mood === undefined ? row.mood : (checkMood(s.mood) ?? null),
    items: s.items === undefined ? row.items : JSON.stringify([...new Set((await resolveItemKeys(db, input.projectId, s.items, 'items')).map((item) => item.key))]),
    blocker_resolved_at: s.blockerResolved === undefined ? row.blocker_resolved_at : s.blockerResolved ? input.now.toISOString() : null,
    blocker_resolved_by: s.blockerResolved === undefined ? row.blocker_resolved_by : s.blockerResolved ? input.actor.id : null,
    updated_at: input.now.toISOString(),
  };
  requireContent(patch, (['done', 'next', 'blockers'] as const).find((field) => s[field] !== undefined) ?? 'done');
  if (day !== row.day) {
    const existing = await db.selectFrom('standups').select(['id', 'day']).where('project_id', '=', input.projectId).where('user_id', '=', row.user_id).where('day', '=', day).executeTakeFirst();
    if (existing) throw duplicate(input.projectKey, existing);
  }
  await db.updateTable('standups').set(patch).where('id', '=', row.id).execute();
  return toView(await findStandup(db, input.projectId, row.id));
}

/** The person's own entry for a day (default today), or undefined when they wrote none. */
export async function ownStandup(db: Db, input: { projectId: string; userId: string; day?: string; now: Date }): Promise<StandupView | undefined> {
  const day = input.day === undefined ? todayOf(input.now) : checkDay(input.day, 'day');
  const row = await baseQuery(db, input.projectId).where('standups.user_id', '=', input.userId).where('standups.day', '=', day).executeTakeFirst();
  return row ? toView(row) : undefined;
}

export async function deleteStandup(db: Db, input: { projectId: string; actor: { id: string }; id: string }): Promise<void> {
  const row = await findStandup(db, input.projectId, input.id);
  if (row.user_id !== input.actor.id) throw new ScrumdownError('forbidden', `This standup entry is ${row.user_name}'s; you can only delete your own.`, { standup: row.id });
  await db.deleteFrom('standups').where('id', '=', row.id).execute();
}

export interface FeedQuery {
  from?: string;
  to?: string;
  user?: string;
  hasBlockers?: boolean;
  limit?: number;
  cursor?: string;
}

export interface Feed {
  entries: StandupView[];
  nextCursor: string | null;
  /** Blockers still open on the feed's last day (or today), oldest first: carried forward. */
  openBlockers: OpenBlocker[];
}

function decodeCursor(cursor: string): { day: string; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2})\|([\w-]{1,64})$/.exec(text);
  if (!match) throw badField('cursor', 'not a cursor', 'The cursor is not one this server gave out; start again without it.', 'query');
  return { day: match[1], id: match[2] };
}

export async function openBlockers(db: Db, projectId: string, asOf: string): Promise<OpenBlocker[]> {
  const rows = await baseQuery(db, projectId).where('standups.blockers', '!=', '').where('standups.day', '<=', asOf).orderBy('standups.day').orderBy('standups.id').execute();
  return rows
    .filter((row) => row.blocker_resolved_at === null || row.blocker_resolved_at.slice(0, 10) > asOf)
    .map((row) => ({ standup: row.id, user: { id: row.user_id, name: row.user_name }, day: row.day, blockers: row.blockers, daysOpen: dayNumber(asOf) - dayNumber(row.day) }));
}

export async function standupFeed(db: Db, projectId: string, query: FeedQuery, now: Date): Promise<Feed> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badField('limit', 'not between 1 and 200', 'limit must be a whole number from 1 to 200.', 'query');
  if (query.from !== undefined && query.to !== undefined) checkRange(query.from, query.to, ['from', 'to'], 'query');
  else if (query.from !== undefined) checkDay(query.from, 'from', 'query');
  else if (query.to !== undefined) checkDay(query.to, 'to', 'query');
  let q = baseQuery(db, projectId);
  if (query.from !== undefined) q = q.where('standups.day', '>=', query.from);
  if (query.to !== undefined) q = q.where('standups.day', '<=', query.to);
  if (query.user !== undefined) q = q.where((eb) => eb.or([eb('standups.user_id', '=', query.user!), eb('users.email', '=', query.user!.toLowerCase())]));
  if (query.hasBlockers === true) q = q.where('standups.blockers', '!=', '');
  if (query.hasBlockers === false) q = q.where('standups.blockers', '=', '');
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    q = q.where((eb) => eb.or([eb('standups.day', '<', after.day), eb.and([eb('standups.day', '=', after.day), eb('standups.id', '<', after.id)])]));
  }
  const rows = await q.orderBy('standups.day', 'desc').orderBy('standups.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(toView),
    nextCursor: rows.length > limit && last ? Buffer.from(`${last.day}|${last.id}`).toString('base64url') : null,
    openBlockers: await openBlockers(db, projectId, query.to ?? todayOf(now)),
  };
}

/** Every entry of a project between two days, oldest first (for reports and the digest). */
export async function standupsBetween(db: Db, projectId: string, from: string, to: string): Promise<StandupView[]> {
  const rows = await baseQuery(db, projectId).where('standups.day', '>=', from).where('standups.day', '<=', to).orderBy('standups.day').orderBy('standups.id').execute();
  return rows.map(toView);
}
