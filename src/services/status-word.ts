// The status words a person may type (`scrumdown set plan.md T001 wip`): read leniently, and
// refused with the list of valid ones when nothing fits. Deliberately an exact table, unlike the
// reader's free-text parser: a typo must be an error, never a guess.

import { ScrumdownError } from '../errors.js';
import { STATUSES } from '../engine/model.js';
import type { Status } from '../engine/model.js';

const SYNONYMS: Readonly<Record<string, Status>> = {
  todo: 'todo',
  to_do: 'todo',
  open: 'todo',
  not_started: 'todo',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  progress: 'in_progress',
  doing: 'in_progress',
  wip: 'in_progress',
  started: 'in_progress',
  review: 'review',
  in_review: 'review',
  reviewing: 'review',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  closed: 'done',
  blocked: 'blocked',
  deferred: 'deferred',
  icebox: 'deferred',
  on_hold: 'deferred',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  dropped: 'cancelled',
};

/** Reads a typed status word ("In-Progress", "wip", "DONE"); throws unknown_status otherwise. */
export function parseStatusWord(word: string): Status {
  const key = word.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const status = Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : undefined;
  if (status) return status;
  throw new ScrumdownError(
    'unknown_status',
    `Unknown status "${word}". Use one of: ${STATUSES.join(', ')} (in_progress may be written in-progress, doing or wip).`,
    { status: word, valid: [...STATUSES] },
  );
}
