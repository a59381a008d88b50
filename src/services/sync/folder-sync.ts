// One pass of folder sync: looks at the folder's plan files and the project's documents on the
// server, follows renames, uploads new files, writes new server documents into the folder, and for
// every file whose text or document moved on since the last agreed version, merges the two
// (merge.ts) and sends the server what it does not have. The folder's state (state.ts) is read at
// the start of each pass, so `resolve` run from another process is seen on the next pass.

import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { looksBinary } from '../../engine/decode.js';
import { ScrumdownError } from '../../errors.js';
import type { DocumentListEntry } from '../documents/read.js';
import { readPlanBytes, writeFileAtomic } from '../file-io.js';
import type { RemoteClient } from '../remote/client.js';
import { createRemoteDocument, downloadRemoteDocument, listRemoteDocuments, replaceRemoteDocument } from '../remote/documents.js';
import { itemChanges } from './changes.js';
import { isIgnored, isPlanPath } from './ignore.js';
import { bytesOf, mergeTexts, sideOf, withoutChangesTo } from './merge.js';
import { readBase, readSyncState, sha256, writeBase, writeSyncState } from './state.js';
import type { SyncConflict, SyncedDocument, SyncState } from './state.js';

export interface SyncReport {
  /** Something done: a push, a file written, a rename followed. */
  info(message: string): void;
  /** A conflict left for `resolve`, or a file that cannot be synced. */
  warn(message: string): void;
}

export interface FolderSyncOptions {
  dir: string;
  client: RemoteClient;
  project: string;
  report: SyncReport;
  now?: () => Date;
}

