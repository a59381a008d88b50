// `scrumdown backup --out FILE [--db URL]`: a consistent online backup of the team server's
// database into one portable file. Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface BackupOptions {
  out?: string;
  db?: string;
  json?: boolean;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description("write the team server's database to one portable file (JSON lines), online")
    .requiredOption('--out <file>', 'the backup file to write (replaced atomically when complete)')
    .option('--db <url>', 'database: sqlite:PATH or postgres://… (default: $SCRUMDOWN_DATABASE_URL, else sqlite:./scrumdown.db)')
    .option('--json', 'print the summary as JSON (schema scrumdown/backup@1)')
    .addHelpText(
      'after',
      `
The backup reads one snapshot, so the server keeps serving and writing meanwhile. The file
(mode 0600: it holds password and token hashes) restores into SQLite or PostgreSQL with
"scrumdown restore".

Examples:
  $ scrumdown backup --out backups/scrumdown-$(date +%F).jsonl
  $ scrumdown backup --db postgres://scrumdown:secret@db/scrumdown --out pg.jsonl`,
    )
    .action(async (options: BackupOptions) => {
      const { runBackup } = await import('./run.js');
      await runBackup(options);
    });
}
