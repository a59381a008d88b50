// Reads a plan's history from git: the commits that touched the file (renames followed), each
// revision parsed once per blob (cached on disk under .git/scrumdown/), and the timeline of
// every item built from them. A second run resumes from the cached timeline and reads only the
// commits that came after it. Git failures say what is missing: git itself, a repository, a
// commit of the file; a shallow clone is read as far as it goes, with a warning.

import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ScrumdownError } from '../../errors.js';
import { decodeBytes, looksBinary } from '../../engine/decode.js';
import { summarizeBytes } from '../../engine/history/incremental.js';
import type { TextRevision } from '../../engine/history/incremental.js';
import { advanceTimeline, emptyTimeline } from '../../engine/history/timeline.js';
import type { TimelineState } from '../../engine/history/timeline.js';
import type { PlanRevision, Timeline } from '../../engine/history/types.js';
import { readBlobs } from './blobs.js';
import { sharedEndsNative } from './bytes.js';
import { HistoryCache } from './cache.js';
import { runGit } from './git.js';
import type { GitOptions } from './git.js';
import { listFileCommits } from './log.js';
import type { FileCommit } from './log.js';

export interface HistoryOptions {
  /** Walk every parent of merges (commit-date order) instead of the first-parent line. */
  allParents?: boolean;
  /** Use the on-disk cache (default true). */
  cache?: boolean;
  /** Where the cache lives; default `<git dir>/scrumdown/history`. */
  cacheDir?: string;
  /** Environment for git (tests pin HOME and config). */
  env?: NodeJS.ProcessEnv;
  /** The git program (default `git` on the PATH). */
  git?: string;
}

export interface HistoryStats {
  commits: number;
  /** Commits taken from the cached timeline without reading them again. */
  resumed: number;
  /** Distinct revisions parsed in this run, and read from the revision cache. */
  parsed: number;
  cached: number;
  /** Of the parsed revisions, how many were parsed whole and how many only in the part that changed. */
  parsedWhole: number;
  parsedPartly: number;
}

export interface PlanHistory {
  file: string;
  /** The repository's top folder and the file's path in it at the latest commit. */
  repository: string;
  path: string;
  timeline: Timeline;
  warnings: string[];
  stats: HistoryStats;
}

const EMPTY: PlanRevision = { items: [] };

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? '0';
  } catch {
    return '0';
  }
}

function resolveFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    throw new ScrumdownError('file_not_found', `${file}: no such file. Check the path (it is relative to ${process.cwd()}).`, { path: file });
  }
}

async function repositoryOf(file: string, git: GitOptions): Promise<{ top: string; gitDir: string; shallow: boolean }> {
  let output: string;
  try {
    output = await runGit(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'], git);
  } catch (error) {
    if (error instanceof ScrumdownError && error.details.missing === 'git') throw error;
    const said = error instanceof ScrumdownError ? String(error.details.stderr ?? '') : '';
    if (/not a git repository/i.test(said)) {
      throw new ScrumdownError('git_error', `${file} is not in a git repository, so it has no history to read. Commit the plan to git (git init; git add ${basename(file)}; git commit) to start one.`, {
        missing: 'repository',
        path: file,
      });
    }
    throw error;
  }
  const [top, gitDir, shallow] = output.trim().split('\n');
  return { top, gitDir, shallow: shallow === 'true' };
}

function neverCommitted(file: string): ScrumdownError {
  return new ScrumdownError('git_error', `${file} has never been committed, so it has no history yet. Commit it (git add ${basename(file)} && git commit) to start its history.`, {
    missing: 'commit',
    path: file,
  });
}

/** Valid UTF-8 decodes the same through Buffer (a BOM kept, as decodeBytes keeps it), and faster. */
function decodeText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : decodeBytes(bytes).text;
}

/** Parses one revision, reusing the unchanged parts of the revision parsed before it. */
function parseRevision(bytes: Buffer, path: string, previous: TextRevision | null, warnings: string[], stats: HistoryStats): TextRevision | null {
  if (looksBinary(bytes)) {
    warnings.push(`${path}: a committed version is not text and was read as an empty plan.`);
    return null;
  }
  const counts = { whole: 0, partial: 0 };
  const parsed = summarizeBytes(bytes, path, previous, decodeText, counts, sharedEndsNative);
  stats.parsedWhole += counts.whole;
  stats.parsedPartly += counts.partial;
  return parsed;
}

