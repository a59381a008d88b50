// `scrumdown items FILE`: the plan's items, filtered. Declares the command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addRemoteOptions, planFiles } from '../../remote-plan.js';
import type { RemotePlanOptions } from '../../remote-plan.js';

export interface ItemsOptions extends RemotePlanOptions {
  json?: boolean;
  status?: string[];
  kind?: string[];
  ready?: boolean;
  blocked?: boolean;
  actionable?: boolean;
  tag?: string[];
  assignee?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  const values = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return [...(previous ?? []), ...values];
}

export function registerItems(program: Command): void {
  addRemoteOptions(
    program
      .command('items')
    .description('list the items of a plan, with filters')
    .argument('[file]', 'plan file (Markdown)')
    .option('--status <status>', 'only items with this status (repeat or comma-separate for several)', collect)
    .option('--kind <kind>', 'only items of this kind: epic, phase, story, task, subtask, check', collect)
    .option('--ready', 'only items ready to start (open, every dependency done)')
    .option('--blocked', 'only blocked items (status blocked, or waiting for unfinished work)')
    .option('--actionable', 'only work items: no child items other than checks (what a board shows; epics and phases roll up)')
    .option('--tag <tag>', 'only items with this tag, e.g. P or US1 (repeat for all of several)', collect)
    .option('--assignee <name>', 'only items assigned to this person or team (case-insensitive)')
    .option('--json', 'print one JSON document (schema scrumdown/items@1)'),
  )
    .addHelpText(
      'after',
      `
Checks (acceptance criteria, definition of done) are items of kind "check"; they are listed
only with --kind check.

Examples:
  $ scrumdown items tasks.md --status todo,in_progress
  $ scrumdown items tasks.md --ready --tag P
  $ scrumdown items backlog.md --kind story --json`,
    )
    .action(async (file: string | undefined, options: ItemsOptions, command: Command) => {
      const { runItems } = await import('./run.js');
      const [path] = await planFiles(file === undefined ? [] : [file], options);
      await runItems(path, options, contextOf(command));
    });
}
