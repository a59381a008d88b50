// Where convert and export put their result: stdout, or a file written atomically, and an
// existing file only when --force says so (a plan is never replaced by accident).

import { stat } from 'node:fs/promises';
import { ScrumdownError } from '../../../errors.js';
import { writeFileAtomic } from '../../../services/file-io.js';

export interface OutputOptions {
  out?: string;
  force?: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses an existing --out without --force; called before any work, and again before writing. */
export async function assertOutputFree(options: OutputOptions): Promise<void> {
  if (options.out !== undefined && !options.force && (await exists(options.out))) {
    throw new ScrumdownError('invalid_argument', `${options.out} already exists; nothing was written. Add --force to replace it, or choose another --out.`, { path: options.out });
  }
}

/** Prints `text`, or writes it to --out and says so on stderr (`done` describes what was written). */
export async function writeOutput(text: string, options: OutputOptions, done: string): Promise<void> {
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  await assertOutputFree(options);
  await writeFileAtomic(options.out, new TextEncoder().encode(text));
  process.stderr.write(`${done} to ${options.out}.\n`);
}
