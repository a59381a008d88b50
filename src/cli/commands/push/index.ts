// `scrumdown push FILE --project P`: uploads a plan file into a project on the server (a new
// document, or the next version of the one with that name), with `--with-history` its history
// from git too. Declares the command; run.ts works.

import type { Command } from 'commander';

export interface PushOptions {
  project: string;
  server?: string;
  name?: string;
  withHistory?: boolean;
  json?: boolean;
}

export function registerPush(program: Command): void {
  program
    .command('push')
    .description("upload a plan file to a project on the server (replaces the project's document of that name)")
    .argument('<file>', 'plan file (Markdown)')
    .requiredOption('--project <key>', 'the project, e.g. platform')
    .option('--server <url>', 'the server (default: the one you logged in to last)')
    .option('--name <name>', "the document's name in the project (default: the file's name)")
    .option('--with-history', "send the file's history from git too: the document's item history and charts then start at its first commit")
    .option('--json', 'print one JSON document (schema scrumdown/push@1)')
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown push tasks.md --project platform
  $ scrumdown push specs/auth/tasks.md --project platform --name auth-tasks.md
  $ scrumdown push tasks.md --project platform --with-history`,
    )
    .action(async (file: string, options: PushOptions) => {
      const { runPush } = await import('./run.js');
      await runPush(file, options);
    });
}
