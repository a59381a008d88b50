// `scrumdown restore FILE [--db URL]`: loads a backup into an empty database of either kind.
// Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface RestoreOptions {
  db?: string;
  json?: boolean;
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('load a backup file into an empty database (SQLite or PostgreSQL)')
    .argument('<file>', 'a file written by "scrumdown backup"')
    .option('--db <url>', 'database: sqlite:PATH or postgres://… (default: $SCRUMDOWN_DATABASE_URL, else sqlite:./scrumdown.db)')
    .option('--json', 'print the summary as JSON (schema scrumdown/restore@1)')
    .addHelpText(
      'after',
      `
The database must be empty: new, or migrated with no rows. All rows load in one transaction, so
a damaged file or a failure leaves the database as it was. A backup from an older schema is
loaded at its schema, then migrated to the latest; one from a newer scrumdown is refused.
Moving from the embedded database to PostgreSQL is a backup and a restore.

Examples:
  $ scrumdown restore backup.jsonl --db sqlite:./restored.db
  $ scrumdown backup --out move.jsonl && scrumdown restore move.jsonl --db postgres://scrumdown:secret@db/scrumdown`,
    )
    .action(async (file: string, options: RestoreOptions) => {
      const { runRestore } = await import('./run.js');
      await runRestore(file, options);
    });
}
