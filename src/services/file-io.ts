// Plan files on disk: reading their bytes within the size limit, and replacing them atomically
// (temp file in the same folder, fsync, rename) so a crash never leaves half a file behind.
// Every failure becomes a ScrumdownError naming the path and the fix. Nothing here reads a plan's
// meaning (that is plan-file.ts), so commands that only write files load no engine.

import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ScrumdownError } from '../errors.js';

/** Plans larger than this are refused before a byte is read. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

interface NodeError {
  code?: string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as NodeError).code : undefined;
}

function describeFailure(path: string, error: unknown, doing: string): ScrumdownError {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ScrumdownError('file_not_found', `${path}: no such file. Check the path (it is relative to ${process.cwd()}).`, { path });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ScrumdownError('io_error', `${path}: permission denied while ${doing}. Check the file's permissions (ls -l ${path}).`, { path, cause: code });
  }
  if (code === 'EISDIR') {
    return notAFile(path, 'a directory');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ScrumdownError('io_error', `${path}: could not finish ${doing} (${reason}).`, { path, cause: code ?? reason });
}

function notAFile(path: string, what: string): ScrumdownError {
  return new ScrumdownError('not_a_file', `${path} is ${what}, not a plan file. Give the path of a Markdown file, e.g. ${join(path, 'tasks.md')}.`, { path });
}

/** Reads a plan file's bytes after checking what it is and how big it is. */
export async function readPlanBytes(path: string): Promise<{ bytes: Uint8Array; mode: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw describeFailure(path, error, 'looking at the file');
  }
  if (info.isDirectory()) throw notAFile(path, 'a directory');
  if (!info.isFile()) throw notAFile(path, 'a special file (device, socket or pipe)');
  if (info.size > MAX_PLAN_BYTES) throw tooLarge(path, info.size);

  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    // Read at most one byte past the limit, so a file that grew since stat is still refused.
    const buffer = Buffer.allocUnsafe(Math.min(info.size, MAX_PLAN_BYTES) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > MAX_PLAN_BYTES) throw tooLarge(path, filled);
        break;
      }
    }
    return { bytes: buffer.subarray(0, filled), mode: info.mode & 0o7777 };
  } catch (error) {
    if (error instanceof ScrumdownError) throw error;
    throw describeFailure(path, error, 'reading the file');
  } finally {
    await handle?.close();
  }
}

function tooLarge(path: string, size: number): ScrumdownError {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return new ScrumdownError(
    'file_too_large',
    `${path} is ${megabytes} MB; scrumdown reads plans up to 50 MB. Split the plan into several files.`,
    { path, size, limit: MAX_PLAN_BYTES },
  );
}

export interface WriteOptions {
  /** Permission bits for the file; the current file's are kept when omitted. */
  mode?: number;
  /** The bytes the file is expected to hold now; when it holds others, nothing is written. */
  expected?: Uint8Array;
}

/**
 * Replaces a file's content atomically: a temp file in the same folder is written, synced and
 * renamed over the target, so readers see the old bytes or the new ones, never a mix. A symlink
 * is followed and its target replaced; a missing file is created (mode 644 unless given). The
 * temp file is removed on any failure.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  let target: string;
  let exists = true;
  try {
    target = await realpath(path);
  } catch (error) {
    // A file that does not exist yet is created the same way (converted plans, exports).
    if (errorCode(error) !== 'ENOENT' || options.expected) throw describeFailure(path, error, 'resolving the file');
    target = path;
    exists = false;
  }
  let mode = options.mode;
  if (mode === undefined && !exists) mode = 0o644;
  if (mode === undefined) {
    try {
      mode = (await stat(target)).mode & 0o7777;
    } catch (error) {
      throw describeFailure(path, error, 'looking at the file');
    }
  }
  if (options.expected) await assertUnchanged(path, target, options.expected);

  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode);
    await handle.writeFile(bytes);
    // The umask may have narrowed the mode given to open; set it exactly.
    await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw describeFailure(path, error, 'writing the file');
  }
  await syncDirectory(dirname(target));
}

async function assertUnchanged(path: string, target: string, expected: Uint8Array): Promise<void> {
  const { bytes } = await readPlanBytes(target).catch((error: unknown) => {
    throw error instanceof ScrumdownError ? error : describeFailure(path, error, 'reading the file');
  });
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(expected)) {
    throw new ScrumdownError('stale_edit', `${path} changed on disk while scrumdown was editing it; nothing was written. Run the command again.`, { path });
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder, which is harmless. */
async function syncDirectory(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort only: the rename has happened either way.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
