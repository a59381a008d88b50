// The history a push reads from git, stored with the upload: the timeline turned into item history
// rows (source `git`, dated by their commits), each commit's author mapped to the user with that
// e-mail when the server has one and kept as git gave it either way. A push replaces the
// document's git rows as a whole, so pushing the same history again adds nothing, and a longer
// history (more commits since) takes the place of the shorter one.

import type { Kysely, Transaction } from 'kysely';
import { timelineChanges } from '../../engine/history/changes.js';
import type { Timeline } from '../../engine/history/types.js';
import { ScrumdownError } from '../../errors.js';
import { insertHistory } from '../../store/repositories/history.js';
import type { NewHistoryRow } from '../../store/repositories/history.js';
import type { Database } from '../../store/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Pushed histories giving more changes than this are refused with 413. */
export const MAX_HISTORY_CHANGES = 200_000;

const EMAIL_CHUNK = 500;

/** The users whose e-mail (in any case) is one of these, by lower-cased e-mail. */
async function usersByEmail(db: Executor, emails: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < emails.length; i += EMAIL_CHUNK) {
    const rows = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails.slice(i, i + EMAIL_CHUNK)).execute();
    for (const row of rows) found.set(row.email.toLowerCase(), row.id);
  }
  return found;
}

/** The rows a pushed timeline gives the document. */
export async function gitHistoryRows(db: Executor, document: { projectId: string; id: string }, timeline: Timeline): Promise<NewHistoryRow[]> {
  const changes = timelineChanges(timeline);
  if (changes.length > MAX_HISTORY_CHANGES) {
    throw new ScrumdownError(
      'payload_too_large',
      `The pushed history holds ${changes.length} changes; at most ${MAX_HISTORY_CHANGES} are taken. Split the plan into several documents, or push it without --with-history.`,
      { changes: changes.length, limit: MAX_HISTORY_CHANGES },
    );
  }
  const emails = [...new Set(changes.map((change) => change.author.email.toLowerCase()).filter((email) => email !== ''))];
  const users = await usersByEmail(db, emails);
  return changes.map((change) => ({
    project_id: document.projectId,
    document_id: document.id,
    item_id: change.itemId,
    user_id: users.get(change.author.email.toLowerCase()) ?? null,
    field: change.field,
    from_value: change.from,
    to_value: change.to,
    at: change.at,
    source: 'git',
    author: change.author.email === '' ? change.author.name : `${change.author.name} <${change.author.email}>`,
  }));
}

/** Puts the document's git rows in place of the ones it had (inside the upload's transaction). */
export async function replaceGitHistory(trx: Transaction<Database>, documentId: string, rows: readonly NewHistoryRow[]): Promise<void> {
  await trx.deleteFrom('item_history').where('document_id', '=', documentId).where('source', '=', 'git').execute();
  await insertHistory(trx, rows);
}

/**
 * Whether the pushed history already records that an item's field ended at this value: an upload's
 * own row for that change would only repeat the commit's, later.
 */
export function explainedByHistory(timeline: Timeline): (itemId: string, field: string, to: string | null) => boolean {
  const last = new Map<string, { present: boolean; status: string; points: string | null }>();
  for (const item of timeline.items) {
    // A later item under the same id (one removed, another added) is the one that counts.
    if (!item.present && last.get(item.id)?.present) continue;
    last.set(item.id, { present: item.present, status: item.status, points: item.points === null ? null : String(item.points) });
  }
  return (itemId, field, to) => {
    const item = last.get(itemId);
    if (field === 'added') return item?.present === true;
    if (field === 'removed') return item !== undefined && !item.present;
    if (!item?.present) return false;
    if (field === 'status') return item.status === to;
    if (field === 'points') return item.points === to;
    return false;
  };
}
