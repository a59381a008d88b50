// `scrumdown show FILE ID`: everything about one item. Declares the command; the work is in run.ts.

import type { Command } from 'commander';
import { ScrumdownError } from '../../../errors.js';
import { contextOf } from '../../context.js';
import { addRemoteOptions, planFiles } from '../../remote-plan.js';
import type { RemotePlanOptions } from '../../remote-plan.js';

export interface ShowOptions extends RemotePlanOptions {
  json?: boolean;
}

export function registerShow(program: Command): void {
  addRemoteOptions(
    program
      .command('show')
    .description('every field of one item, its checks, dependencies both ways and its place on the critical path')
    .argument('[file]', 'plan file (Markdown); left out with --project')
    .argument('[id]', 'item ID as the plan writes it (T012, DEVOPS-004, 2.1, US-003) or one of its aliases')
    .option('--json', 'print one JSON document (schema scrumdown/show@1)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown show tasks.md T012
  $ scrumdown show backlog.md DEVOPS-004 --json`,
    )
    .action(async (first: string | undefined, second: string | undefined, options: ShowOptions, command: Command) => {
      // With --project the only argument is the id.
      const [file, id] = options.project === undefined ? [first, second] : [undefined, second ?? first];
      if (id === undefined) throw new ScrumdownError('invalid_argument', "missing required argument 'id': scrumdown show FILE ID, or scrumdown show ID --project KEY.", {});
      const [path] = await planFiles(file === undefined ? [] : [file], options);
      const { runShow } = await import('./run.js');
      await runShow(path, id, options, contextOf(command));
    });
}
