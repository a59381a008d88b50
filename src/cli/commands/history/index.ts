// `scrumdown history FILE`: the timeline of every item from the plan's git history. Declares the
// command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addHistoryOptions } from './options.js';
import type { GitHistoryOptions } from './options.js';

export interface HistoryCommandOptions extends GitHistoryOptions {
  since?: string;
  until?: string;
}

export function registerHistory(program: Command): void {
  const command = program
    .command('history')
    .description("the timeline of every item from the plan's git history: status changes, items added and removed")
    .argument('<file>', 'plan file (Markdown) in a git repository')
    .option('--since <date>', 'only changes on or after this date (YYYY-MM-DD or ISO time)')
    .option('--until <date>', 'only changes on or before this date')
    .option('--json', 'print one JSON document (schema scrumdown/history@1)');
  addHistoryOptions(command)
    .addHelpText(
      'after',
      `
Reads every commit that changed the file (following renames; through merges along the
first-parent line unless --all-parents), parses each version once and caches it under
.git/scrumdown/, so the next run only reads new commits. Items are matched across versions by
ID; where the plan has no IDs and outline numbers shift, by title similarity.

Examples:
  $ scrumdown history tasks.md
  $ scrumdown history tasks.md --since 2026-01-01 --json | jq '.items[] | select(.status == "done")'`,
    )
    .action(async (file: string, options: HistoryCommandOptions, cmd: Command) => {
      const { runHistory } = await import('./run.js');
      await runHistory(file, options, contextOf(cmd));
    });
}
