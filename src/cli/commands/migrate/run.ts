// Runs `scrumdown migrate`: applies pending migrations and says which ran, or (--status) lists
// applied and pending ones.

import { migrateDatabase, migrationStatus, resolveDatabaseUrl } from '../../../services/migrate.js';
import { printJson, printLines } from '../../output.js';
import type { MigrateOptions } from './index.js';

export async function runMigrate(options: MigrateOptions): Promise<void> {
  const url = resolveDatabaseUrl(options.db);
  if (options.status) {
    const status = await migrationStatus(url);
    if (options.json) return printJson('migrate', { mode: 'status', ...status });
    printLines([
      `Database ${status.database}`,
      ...status.applied.map((migration) => `  applied  ${migration.name}  (${migration.executedAt})`),
      ...status.pending.map((name) => `  pending  ${name}`),
      status.pending.length === 0
        ? 'Up to date: nothing pending.'
        : `${status.pending.length} pending migration${status.pending.length === 1 ? '' : 's'}: run "scrumdown migrate" to apply.`,
    ]);
    return;
  }
  const run = await migrateDatabase(url);
  if (options.json) return printJson('migrate', { mode: 'apply', ...run });
  printLines([
    `Database ${run.database}`,
    ...run.applied.map((name) => `  applied  ${name}`),
    run.applied.length === 0
      ? `Up to date: nothing to apply (latest ${run.latest ?? 'none'}).`
      : `Applied ${run.applied.length} migration${run.applied.length === 1 ? '' : 's'}; latest ${run.latest}.`,
  ]);
}
