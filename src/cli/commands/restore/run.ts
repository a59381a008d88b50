// Runs `scrumdown restore`: opens the database, loads the backup, prints what it loaded.

import { restoreDatabase } from '../../../services/backup.js';
import { resolveDatabaseUrl, withDatabase } from '../../../services/migrate.js';
import { formatNumber, printJson, printLines } from '../../output.js';
import type { RestoreOptions } from './index.js';

export async function runRestore(file: string, options: RestoreOptions): Promise<void> {
  const started = performance.now();
  const summary = await withDatabase(resolveDatabaseUrl(options.db), (handle) => restoreDatabase(handle, file));
  const seconds = (performance.now() - started) / 1000;
  if (options.json) return printJson('restore', { ...summary, seconds: Number(seconds.toFixed(3)) });
  printLines([
    `Restored ${summary.file} (schema ${summary.schemaVersion}, taken ${summary.createdAt} from ${summary.source}) into ${summary.database}`,
    `  ${formatNumber(summary.rows)} rows in ${summary.tables.length} tables in ${seconds.toFixed(1)} s`,
    ...summary.tables.filter((table) => table.rows > 0).map((table) => `  ${table.table.padEnd(16)} ${formatNumber(table.rows).padStart(10)}`),
    ...(summary.migratedAfter.length > 0 ? [`  then migrated: ${summary.migratedAfter.join(', ')}`] : []),
  ]);
}
