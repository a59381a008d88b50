// One `scrumdown watch` per folder. Two watchers of one folder would race each other over the same
// files and the same sync state, each pushing what the other just pulled. The first takes a lock
// file in the folder's state directory naming its process; a second stops with a message that
// names the first. A lock left by a process that has died (killed, or the machine restarted) is
// taken over, so a crash never needs manual cleanup on the machine that made it.
//
// The lock appears complete or not at all: its content is written to a temporary file that is
// then hard-linked to the lock's name, which fails when the name is taken.

import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ScrumdownError } from '../../errors.js';
import { STATE_FOLDER } from './state.js';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface FolderLock {
  /** Removes the lock, if it is still this process's. */
  release(): Promise<void>;
}

export function lockPath(dir: string): string {
  return join(dir, STATE_FOLDER, 'watch.lock');
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

/** Whether a process of this machine is running (a process of another user counts). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function readOwner(text: string): LockOwner | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string' && typeof parsed.since === 'string') return parsed as LockOwner;
  } catch {
    // Not a lock this program wrote: reported below like a live one, never removed.
  }
  return null;
}

/** Creates the lock with `content` unless the name is taken; false when it is. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content, { mode: 0o644 });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new ScrumdownError('io_error', `Cannot create ${path}: ${(error as Error).message}.`, { path });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Takes the watch lock of `dir`, or says which process holds it. */
export async function lockFolder(dir: string, now: () => Date = () => new Date()): Promise<FolderLock> {
  const path = lockPath(dir);
  await mkdir(join(dir, STATE_FOLDER), { recursive: true });
  const own: LockOwner = { pid: process.pid, host: hostname(), since: now().toISOString() };
  const content = `${JSON.stringify(own)}\n`;
  // Two tries: the second after removing a lock whose process is gone.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createExclusive(path, content)) {
      return {
        async release() {
          const current = await readFile(path, 'utf8').catch(() => '');
          if (current === content) await unlink(path).catch(() => undefined);
        },
      };
    }
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue; // released meanwhile
    const owner = readOwner(text);
    if (owner && owner.host === own.host && !processAlive(owner.pid)) {
      // Removed only if it still says the same, so a lock another process just took stays.
      const again = await readFile(path, 'utf8').catch(() => null);
      if (again === text) await unlink(path).catch(() => undefined);
      continue;
    }
    const who = owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'another program';
    throw new ScrumdownError(
      'conflict',
      `${dir} is already being watched by ${who}. Stop that watch first (Ctrl-C in its terminal); if it is no longer running, delete ${path}.`,
      { dir, path, ...(owner ? { pid: owner.pid, host: owner.host } : {}) },
    );
  }
  throw new ScrumdownError('conflict', `Could not take ${path}: another watch of ${dir} keeps taking it. Stop the other watch and try again.`, { dir, path });
}
