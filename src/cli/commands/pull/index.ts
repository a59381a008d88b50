// `scrumdown pull --project P [FILE]`: writes a project's document (every change made on the
// server applied) to a file, atomically. Declares the command; run.ts works.

import type { Command } from 'commander';

export interface PullOptions {
  project: string;
  server?: string;
  document?: string;
}

export function registerPull(program: Command): void {
  program
    .command('pull')
    .description("write a project's document from the server to a file (atomically)")
    .argument('[file]', "where to write it (default: the document's name in the current folder)")
    .requiredOption('--project <key>', 'the project, e.g. platform')
    .option('--server <url>', 'the server (default: the one you logged in to last)')
    .option('--document <name>', 'which document, when the project has several (default: the file name, else the only one)')
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown pull --project platform                 writes tasks.md (the project's only document)
  $ scrumdown pull --project platform plan.md --document tasks.md`,
    )
    .action(async (file: string | undefined, options: PullOptions) => {
      const { runPull } = await import('./run.js');
      await runPull(file, options);
    });
}
