// `scrumdown status FILE...`: where each plan stands. Declares the command; the work is in run.ts,
// loaded only when the command runs.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addRemoteOptions, planFiles } from '../../remote-plan.js';
import type { RemotePlanOptions } from '../../remote-plan.js';

export interface StatusOptions extends RemotePlanOptions {
  json?: boolean;
}

export function registerStatus(program: Command): void {
  addRemoteOptions(
    program
      .command('status')
    .description('progress per top-level section and overall, ready and blocked work, critical path, findings')
    .argument('[files...]', 'plan files (Markdown)')
    .option('--json', 'print one JSON document (schema scrumdown/status@1)'),
  )
    .addHelpText(
      'after',
      `
Counts items, checks, points and hours by status, for each top-level section and for the whole
plan. Parent items roll up from their children; only actionable items are counted.

Examples:
  $ scrumdown status tasks.md
  $ scrumdown status backlog.md sprint-plan.md
  $ scrumdown status tasks.md --json | jq '.overall.points'`,
    )
    .action(async (files: string[], options: StatusOptions, command: Command) => {
      const { runStatus } = await import('./run.js');
      await runStatus(await planFiles(files, options), options, contextOf(command));
    });
}
