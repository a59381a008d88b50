// Lists the commits that touched a plan file, oldest first, with the file's blob in each:
// `git log --follow` (renames followed) along the first-parent line through merges by default,
// or through every parent in commit-date order. One git process for the whole list.

import { runGit } from './git.js';
import type { GitOptions } from './git.js';
import type { HistoryCommit } from '../../engine/history/types.js';

export interface FileCommit extends HistoryCommit {
  /** The file's blob in this commit; null when the commit deleted it. */
  blob: string | null;
}

const RECORD = '\u001e';
const FIELD = '\u001f';
const NULL_BLOB = /^0+$/;

export async function listFileCommits(path: string, options: GitOptions & { allParents?: boolean }): Promise<FileCommit[]> {
  const args = [
    'log',
    '--follow',
    options.allParents ? '--date-order' : '--first-parent',
    // A merge is compared with its first parent, so a conflict resolved in it is seen too.
    '--diff-merges=first-parent',
    '--raw',
    '--no-abbrev',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-mailmap',
    `--format=${RECORD}%H${FIELD}%cI${FIELD}%an${FIELD}%ae${FIELD}%s`,
    '--',
    path,
  ];
  const output = await runGit(args, options);
  return parseFileLog(output);
}

/** Parses the output of the `git log` above into commits, oldest first. */
export function parseFileLog(output: string): FileCommit[] {
  const commits: FileCommit[] = [];
  for (const record of output.split(RECORD)) {
    if (record.trim() === '') continue;
    const newline = record.indexOf('\n');
    const header = (newline < 0 ? record : record.slice(0, newline)).split(FIELD);
    if (header.length < 5) continue;
    const [hash, date, name, email, ...subject] = header;
    let blob: string | null | undefined;
    let path: string | undefined;
    for (const line of (newline < 0 ? '' : record.slice(newline + 1)).split('\n')) {
      if (!line.startsWith(':')) continue;
      // :100644 100644 <old blob> <new blob> <status>\t<path>[\t<new path>]
      const tab = line.indexOf('\t');
      const meta = line.slice(1, tab).split(' ');
      const paths = line.slice(tab + 1).split('\t');
      const status = meta[4] ?? '';
      blob = status.startsWith('D') || NULL_BLOB.test(meta[3] ?? '') ? null : meta[3];
      path = paths[paths.length - 1];
    }
    // A merge that left the file as its first parent had it shows no change: nothing to read.
    if (blob === undefined) continue;
    commits.push({ hash, date, author: { name, email }, subject: subject.join(FIELD), path, blob });
  }
  return commits.reverse();
}
