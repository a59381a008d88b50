// Runs `scrumdown backup`: opens the database, writes the backup, prints what it holds.

import { ScrumdownError } from '../../../errors.js';
import { backupDatabase } from '../../../services/backup.js';
import { resolveDatabaseUrl, withDatabase } from '../../../services/migrate.js';
import { formatNumber, printJson, printLines } from '../../output.js';
import type { BackupOptions } from './index.js';

export async function runBackup(options: BackupOptions): Promise<void> {
  if (!options.out) throw new ScrumdownError('invalid_argument', 'backup needs the file to write: scrumdown backup --out FILE', {});
  const out = options.out;
  const started = performance.now();
  const summary = await withDatabase(resolveDatabaseUrl(options.db), (handle) => backupDatabase(handle, out));
  const seconds = (performance.now() - started) / 1000;
  if (options.json) return printJson('backup', { ...summary, seconds: Number(seconds.toFixed(3)) });
  printLines([
    `Backed up ${summary.database} (schema ${summary.schemaVersion}) to ${summary.file}`,
    `  ${formatNumber(summary.rows)} rows in ${summary.tables.length} tables, ${megabytes(summary.bytes)} in ${seconds.toFixed(1)} s`,
    ...summary.tables.filter((table) => table.rows > 0).map((table) => `  ${table.table.padEnd(16)} ${formatNumber(table.rows).padStart(10)}`),
  ]);
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
