// A throwaway git repository for history tests: every git call runs with a pinned environment
// (no global or system configuration, fixed author and committer, fixed dates), so the same
// script makes the same commits on any machine.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Person {
  name: string;
  email: string;
}

export interface ScriptedRepo {
  dir: string;
  /** The environment every git call uses; pass it to readPlanHistory too. */
  env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /** Stages everything and commits at `date` (ISO) as `author`; returns the commit hash. */
  commit(message: string, date: string, author: Person): string;
  remove(): void;
}

export function gitEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'),
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
    TZ: 'UTC',
  };
}

export function createRepo(prefix = 'scrumdown-history-'): ScriptedRepo {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(root, 'repo');
  const home = join(root, 'home');
  mkdirSync(dir);
  mkdirSync(home);
  const env = gitEnvironment(home);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Setup', '-c', 'user.email=setup@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  git('init', '-q');
  return {
    dir,
    env,
    git,
    write(path: string, text: string): void {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message: string, date: string, author: Person): string {
      git('add', '-A');
      execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
        cwd: dir,
        env: {
          ...env,
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: author.name,
          GIT_COMMITTER_EMAIL: author.email,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return git('rev-parse', 'HEAD').trim();
    },
    remove(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
