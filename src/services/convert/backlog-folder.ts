// Reading a Backlog.md folder from disk: finds `backlog/` (given itself or the project holding
// it), lists the task files of tasks/, completed/ and drafts/, counts what archive/ holds, and
// reads the project name from config.yml. The conversion itself is pure (backlog-md.ts).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ScrumdownError } from '../../errors.js';
import type { BacklogFile, BacklogFolder, BacklogSource } from './backlog-md.js';
import { MAX_SOURCE_BYTES, statSource } from './source-file.js';

const FOLDERS: readonly BacklogFolder[] = ['tasks', 'completed', 'drafts'];

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await statSource(path, 'a folder')).isDirectory;
  } catch {
    return false;
  }
}

/** The backlog folder `path` names: itself when it holds tasks/, else its backlog/ subfolder. */
export async function findBacklogFolder(path: string): Promise<string | null> {
  if (await isFolder(join(path, 'tasks'))) return path;
  if (await isFolder(join(path, 'backlog', 'tasks'))) return join(path, 'backlog');
  return null;
}

async function markdownFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Files under archive/, at any depth (iteratively). */
async function countArchived(folder: string): Promise<number> {
  let count = 0;
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) pending.push(join(current, entry.name));
      else if (entry.name.toLowerCase().endsWith('.md')) count++;
    }
  }
  return count;
}

export async function readBacklogFolder(path: string): Promise<BacklogSource> {
  const info = await statSource(path, 'a Backlog.md backlog/ folder');
  if (!info.isDirectory) {
    throw new ScrumdownError('not_a_file', `${path} is a file; --from backlog-md reads a folder. Give the backlog/ folder (or the project folder that holds it).`, { path });
  }
  const root = await findBacklogFolder(path);
  if (root === null) {
    throw new ScrumdownError('file_not_found', `${path} holds no Backlog.md tasks: neither ${join(path, 'tasks')} nor ${join(path, 'backlog', 'tasks')} exists. Give the backlog/ folder.`, {
      path,
    });
  }
  const files: BacklogFile[] = [];
  let total = 0;
  for (const folder of FOLDERS) {
    for (const name of await markdownFiles(join(root, folder))) {
      const file = join(root, folder, name);
      const { size } = await statSource(file, 'a task file');
      total += size;
      if (total > MAX_SOURCE_BYTES) {
        throw new ScrumdownError('file_too_large', `${root} holds over ${MAX_SOURCE_BYTES / 1048576} MB of task files; scrumdown converts up to that. Convert part of it.`, {
          path: root,
          limit: MAX_SOURCE_BYTES,
        });
      }
      files.push({ path: file, folder, text: await readFile(file, 'utf8') });
    }
  }
  let projectName: string | undefined;
  try {
    const config = parseYaml(await readFile(join(root, 'config.yml'), 'utf8')) as { project_name?: unknown } | null;
    if (config && typeof config.project_name === 'string' && config.project_name.trim()) projectName = config.project_name.trim();
  } catch {
    // No config, or one we cannot read: the plan is titled "Backlog".
  }
  return { root, files, projectName, archived: await countArchived(join(root, 'archive')) };
}
