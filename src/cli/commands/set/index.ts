// `scrumdown set FILE ID... STATUS`: change item statuses in the file itself. Declares the
// command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';

export interface SetOptions {
  dryRun?: boolean;
}

export function registerSet(program: Command): void {
  program
    .command('set')
    .description('set the status of one or more items, writing only the bytes that change')
    .argument('<file>', 'plan file (Markdown)')
    .argument('<ids-and-status...>', 'one or more item IDs, then the status')
    .option('--dry-run', 'print the diff and write nothing')
    .addHelpText(
      'after',
      `
Statuses: todo, in_progress (also in-progress, doing, wip), review, done, blocked, deferred,
cancelled. The change is written in the plan's own style (a checkbox, or its status field) and
the file is replaced atomically; a unified diff of the change is printed.

Examples:
  $ scrumdown set tasks.md T004 done
  $ scrumdown set tasks.md T005 T006 wip
  $ scrumdown set backlog.md DEVOPS-002 review --dry-run`,
    )
    .action(async (file: string, idsAndStatus: string[], options: SetOptions, command: Command) => {
      const { runSet } = await import('./run.js');
      await runSet(file, idsAndStatus, options, contextOf(command));
    });
}