export async function readPlanHistory(file: string, options: HistoryOptions = {}): Promise<PlanHistory> {
  const absolute = resolveFile(file);
  const git: GitOptions = { cwd: dirname(absolute), env: options.env, git: options.git };
  const repository = await repositoryOf(file, git);
  let commits: FileCommit[];
  try {
    commits = await listFileCommits(basename(absolute), { ...git, allParents: options.allParents });
  } catch (error) {
    if (error instanceof ScrumdownError && /does not have any commits|bad default revision|unknown revision/i.test(String(error.details.stderr ?? ''))) throw neverCommitted(file);
    throw error;
  }
  if (commits.length === 0) throw neverCommitted(file);
  const warnings: string[] = [];
  if (repository.shallow) {
    warnings.push(
      `The repository is a shallow clone, so the history of ${file} starts at ${commits[0].date.slice(0, 10)} (commit ${commits[0].hash.slice(0, 7)}); run "git fetch --unshallow" to read all of it.`,
    );
  }

  const cache = options.cache === false ? null : new HistoryCache(options.cacheDir ?? join(repository.gitDir, 'scrumdown', 'history'), packageVersion());
  const path = commits[commits.length - 1].path ?? basename(absolute);
  const key = `${path}\u0000${options.allParents ? 'all-parents' : 'first-parent'}`;
  const { state, resumed, lastBlob } = resume(cache, key, commits);
  const stats: HistoryStats = { commits: commits.length, resumed, parsed: 0, cached: 0, parsedWhole: 0, parsedPartly: 0 };

  const todo = commits.slice(resumed);
  // How many later commits still need each blob, so parsed revisions are dropped once used.
  const uses = new Map<string, number>();
  for (const commit of todo) if (commit.blob) uses.set(commit.blob, (uses.get(commit.blob) ?? 0) + 1);
  const ready = new Map<string, PlanRevision>();
  const wanted: string[] = [];
  const wantedSet = new Set<string>();
  for (const blob of uses.keys()) {
    if (blob === lastBlob && state.last) ready.set(blob, state.last.revision);
    else if (!cache || !cache.hasRevision(blob)) {
      wanted.push(blob);
      wantedSet.add(blob);
    }
  }

  let cursor = 0;
  let currentBlob = lastBlob;
  const drain = (): void => {
    while (cursor < todo.length) {
      const commit = todo[cursor];
      let revision: PlanRevision | undefined;
      if (commit.blob === null) revision = EMPTY;
      else if (commit.blob === currentBlob && state.last) revision = state.last.revision;
      else {
        revision = ready.get(commit.blob);
        if (!revision && cache && !wantedSet.has(commit.blob)) {
          revision = cache.readRevision(commit.blob);
          if (revision) {
            stats.cached++;
            ready.set(commit.blob, revision);
          } else {
            // Listed as cached but unreadable: parse it after all.
            wanted.push(commit.blob);
            wantedSet.add(commit.blob);
          }
        }
      }
      if (!revision) return;
      const { blob, ...meta } = commit;
      advanceTimeline(state, { commit: meta, revision });
      currentBlob = blob;
      if (blob) {
        const left = (uses.get(blob) ?? 1) - 1;
        uses.set(blob, left);
        if (left === 0) ready.delete(blob);
      }
      cursor++;
    }
  };

  drain();
  let lastParsed: TextRevision | null = null;
  // Blobs found unreadable in the cache are added to `wanted` while draining; read in rounds.
  for (let read = 0; cursor < todo.length && read < wanted.length; ) {
    const round = wanted.slice(read);
    read = wanted.length;
    await readBlobs(round, git, (blob, bytes) => {
      const parsed = parseRevision(bytes, path, lastParsed, warnings, stats);
      lastParsed = parsed ?? lastParsed;
      const revision = parsed?.revision ?? EMPTY;
      stats.parsed++;
      cache?.writeRevision(blob, revision);
      ready.set(blob, revision);
      drain();
    });
  }
  drain();
  if (cursor < todo.length) {
    throw new ScrumdownError('git_error', `Could not read every version of ${file} from git (stopped at commit ${todo[cursor].hash.slice(0, 7)}). Run "git fsck" to check the repository.`, {
      commit: todo[cursor].hash,
    });
  }
  cache?.flush();
  if (cache && todo.length > 0 && state.last) {
    cache.writeCheckpoint(key, {
      commits: state.timeline.commits,
      items: state.timeline.items,
      lastBlob: currentBlob,
      lastRevision: state.last.revision,
      lastItemAt: state.last.itemAt,
    });
  }
  return { file, repository: repository.top, path, timeline: state.timeline, warnings, stats };
}

/** The cached timeline when its commits are the start of the current list; else a fresh one. */
function resume(cache: HistoryCache | null, key: string, commits: readonly FileCommit[]): { state: TimelineState; resumed: number; lastBlob: string | null } {
  const fresh = { state: emptyTimeline(), resumed: 0, lastBlob: null };
  const checkpoint = cache?.readCheckpoint(key);
  if (!checkpoint || checkpoint.commits.length > commits.length || checkpoint.commits.length === 0) return fresh;
  for (let k = 0; k < checkpoint.commits.length; k++) if (checkpoint.commits[k].hash !== commits[k].hash) return fresh;
  return {
    state: {
      timeline: { commits: checkpoint.commits, items: checkpoint.items },
      last: { revision: checkpoint.lastRevision, itemAt: checkpoint.lastItemAt },
    },
    resumed: checkpoint.commits.length,
    lastBlob: checkpoint.lastBlob,
  };
}
