// The plan source for `scrumdown mcp --file plan.md`: every call reads the file afresh, status
// changes go through the same service as `scrumdown set` (only the status bytes change, the write
// is atomic), and a folder watch reports saves made by editors, git or other tools.

import { watch as watchFolder } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Status } from '../engine/model.js';
import { loadPlan } from '../services/plan-file.js';
import { setItemStatus } from '../services/set.js';
import type { PlanSnapshot, PlanSource, StatusUpdate } from './plan-source.js';

/** Saves come in bursts (temp file, rename, touch): one notice per burst. */
const CHANGE_DEBOUNCE_MS = 100;

export class FilePlanSource implements PlanSource {
  readonly label: string;
  readonly uri: string;
  private readonly absolute: string;

  constructor(readonly path: string) {
    this.label = path;
    this.absolute = resolve(path);
    this.uri = pathToFileURL(this.absolute).href;
  }

  async load(): Promise<PlanSnapshot> {
    const loaded = await loadPlan(this.path);
    return { label: this.label, text: loaded.text, plan: loaded.plan, index: loaded.index };
  }

  async setStatus(ids: readonly string[], status: Status, options: { dryRun?: boolean } = {}): Promise<StatusUpdate> {
    const result = await setItemStatus(this.path, ids, status, { dryRun: options.dryRun === true });
    return { status: result.status, changes: result.changes, unchanged: result.unchanged, diff: result.diff, written: result.written };
  }

  watch(onChange: () => void): () => void {
    // The folder, not the file: an atomic save replaces the file, and a watch on the old file
    // would go quiet after the first save.
    const name = basename(this.absolute);
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    try {
      watcher = watchFolder(dirname(this.absolute), { persistent: false }, (_event, changed) => {
        if (changed !== null && changed.toString() !== name) return;
        clearTimeout(timer);
        timer = setTimeout(onChange, CHANGE_DEBOUNCE_MS);
      });
      watcher.on('error', (error) => process.stderr.write(`scrumdown mcp: stopped watching ${this.label}: ${error.message}\n`));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`scrumdown mcp: cannot watch ${this.label} for changes (${reason}); clients must re-read the plan resource themselves.\n`);
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  }
}
