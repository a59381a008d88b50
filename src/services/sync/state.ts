// What a synced folder remembers, in `DIR/.scrumdown/`: `sync.json` maps each server document
// (by id, so a renamed file keeps its document) to its file, the version both last agreed on,
// hashes, and the conflicts waiting for `resolve`; `base/<id>` holds the bytes of that agreed
// version, the base of the next three-way merge. Every write is atomic.

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScrumdownError } from '../../errors.js';
import { writeFileAtomic } from '../file-io.js';
import type { MergeConflict } from './merge.js';

export const STATE_FOLDER = '.scrumdown';

export interface SyncConflict extends MergeConflict {
  /** The server version whose change was not applied. */
  serverVersion: number;
  /** What the server changed, field by field, where the engine can tell ("status todo → done"). */
  changes: string[];
  at: string;
}

export interface SyncedDocument {
  /** The document's name on the server. */
  name: string;
  /** The file, relative to the folder with `/` separators; null once the file was deleted. */
  path: string | null;
  /** The server version of the base. */
  version: number;
  /** SHA-256 of the base bytes. */
  hash: string;
  /** SHA-256 of the file as sync last saw or wrote it (finds it again after a rename). */
  fileHash: string;
  conflicts: SyncConflict[];
}

export interface SyncState {
  format: 1;
  server: string;
  project: string;
  /** By document id. */
  documents: Record<string, SyncedDocument>;
}

export function statePath(dir: string): string {
  return join(dir, STATE_FOLDER, 'sync.json');
}

function basePath(dir: string, id: string): string {
  return join(dir, STATE_FOLDER, 'base', encodeURIComponent(id));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function corrupt(dir: string, why: string): ScrumdownError {
  return new ScrumdownError('invalid_config', `${statePath(dir)} ${why}. Delete the ${join(dir, STATE_FOLDER)} folder to sync the folder afresh.`, { path: statePath(dir) });
}

/** The folder's sync state, or null when it was never synced. */
export async function readSyncState(dir: string): Promise<SyncState | null> {
  let text: string;
  try {
    text = await readFile(statePath(dir), 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw new ScrumdownError('io_error', `Cannot read ${statePath(dir)}: ${(error as Error).message}.`, { path: statePath(dir) });
  }
  let parsed: Partial<SyncState>;
  try {
    parsed = JSON.parse(text) as Partial<SyncState>;
  } catch {
    throw corrupt(dir, 'is not valid JSON');
  }
  if (parsed.format !== 1 || typeof parsed.server !== 'string' || typeof parsed.project !== 'string' || typeof parsed.documents !== 'object' || parsed.documents === null) {
    throw corrupt(dir, 'is not a scrumdown sync state');
  }
  return parsed as SyncState;
}

export async function writeSyncState(dir: string, state: SyncState): Promise<void> {
  await mkdir(join(dir, STATE_FOLDER), { recursive: true });
  await writeFileAtomic(statePath(dir), new TextEncoder().encode(`${JSON.stringify(state, null, 2)}\n`));
}

export async function readBase(dir: string, id: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(basePath(dir, id)));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw new ScrumdownError('io_error', `Cannot read ${basePath(dir, id)}: ${(error as Error).message}.`, { path: basePath(dir, id) });
  }
}

export async function writeBase(dir: string, id: string, bytes: Uint8Array): Promise<void> {
  await mkdir(join(dir, STATE_FOLDER, 'base'), { recursive: true });
  await writeFileAtomic(basePath(dir, id), bytes);
}
