// Running the git program: always with an argument array (never through a shell), with a
// bounded output size, and with every failure turned into one ScrumdownError (`git_error`) that
// says what is missing and how to fix it.

import { execFile } from 'node:child_process';
import { ScrumdownError } from '../../errors.js';

export interface GitOptions {
  cwd: string;
  /** Environment for git; the caller's own by default. */
  env?: NodeJS.ProcessEnv;
  /** The git program; `git` on the PATH by default. */
  git?: string;
}

interface ExecFailure {
  code?: string | number;
  stderr?: string;
}

/** Largest output a single git command may print (a `git log` of a long history fits easily). */
const MAX_OUTPUT = 512 * 1024 * 1024;

/** Runs git and returns its standard output; a non-zero exit becomes a `git_error`. */
export function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      options.git ?? 'git',
      args as string[],
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        if (error) reject(gitFailure(args, error as ExecFailure, stderr));
        else resolve(stdout);
      },
    );
  });
}

export function gitFailure(args: readonly string[], error: ExecFailure, stderr = ''): ScrumdownError {
  if (error.code === 'ENOENT') {
    return new ScrumdownError('git_error', 'git is not installed or not on the PATH, so the plan\'s history cannot be read. Install git (https://git-scm.com) and run the command again.', {
      missing: 'git',
    });
  }
  const said = (stderr || error.stderr || '').trim().split('\n')[0] ?? '';
  return new ScrumdownError('git_error', `git ${args[0]} failed${said ? `: ${said}` : ''}.`, { args: [...args], stderr: said });
}