/** The plan files under `dir` (relative, `/`-separated) with a stat signature each. */
async function planFiles(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isIgnored(path)) await walk(path);
      } else if (entry.isFile() && isPlanPath(path)) {
        const info = await stat(join(dir, path)).catch(() => undefined);
        if (info) found.set(path, `${info.ino}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  await walk('');
  return found;
}

/** A document name that can be a file in the folder. */
function usablePath(name: string): boolean {
  return !name.startsWith('/') && !name.split('/').some((part) => part === '' || part === '.' || part === '..') && isPlanPath(name);
}

export class FolderSync {
  /** Stat signature of each file when sync last found it agreeing with its state. */
  private readonly seen = new Map<string, string>();
  /** Documents whose file was missing in the previous pass (a save in progress looks the same). */
  private readonly missing = new Set<string>();
  /** The state file's text as this process last read or wrote it. */
  private lastState = '';
  /** The state as this pass read it, to see what another process (resolve) settled meanwhile. */
  private passStart: SyncState | null = null;
  /** Set when resolve wrote the state during a pass: the next pass looks at every file again. */
  private settledElsewhere = false;
  /** Warnings already given, so a pass repeated every second does not repeat them. */
  private readonly warned = new Set<string>();

  constructor(private readonly options: FolderSyncOptions) {}

  /** One pass. `settling(path)` is true for files still being saved: they wait for the next pass. */
  async pass(settling: (path: string) => boolean = () => false): Promise<void> {
    const { dir, client, project } = this.options;
    const stored = await readSyncState(dir);
    const state: SyncState = stored ?? { format: 1, server: client.server, project, documents: {} };
    if (state.server !== client.server || state.project !== project) {
      throw new ScrumdownError(
        'invalid_argument',
        `${dir} is synced with project ${state.project} on ${state.server}, not ${project} on ${client.server}. Watch it with --server ${state.server} --project ${state.project}, or delete ${join(dir, '.scrumdown')} to sync it afresh.`,
        { dir, server: state.server, project: state.project },
      );
    }
    const text = JSON.stringify(state);
    this.passStart = JSON.parse(text) as SyncState;
    // Someone else (resolve) changed the state: look at every file again.
    const force = text !== this.lastState;
    if (force) this.seen.clear();
    // The first pass ties the folder to this project and server, even while it is empty.
    let dirty = stored === null;

    const remote = new Map((await listRemoteDocuments(client, project)).map((entry) => [entry.id, entry]));
    const files = await planFiles(dir);
    dirty = (await this.followMoves(state, files, this.trackedPaths(state))) || dirty;

    for (const [id, document] of Object.entries(state.documents)) {
      if (document.path === null || !files.has(document.path) || settling(document.path)) continue;
      const entry = remote.get(id);
      if (!entry) {
        this.warnOnce(`${document.path}: its document ${document.name} is gone from the server; the file is no longer synced.`);
        document.path = null;
        dirty = true;
        continue;
      }
      if (!force && entry.version === document.version && this.seen.get(document.path) === files.get(document.path)) continue;
      try {
        dirty = (await this.syncDocument(state, id, document, entry, files.get(document.path)!, force)) || dirty;
      } catch (error) {
        // The file was saved, or the document changed, while this pass worked: the next pass
        // starts again from what both hold then.
        if (!(error instanceof ScrumdownError && (error.code === 'stale_edit' || error.code === 'conflict'))) throw error;
        this.seen.delete(document.path);
        dirty = true;
      }
    }

    const tracked = this.trackedPaths(state);
    for (const path of files.keys()) {
      if (tracked.has(path) || settling(path)) continue;
      dirty = (await this.addFile(state, path, remote)) || dirty;
    }

    for (const entry of remote.values()) {
      if (state.documents[entry.id] || files.has(entry.name)) continue;
      if (!usablePath(entry.name)) {
        this.warnOnce(`The server's document ${entry.name} has a name that cannot be a file in ${dir}; it is not synced.`);
        continue;
      }
      dirty = (await this.pullNew(state, entry)) || dirty;
    }

    if (dirty) await this.save(state);
    this.lastState = this.settledElsewhere ? '' : JSON.stringify(state);
    this.settledElsewhere = false;
  }

  /** Writes the state, keeping out the conflicts `resolve` settled while this pass ran. */
  private async save(state: SyncState): Promise<void> {
    const onDisk = await readSyncState(this.options.dir);
    if (onDisk && this.passStart && JSON.stringify(onDisk) !== JSON.stringify(this.passStart)) {
      for (const [id, document] of Object.entries(state.documents)) {
        const now = new Set((onDisk.documents[id]?.conflicts ?? []).map((conflict) => JSON.stringify(conflict)));
        const settled = new Set((this.passStart.documents[id]?.conflicts ?? []).map((conflict) => JSON.stringify(conflict)).filter((key) => !now.has(key)));
        document.conflicts = document.conflicts.filter((conflict) => !settled.has(JSON.stringify(conflict)));
      }
      this.passStart = onDisk;
      this.settledElsewhere = true;
    }
    await writeSyncState(this.options.dir, state);
  }

  /** Document id by file, for the files the state follows. */
  private trackedPaths(state: SyncState): Map<string, string> {
    const tracked = new Map<string, string>();
    for (const [id, document] of Object.entries(state.documents)) if (document.path !== null) tracked.set(document.path, id);
    return tracked;
  }

  /** Renames (a missing file whose bytes turn up under a new name) and deletions. */
  private async followMoves(state: SyncState, files: Map<string, string>, tracked: Map<string, string>): Promise<boolean> {
    let dirty = false;
    const newcomers = [...files.keys()].filter((path) => !tracked.has(path));
    for (const [path, id] of tracked) {
      if (files.has(path)) {
        this.missing.delete(id);
        continue;
      }
      const document = state.documents[id];
      // By content, not inode: a deleted file's inode is soon given to a new, different file.
      let moved: string | undefined;
      for (const candidate of newcomers) {
        const { bytes } = await readPlanBytes(join(this.options.dir, candidate)).catch(() => ({ bytes: undefined }));
        if (bytes && sha256(bytes) === document.fileHash) {
          moved = candidate;
          break;
        }
      }
      if (moved !== undefined) {
        newcomers.splice(newcomers.indexOf(moved), 1);
        this.options.report.info(`${path} → ${moved}: followed the rename (still document ${document.name} on the server).`);
        document.path = moved;
        this.missing.delete(id);
        dirty = true;
      } else if (this.missing.has(id)) {
        this.options.report.info(`${path} was deleted; document ${document.name} stays on the server and is no longer synced.`);
        document.path = null;
        this.missing.delete(id);
        dirty = true;
      } else {
        this.missing.add(id);
      }
    }
    return dirty;
  }

  /** A file the state does not know: the server's document of that name, or a new one. */
  private async addFile(state: SyncState, path: string, remote: Map<string, DocumentListEntry>): Promise<boolean> {
    const { dir, client, project, report } = this.options;
    const { bytes } = await readPlanBytes(join(dir, path));
    if (looksBinary(bytes)) {
      this.warnOnce(`${path} looks like a binary file, not Markdown; it is not synced.`);
      return false;
    }
    const named = [...remote.values()].find((entry) => entry.name === path);
    if (named && state.documents[named.id]) {
      this.warnOnce(`${path}: the server's document of that name is synced with ${state.documents[named.id].path ?? 'a deleted file'}; rename ${path} to sync it.`);
      return false;
    }
    if (named) {
      // First contact: no agreed version yet, so an empty base; differing texts conflict whole.
      report.info(`${path}: syncing with the server's document ${named.name} (version ${named.version}).`);
      const document: SyncedDocument = { name: named.name, path, version: 0, hash: sha256(new Uint8Array()), fileHash: '', conflicts: [] };
      state.documents[named.id] = document;
      await writeBase(dir, named.id, new Uint8Array());
      await this.syncDocument(state, named.id, document, named, '', true);
      return true;
    }
    const created = await createRemoteDocument(client, project, path, bytes);
    await writeBase(dir, created.id, bytes);
    state.documents[created.id] = { name: created.name, path, version: created.version, hash: sha256(bytes), fileHash: sha256(bytes), conflicts: [] };
    report.info(`${path} → created document ${created.name} (version ${created.version}) in ${project}.`);
    return true;
  }

  /** A server document the folder does not have yet: written as a file of its name. */
  private async pullNew(state: SyncState, entry: DocumentListEntry): Promise<boolean> {
    const { dir, client, project, report } = this.options;
    const fetched = await downloadRemoteDocument(client, project, entry);
    const target = join(dir, entry.name);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, fetched.bytes);
    await writeBase(dir, entry.id, fetched.bytes);
    const hash = sha256(fetched.bytes);
    state.documents[entry.id] = { name: entry.name, path: entry.name, version: fetched.version, hash, fileHash: hash, conflicts: [] };
    report.info(`${entry.name} ← wrote the server's document (version ${fetched.version}).`);
    return true;
  }

  /**
   * Brings one file and its document into step: the server's changes since the base are merged
   * into the file (written atomically, only if the file still holds what was read), then the
   * file's changes, less those to items in conflict, are sent as the next version (If-Match).
   * Returns whether the state changed.
   */
  private async syncDocument(state: SyncState, id: string, document: SyncedDocument, entry: DocumentListEntry, signature: string, force: boolean): Promise<boolean> {
    const { dir, client, project, report } = this.options;
    const path = document.path!;
    const { bytes: fileBytes } = await readPlanBytes(join(dir, path));
    if (looksBinary(fileBytes)) {
      this.warnOnce(`${path} looks like a binary file, not Markdown; it is not synced until it is Markdown again.`);
      return false;
    }
    if (!force && entry.version === document.version && sha256(fileBytes) === document.fileHash) {
      this.seen.set(path, signature);
      return false;
    }
    const before = JSON.stringify(document);
    let baseBytes = await readBase(dir, id);
    if (baseBytes === null || sha256(baseBytes) !== document.hash) {
      // Without the agreed text every difference would be a conflict; the server's is the next best.
      this.warnOnce(`${path}: the copy of version ${document.version} in .scrumdown/base is missing or changed; the server's current text is taken as the base.`);
      baseBytes = null;
    }
    const fetched = entry.version === document.version && baseBytes !== null ? { version: entry.version, etag: entry.etag, bytes: baseBytes } : await downloadRemoteDocument(client, project, entry);
    const base = sideOf(baseBytes ?? fetched.bytes, path);
    const server = sideOf(fetched.bytes, path);
    let file = sideOf(fileBytes, path);
    const read = file.text;
    let conflicts = document.conflicts;

    if (server.text !== base.text) {
      const result = mergeTexts(base, file, server);
      const found: SyncConflict[] = result.conflicts.map((conflict) => ({
        ...conflict,
        serverVersion: fetched.version,
        changes: itemChanges(base.plan, server.plan, conflict.items),
        at: (this.options.now?.() ?? new Date()).toISOString(),
      }));
      const renewed = new Set(found.flatMap((conflict) => conflict.items));
      conflicts = [...conflicts.filter((conflict) => !conflict.items.some((item) => renewed.has(item))), ...found];
      for (const conflict of found) report.warn(describeConflict(dir, path, conflict));
      if (result.text !== file.text) {
        await writeFileAtomic(join(dir, path), bytesOf(result.text), { expected: fileBytes });
        file = sideOf(bytesOf(result.text), path);
        const merged = result.merged.filter((key) => !key.startsWith('section:') && key !== 'document');
        report.info(`${path} ← server version ${fetched.version}${merged.length > 0 ? ` (${merged.join(', ')})` : ''}.`);
      }
    }
    // A conflict is over once the file no longer differs from the server on its items.
    conflicts = conflicts.filter((conflict) => withoutChangesTo(server, file, new Set(conflict.items)) !== file.text);

    document.version = fetched.version;
    document.hash = sha256(fetched.bytes);
    document.conflicts = conflicts;
    if (baseBytes === null || server.text !== base.text) await writeBase(dir, id, fetched.bytes);

    const held = new Set(conflicts.flatMap((conflict) => conflict.items));
    const outgoing = withoutChangesTo(server, file, held);
    if (outgoing !== server.text) {
      // The state matches the base on disk before anything leaves, so a crash here merges again.
      await this.save(state);
      const bytes = bytesOf(outgoing);
      const replaced = await replaceRemoteDocument(client, project, id, fetched.etag, bytes);
      await writeBase(dir, id, bytes);
      document.version = replaced.version;
      document.hash = sha256(bytes);
      report.info(`${path} → version ${replaced.version} on the server${held.size > 0 ? ` (items in conflict held back: ${[...held].join(', ')})` : ''}.`);
    }
    document.fileHash = sha256(bytesOf(file.text));
    if (file.text === read) this.seen.set(path, signature);
    return JSON.stringify(document) !== before;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.options.report.warn(message);
  }
}

