// Where the key that signs access tokens comes from. Given in SCRUMDOWN_JWT_SECRET it is used as
// is. Otherwise, on the embedded SQLite database, a random key is generated once and kept in a
// file beside the database (mode 0600), so that sign-ins survive a restart without any setup;
// an in-memory database gets a key that lives as long as the process.

import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ScrumdownError } from '../errors.js';
import type { CheckedConfig, ServerConfig } from './config.js';

/** The file beside an SQLite database that keeps its generated secret. */
export function secretFileFor(databasePath: string): string {
  return `${resolve(databasePath)}.jwt-secret`;
}

export async function resolveJwtSecret(checked: CheckedConfig): Promise<ServerConfig> {
  const { jwtSecretText, ...rest } = checked;
  if (jwtSecretText !== undefined) {
    return { ...rest, jwtSecret: new TextEncoder().encode(jwtSecretText), jwtSecretSource: 'environment' };
  }
  if (checked.database.dialect !== 'sqlite') {
    // checkConfig refuses this combination; kept as a guard for callers that skip it.
    throw new ScrumdownError('invalid_config', 'SCRUMDOWN_JWT_SECRET is not set: with PostgreSQL every server instance must share one secret.');
  }
  if (checked.database.target === ':memory:') {
    return { ...rest, jwtSecret: randomBytes(48), jwtSecretSource: 'memory' };
  }
  return { ...rest, jwtSecret: await readOrCreateSecretFile(secretFileFor(checked.database.target)), jwtSecretSource: 'file' };
}

async function readOrCreateSecretFile(path: string): Promise<Uint8Array> {
  const fresh = randomBytes(48).toString('base64url');
  try {
    // The database's folder may not exist yet: the database is opened (and its folder made) later.
    await mkdir(dirname(path), { recursive: true });
    // 'wx' fails if the file exists, so two servers starting together agree on one secret.
    await writeFile(path, fresh + '\n', { flag: 'wx', mode: 0o600 });
    return new TextEncoder().encode(fresh);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new ScrumdownError('invalid_config', `Cannot create the JWT secret file ${path}: ${(error as Error).message}. Check the folder's permissions or set SCRUMDOWN_JWT_SECRET.`, { path });
    }
  }
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
    // Someone may have loosened it; the secret is as good as a password for every account.
    await chmod(path, 0o600);
  } catch (error) {
    throw new ScrumdownError('invalid_config', `Cannot read the JWT secret file ${path}: ${(error as Error).message}. Check its permissions or set SCRUMDOWN_JWT_SECRET.`, { path });
  }
  if (Buffer.byteLength(text, 'utf8') < 32) {
    throw new ScrumdownError('invalid_config', `The JWT secret file ${path} holds fewer than 32 bytes. Delete it to generate a new one (everyone signs in again) or set SCRUMDOWN_JWT_SECRET.`, { path });
  }
  return new TextEncoder().encode(text);
}
