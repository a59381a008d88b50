// Settles the conflicts a folder sync recorded, offline: `file` keeps the file's text (the next
// sync sends it to the server), `server` puts the server's text for those items back into the
// file (the base in `.scrumdown/base` is the server's version, since items in conflict are never
// sent). Either way the conflicts leave the state file.

import { isAbsolute, join, relative, sep } from 'node:path';
import { ScrumdownError } from '../../errors.js';
import { readPlanBytes, writeFileAtomic } from '../file-io.js';
import { bytesOf, sideOf, withoutChangesTo } from './merge.js';
import { readBase, readSyncState, statePath, writeSyncState } from './state.js';
import type { SyncState } from './state.js';

export interface ResolveRequest {
  dir: string;
  take: 'file' | 'server';
  /** An optional file (relative to the folder, or a path to it), then item ids; none means all. */
  targets: string[];
}

export interface ResolvedFile {
  path: string;
  items: string[];
  /** True when the file was rewritten (the server's text taken). */
  written: boolean;
}

/** The synced file a target names, if it names one: relative to the folder, or a path to it. */
function syncedPath(state: SyncState, dir: string, target: string): string | undefined {
  const paths = Object.values(state.documents).flatMap((document) => (document.path === null ? [] : [document.path]));
  const candidates = [target.split(sep).join('/'), relative(dir, isAbsolute(target) ? target : join(process.cwd(), target)).split(sep).join('/')];
  return candidates.find((candidate) => paths.includes(candidate));
}

export async function resolveConflicts(request: ResolveRequest): Promise<ResolvedFile[]> {
  const { dir, take } = request;
  const state = await readSyncState(dir);
  if (state === null) {
    throw new ScrumdownError('invalid_argument', `${dir} has no sync state (${statePath(dir)}): it was never watched, so there is nothing to resolve. Run scrumdown watch ${dir} first.`, { dir });
  }
  const targets = [...request.targets];
  const file = targets.length > 0 ? syncedPath(state, dir, targets[0]) : undefined;
  if (file !== undefined) targets.shift();
  else if (targets.length > 0 && /\.(md|markdown)$/i.test(targets[0])) {
    const synced = Object.values(state.documents).flatMap((document) => (document.path === null ? [] : [document.path]));
    throw new ScrumdownError('file_not_found', `${targets[0]} is not a file synced in ${dir}. The synced files: ${synced.join(', ') || '(none)'}.`, { path: targets[0] });
  }
  const wanted = new Set(targets);
  const open = Object.entries(state.documents).filter(([, document]) => document.path !== null && (file === undefined || document.path === file) && document.conflicts.length > 0);
  if (open.length === 0) {
    throw new ScrumdownError('invalid_argument', `No conflicts to resolve in ${file === undefined ? dir : `${file} (in ${dir})`}.`, { dir, file });
  }
  const allIds = new Set(open.flatMap(([, document]) => document.conflicts.flatMap((conflict) => conflict.items)));
  const unknown = [...wanted].filter((id) => !allIds.has(id));
  if (unknown.length > 0) {
    throw new ScrumdownError('unknown_id', `No conflict on ${unknown.join(', ')}. The conflicts waiting: ${[...allIds].join(', ')}.`, { unknown, conflicts: [...allIds] });
  }

  const resolved: ResolvedFile[] = [];
  for (const [id, document] of open) {
    const chosen = document.conflicts.filter((conflict) => wanted.size === 0 || conflict.items.some((item) => wanted.has(item)));
    if (chosen.length === 0) continue;
    const path = document.path!;
    const items = [...new Set(chosen.flatMap((conflict) => conflict.items))];
    let written = false;
    if (take === 'server') {
      const base = await readBase(dir, id);
      if (base === null) {
        throw new ScrumdownError('invalid_config', `The server's text of ${path} (${join(dir, '.scrumdown', 'base')}) is missing; run scrumdown watch ${dir} to fetch it, then resolve again.`, { path });
      }
      const { bytes } = await readPlanBytes(join(dir, path));
      const current = sideOf(bytes, path);
      const text = withoutChangesTo(sideOf(base, path), current, new Set(items));
      if (text !== current.text) {
        await writeFileAtomic(join(dir, path), bytesOf(text), { expected: bytes });
        written = true;
      }
    }
    document.conflicts = document.conflicts.filter((conflict) => !chosen.includes(conflict));
    resolved.push({ path, items, written });
  }
  await writeSyncState(dir, state);
  return resolved;
}
