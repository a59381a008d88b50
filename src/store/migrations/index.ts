// Every migration in order. Names sort in the order they run; a new migration is a new file and
// one line here, never an edit of one that has shipped.

import type { Migration } from 'kysely';
import { initialSchema } from './001-initial.js';
import { sprintsAndStandups } from './002-sprints-standups.js';
import { signInFailuresAndDigestRuns } from './003-sign-in-failures-digest-runs.js';
import { historyAuthor } from './004-history-author.js';
import { disabledUsersRevokedInvites } from './005-disabled-users-revoked-invites.js';
import { dialectTypes } from './types.js';
import type { DialectName } from './types.js';

export function migrations(dialect: DialectName): Record<string, Migration> {
  const types = dialectTypes(dialect);
  return {
    '001-initial': initialSchema(types),
    '002-sprints-standups': sprintsAndStandups(types),
    '003-sign-in-failures-digest-runs': signInFailuresAndDigestRuns(types),
    '004-history-author': historyAuthor(),
    '005-disabled-users-revoked-invites': disabledUsersRevokedInvites(),
  };
}
