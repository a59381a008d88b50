// `scrumdown next FILE`: what to work on next. Declares the command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf, wholeNumber } from '../../context.js';
import { addRemoteOptions, planFiles } from '../../remote-plan.js';
import type { RemotePlanOptions } from '../../remote-plan.js';

export interface NextOptions extends RemotePlanOptions {
  json?: boolean;
  limit?: number;
  concurrency?: number;
}

export function registerNext(program: Command): void {
  addRemoteOptions(
    program
      .command('next')
    .description('ready items ranked by critical path, priority, what they unblock and document order')
    .argument('[file]', 'plan file (Markdown)')
    .option('-n, --limit <n>', 'how many items to list (default 5)', wholeNumber('-n', 1))
    .option('--concurrency <k>', 'pick K items that can run side by side', wholeNumber('--concurrency', 1))
    .option('--json', 'print one JSON document (schema scrumdown/next@1)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown next tasks.md
  $ scrumdown next tasks.md -n 10
  $ scrumdown next tasks.md --concurrency 3     three items for three people`,
    )
    .action(async (file: string | undefined, options: NextOptions, command: Command) => {
      const { runNext } = await import('./run.js');
      const [path] = await planFiles(file === undefined ? [] : [file], options);
      await runNext(path, options, contextOf(command));
    });
}
