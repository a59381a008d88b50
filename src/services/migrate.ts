// Bringing a database's schema up to date, and saying how far it is: the work behind
// `scrumdown migrate`, shared with anything else that needs the database URL the same way
// (--db, then SCRUMDOWN_DATABASE_URL, then the embedded default).

import { migrateToLatest, migrationList, openDatabase } from '../store/database.js';
import type { DatabaseHandle } from '../store/database.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./scrumdown.db';

/** The database URL a command should use: its --db option, SCRUMDOWN_DATABASE_URL, or the default. */
export function resolveDatabaseUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromOption = option?.trim();
  if (fromOption) return fromOption;
  const fromEnv = env.SCRUMDOWN_DATABASE_URL?.trim();
  return fromEnv || DEFAULT_DATABASE_URL;
}

/** Opens the database at `url`, runs `work`, and closes it whatever happens. */
export async function withDatabase<T>(url: string, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(url);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

export interface MigrationRun {
  database: string;
  /** Migrations this run applied, in order. */
  applied: string[];
  /** The latest migration the database now has. */
  latest: string | undefined;
}

export async function migrateDatabase(url: string): Promise<MigrationRun> {
  return withDatabase(url, async (handle) => {
    const { applied } = await migrateToLatest(handle);
    const list = await migrationList(handle);
    return { database: handle.display, applied, latest: list.filter((migration) => migration.executedAt).at(-1)?.name };
  });
}

export interface MigrationStatus {
  database: string;
  applied: { name: string; executedAt: string }[];
  pending: string[];
}

export async function migrationStatus(url: string): Promise<MigrationStatus> {
  return withDatabase(url, async (handle) => {
    const list = await migrationList(handle);
    return {
      database: handle.display,
      applied: list.flatMap((migration) => (migration.executedAt ? [{ name: migration.name, executedAt: migration.executedAt.toISOString() }] : [])),
      pending: list.filter((migration) => !migration.executedAt).map((migration) => migration.name),
    };
  });
}
