// `scrumdown migrate [--db URL] [--status]`: brings the team server's database schema up to date,
// or lists what is pending. Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface MigrateOptions {
  db?: string;
  status?: boolean;
  json?: boolean;
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description("bring the team server's database schema up to date")
    .option('--db <url>', 'database: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/NAME (default: $SCRUMDOWN_DATABASE_URL, else sqlite:./scrumdown.db)')
    .option('--status', 'list applied and pending migrations without running any')
    .option('--json', 'print JSON (schema scrumdown/migrate@1)')
    .addHelpText(
      'after',
      `
Each migration runs in its own transaction; running migrate again when nothing is pending
changes nothing. The server also migrates at start. Exit 2 when the database cannot be reached,
the URL is wrong, or a migration fails (it is rolled back).

Examples:
  $ scrumdown migrate
  $ scrumdown migrate --status --db postgres://scrumdown:secret@db:5432/scrumdown`,
    )
    .action(async (options: MigrateOptions) => {
      const { runMigrate } = await import('./run.js');
      await runMigrate(options);
    });
}
