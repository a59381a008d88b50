// `scrumdown watch DIR --project P`: keeps a folder of plan files and a project's documents on the
// server in step until stopped (Ctrl-C). Declares the command; run.ts works.

import type { Command } from 'commander';
import { ScrumdownError } from '../../../errors.js';

export interface WatchCommandOptions {
  project: string;
  server?: string;
  interval: number;
}

function milliseconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 100 || parsed > 60_000) {
    throw new ScrumdownError('invalid_argument', `--interval ${value} is not a number of milliseconds from 100 to 60000, e.g. --interval 1000.`, { interval: value });
  }
  return parsed;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description("keep a folder's plan files and a project's documents on the server in step, both ways, until stopped")
    .argument('<dir>', 'the folder of Markdown plans')
    .requiredOption('--project <key>', 'the project, e.g. platform')
    .option('--server <url>', 'the server (default: the one you logged in to last)')
    .option('--interval <ms>', 'how often to ask the server for changes', milliseconds, 1000)
    .addHelpText(
      'after',
      `
A saved file is sent as its document's next version; a change made on the server (an item edited
by a teammate, a document replaced) is written into the file. Each file is its document of the
same name (path relative to DIR); new files become documents and new documents become files. What
was last agreed is kept in DIR/.scrumdown/. When the file and the server changed the same item,
the file keeps its text, the server's change is printed on stderr, and the item waits for
scrumdown resolve. .git, node_modules, hidden files and editor swap or backup files are ignored.

Examples:
  $ scrumdown watch plans --project platform
  $ scrumdown watch . --project platform --server https://plans.example.com`,
    )
    .action(async (dir: string, options: WatchCommandOptions) => {
      const { runWatch } = await import('./run.js');
      await runWatch(dir, options);
    });
}
