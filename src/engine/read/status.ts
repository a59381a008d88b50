// Status words as plans write them ("🟡 In Progress", "Done ✅", "Icebox", "WIP", "[x]"), read
// into the model's statuses. Emoji and mojibake are ignored: the words decide.

import type { Status } from '../model.js';

const WORDS: ReadonlyArray<[RegExp, Status]> = [
  [/\b(cancel+ed|canceled|won'?t do|wontfix|dropped|obsolete|abandoned)\b/, 'cancelled'],
  [/\b(icebox|iced|deferred|on hold|later|someday|future|parked|postponed)\b/, 'deferred'],
  [/\b(blocked|stuck|waiting|impeded|on ice)\b/, 'blocked'],
  [/\b(in review|review|reviewing|code review|qa|testing|in test|verify|verifying|awaiting review)\b/, 'review'],
  [/\b(in progress|in-progress|inprogress|wip|doing|started|ongoing|active|working|underway|under way|partial(ly)?( done)?)\b/, 'in_progress'],
  [/\b(done|complete|completed|finished|closed|resolved|shipped|delivered|merged|verified)\b/, 'done'],
  [/\b(todo|to do|to-do|open|not started|pending|planned|new|ready|queued|proposed|backlog)\b/, 'todo'],
];

const EMOJI: ReadonlyArray<[string, Status]> = [
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['🟢', 'done'],
  ['🟡', 'in_progress'],
  ['🚧', 'in_progress'],
  ['🔄', 'in_progress'],
  ['⏳', 'in_progress'],
  ['⛔', 'blocked'],
  ['🚫', 'blocked'],
  ['🔴', 'blocked'],
  ['🧊', 'deferred'],
  ['📋', 'todo'],
  ['⬜', 'todo'],
  ['❌', 'cancelled'],
];

/** Reads a status from its words, falling back to a lone emoji; null when nothing fits. */
export function parseStatus(value: string): Status | null {
  const words = value
    .toLowerCase()
    .replace(/[*_`~[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, status] of WORDS) {
    if (pattern.test(words)) return status;
  }
  for (const [emoji, status] of EMOJI) {
    if (value.includes(emoji)) return status;
  }
  const compact = words.replace(/[\s-]/g, '_');
  if (compact === 'in_progress') return 'in_progress';
  return null;
}
