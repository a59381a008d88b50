// The git options every history command declares (history, burndown, velocity, cycle-time). Kept
// apart from shared.ts so that declaring the commands does not load the history services.

import type { Command } from 'commander';

export interface GitHistoryOptions {
  allParents?: boolean;
  cache?: boolean;
  json?: boolean;
}

export function addHistoryOptions(command: Command): Command {
  return command
    .option('--all-parents', 'follow every parent through merges (default: the first-parent line)')
    .option('--no-cache', 'parse every revision again instead of using .git/scrumdown/');
}