/** Lines of the server's side, and items, a conflict report shows; the state file has them all. */
const SHOWN_LINES = 12;
const SHOWN_ITEMS = 8;

/** The stderr report of a conflict: what, where, what the server has, and how to choose. */
function describeConflict(dir: string, path: string, conflict: SyncConflict): string {
  const items = conflict.items.filter((item) => !item.startsWith('section:') && item !== 'document');
  const named = items.length > SHOWN_ITEMS ? `${items.slice(0, SHOWN_ITEMS).join(', ')} and ${items.length - SHOWN_ITEMS} more items` : items.join(', ');
  const what = items.length > 0 ? named : `the text at line ${conflict.line}`;
  const changes = conflict.changes.length > 0 ? ` The server changed: ${conflict.changes.join('; ')}.` : '';
  const lines = conflict.server.trimEnd().split('\n');
  const shown = lines.slice(0, SHOWN_LINES).map((line) => `  | ${line}`);
  if (lines.length > SHOWN_LINES) shown.push(`  | … ${lines.length - SHOWN_LINES} more lines (in ${join(dir, '.scrumdown', 'sync.json')})`);
  const server = conflict.server === '' ? '  (removed)' : shown.join('\n');
  return [
    `conflict: ${path}:${conflict.line}: ${what} changed both here and on the server (version ${conflict.serverVersion}); the file's text is kept.${changes}`,
    `  the server has:`,
    server,
    `  choose with: scrumdown resolve ${dir} ${path} --take file|server${items.length > 0 && items.length <= SHOWN_ITEMS ? ` ${items.join(' ')}` : ''}`,
  ].join('\n');
}
