// `scrumdown show FILE ID`: everything about one item. Declares the command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';

export interface ShowOptions {
  json?: boolean;
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('every field of one item, its checks, dependencies both ways and its place on the critical path')
    .argument('<file>', 'plan file (Markdown)')
    .argument('<id>', 'item ID as the plan writes it (T012, DEVOPS-004, 2.1, US-003) or one of its aliases')
    .option('--json', 'print one JSON document (schema scrumdown/show@1)')
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown show tasks.md T012
  $ scrumdown show backlog.md DEVOPS-004 --json`,
    )
    .action(async (file: string, id: string, options: ShowOptions, command: Command) => {
      const { runShow } = await import('./run.js');
      await runShow(file, id, options, contextOf(command));
    });
}
