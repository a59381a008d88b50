// `scrumdown resolve DIR [FILE] --take file|server [ITEM…]`: settles the conflicts `watch`
// recorded, for one file or all, for the items named or all. Declares the command; run.ts works.

import { Option } from 'commander';
import type { Command } from 'commander';

export interface ResolveOptions {
  take: 'file' | 'server';
}

export function registerResolve(program: Command): void {
  program
    .command('resolve')
    .description('settle the conflicts watch left: keep the file\'s text or take the server\'s, per item')
    .argument('<dir>', 'the watched folder')
    .argument('[file-or-ids...]', 'a synced file (optional), then the ids of the items to settle (default: every conflict)')
    .addOption(new Option('--take <side>', 'whose text wins').choices(['file', 'server']).makeOptionMandatory())
    .addHelpText(
      'after',
      `
--take file keeps the file as it is; watch then sends it to the server. --take server writes the
server's text of those items into the file. Works offline; a running watch picks the result up.

Examples:
  $ scrumdown resolve plans --take server                 every conflict in the folder
  $ scrumdown resolve plans tasks.md --take file T004 T007`,
    )
    .action(async (dir: string, targets: string[], options: ResolveOptions) => {
      const { runResolve } = await import('./run.js');
      await runResolve(dir, targets, options);
    });
}
