// The scheduled standup digest's one row per project and day: which projects still wait for
// theirs, the claim an instance makes before sending, and how the attempt ended.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface DigestProject {
  id: string;
  key: string;
  name: string;
}

/** Projects whose digest of `day` has not been sent, ordered by key. */
export async function projectsAwaitingDigest(db: Db, day: string): Promise<DigestProject[]> {
  return db
    .selectFrom('projects')
    .select(['id', 'key', 'name'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('digest_runs').select('digest_runs.day').whereRef('digest_runs.project_id', '=', 'projects.id').where('digest_runs.day', '=', day).where('digest_runs.status', '=', 'sent'))),
    )
    .orderBy('key')
    .execute();
}

/**
 * Claims the project's digest of `day` for this instance, and returns which attempt this is; or
 * undefined when it is sent already or another instance is sending it (a claim older than
 * `staleBefore` counts as abandoned). One statement, so it is its own transaction: of instances
 * claiming at once exactly one gets the row, the unique key sees to that.
 */
export async function claimDigestRun(db: Db, projectId: string, day: string, at: string, staleBefore: string): Promise<number | undefined> {
  const row = await db
    .insertInto('digest_runs')
    .values({ project_id: projectId, day, status: 'sending', attempts: 1, claimed_at: at, sent_at: null, error: null })
    .onConflict((conflict) =>
      conflict
        .columns(['project_id', 'day'])
        .doUpdateSet({ status: 'sending', attempts: sql<number>`digest_runs.attempts + 1`, claimed_at: at })
        .where((eb) =>
          eb.or([eb('digest_runs.status', '=', 'failed'), eb.and([eb('digest_runs.status', '=', 'sending'), eb('digest_runs.claimed_at', '<', staleBefore)])]),
        ),
    )
    .returning('attempts')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.attempts);
}

export async function finishDigestRun(db: Db, projectId: string, day: string, outcome: { sentAt: string } | { error: string }): Promise<void> {
  await db
    .updateTable('digest_runs')
    .set('sentAt' in outcome ? { status: 'sent', sent_at: outcome.sentAt, error: null } : { status: 'failed', error: outcome.error })
    .where('project_id', '=', projectId)
    .where('day', '=', day)
    .execute();
}
