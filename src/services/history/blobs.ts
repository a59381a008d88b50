// Reads many blobs from one `git cat-file --batch` process, streaming: each blob is handed to the
// caller as soon as its bytes have arrived, so parsing one revision overlaps git reading the next.

import { spawn } from 'node:child_process';
import { ScrumdownError } from '../../errors.js';
import { gitFailure } from './git.js';
import type { GitOptions } from './git.js';

/** Calls `onBlob` for each hash, in order; a hash git does not have is an error. */
export function readBlobs(hashes: readonly string[], options: GitOptions, onBlob: (hash: string, bytes: Buffer) => void): Promise<void> {
  if (hashes.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn(options.git ?? 'git', ['cat-file', '--batch'], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let failed = false;
    const fail = (error: ScrumdownError): void => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => fail(gitFailure(['cat-file', '--batch'], { code: error.code })));
    child.stdin.on('error', () => undefined);

    let pending: Buffer[] = [];
    let pendingLength = 0;
    let next = 0;
    // The header of the blob being read, once it has arrived.
    let size = -1;
    const take = (length: number): Buffer => {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
      const head = all.subarray(0, length);
      const rest = all.subarray(length);
      pending = rest.length > 0 ? [rest] : [];
      pendingLength = rest.length;
      return head;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      pending.push(chunk);
      pendingLength += chunk.length;
      for (;;) {
        if (size < 0) {
          const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
          pending = [joined];
          const newline = joined.indexOf(10);
          if (newline < 0) return;
          const header = joined.subarray(0, newline).toString('utf8');
          take(newline + 1);
          const parts = header.split(' ');
          if (parts[1] === 'missing' || parts.length < 3) {
            fail(new ScrumdownError('git_error', `git has no object ${parts[0]} (the repository may be incomplete: run "git fetch" or "git fsck").`, { hash: parts[0] }));
            return;
          }
          size = Number(parts[2]);
        }
        // The blob and the newline after it.
        if (pendingLength < size + 1) return;
        const bytes = take(size + 1).subarray(0, size);
        size = -1;
        const hash = hashes[next++];
        try {
          onBlob(hash, bytes);
        } catch (error) {
          failed = true;
          child.kill();
          reject(error);
          return;
        }
      }
    });
    child.on('close', (code) => {
      if (failed) return;
      if (next < hashes.length) {
        fail(gitFailure(['cat-file', '--batch'], { code: code ?? undefined }, stderr || `git cat-file stopped after ${next} of ${hashes.length} blobs`));
        return;
      }
      resolve();
    });
    child.stdin.end(hashes.join('\n') + '\n');
  });
}
