// The on-disk cache of plan history, under the repository's `.git/scrumdown/history/`: parsed
// revisions keyed by blob hash (a plan unchanged between commits, or read again by a later run,
// is parsed once), written as one pack per run, and per file a checkpoint of the timeline built so far, so a second run only
// reads the commits that came after it. The folder name carries the cache format and the package
// version, so a new engine never reads an older engine's results. Entries are written to a temp
// file and renamed into place; an entry that cannot be read is treated as missing.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import type { HistoryCommit, ItemTimeline, PlanRevision, RevisionItem } from '../../engine/history/types.js';
import type { ItemKind, Status } from '../../engine/model.js';

/** Bump when the shape of cached revisions or checkpoints changes. */
export const HISTORY_CACHE_FORMAT = 1;

export interface Checkpoint {
  commits: HistoryCommit[];
  items: ItemTimeline[];
  /** The last revision read, and per item of it the position of its timeline in `items`. */
  lastBlob: string | null;
  lastRevision: PlanRevision;
  lastItemAt: number[];
}

/** Items stored column by column: a fraction of the size of one object per item. */
interface StoredRevision {
  id: string[];
  title: string[];
  kind: ItemKind[];
  status: Status[];
  points: Array<number | null>;
  parent: Array<string | null>;
  flags: number[];
}

/** A run's revisions: each distinct item once, and per blob its items by position. */
interface StoredPack {
  items: StoredRevision;
  revisions: Record<string, number[]>;
}

interface LoadedPack {
  items: StoredRevision;
  objects?: RevisionItem[];
}

function storeItems(items: readonly RevisionItem[]): StoredRevision {
  return {
    id: items.map((item) => item.id),
    title: items.map((item) => item.title),
    kind: items.map((item) => item.kind),
    status: items.map((item) => item.status),
    points: items.map((item) => item.points),
    parent: items.map((item) => item.parent),
    flags: items.map((item) => (item.counted ? 1 : 0) | (item.derived ? 2 : 0)),
  };
}

function materialize(stored: StoredRevision): RevisionItem[] {
  return stored.id.map((id, k) => ({
    id,
    title: stored.title[k],
    kind: stored.kind[k],
    status: stored.status[k],
    points: stored.points[k],
    parent: stored.parent[k],
    counted: (stored.flags[k] & 1) !== 0,
    derived: (stored.flags[k] & 2) !== 0,
  }));
}

export class HistoryCache {
  readonly dir: string;
  private broken = false;
  private readonly pending = new Map<string, PlanRevision>();
  private index: Map<string, { pack: LoadedPack; indices: number[] }> | undefined;
  private readonly made = new Set<string>();

  constructor(root: string, version: string) {
    this.dir = join(root, `v${HISTORY_CACHE_FORMAT}-${version.replace(/[^A-Za-z0-9.-]/g, '_')}`);
  }

  /** Whether some pack holds the revision of this blob. */
  hasRevision(blob: string): boolean {
    return this.packIndex().has(blob);
  }

  readRevision(blob: string): PlanRevision | undefined {
    const entry = this.packIndex().get(blob);
    if (!entry) return undefined;
    const objects = (entry.pack.objects ??= materialize(entry.pack.items));
    const items: RevisionItem[] = [];
    for (const k of entry.indices) {
      const item = objects[k];
      if (!item) return undefined;
      items.push(item);
    }
    return { items };
  }

  /** Keeps a revision to be written with the others of this run by flush(). */
  writeRevision(blob: string, revision: PlanRevision): void {
    this.pending.set(blob, revision);
  }

  /**
   * Writes the revisions parsed in this run as one pack: every distinct item once (successive
   * revisions share almost all their items), and per blob the list of its items.
   */
  flush(): void {
    if (this.pending.size === 0) return;
    const unique: RevisionItem[] = [];
    const byObject = new Map<RevisionItem, number>();
    const byContent = new Map<string, number>();
    const revisions: Record<string, number[]> = {};
    for (const [blob, revision] of this.pending) {
      revisions[blob] = revision.items.map((item) => {
        let k = byObject.get(item);
        if (k === undefined) {
          const key = [item.id, item.title, item.kind, item.status, item.points, item.parent, item.counted, item.derived].join('\u0000');
          k = byContent.get(key);
          if (k === undefined) {
            k = unique.length;
            unique.push(item);
            byContent.set(key, k);
          }
          byObject.set(item, k);
        }
        return k;
      });
    }
    const name = createHash('sha1').update([...this.pending.keys()].join(',')).digest('hex');
    this.write(join('packs', `${name}.json.gz`), { items: storeItems(unique), revisions } satisfies StoredPack);
    this.pending.clear();
  }

  private packIndex(): Map<string, { pack: LoadedPack; indices: number[] }> {
    if (this.index) return this.index;
    const index = new Map<string, { pack: LoadedPack; indices: number[] }>();
    let names: string[] = [];
    try {
      names = readdirSync(join(this.dir, 'packs')).filter((name) => name.endsWith('.json.gz'));
    } catch {
      // No packs yet.
    }
    for (const name of names.sort()) {
      const stored = this.read<StoredPack>(join('packs', name));
      if (!stored || !stored.items || !Array.isArray(stored.items.id) || typeof stored.revisions !== 'object') continue;
      const pack: LoadedPack = { items: stored.items };
      for (const [blob, indices] of Object.entries(stored.revisions)) if (Array.isArray(indices)) index.set(blob, { pack, indices });
    }
    this.index = index;
    return index;
  }

  readCheckpoint(key: string): Checkpoint | undefined {
    const checkpoint = this.read<Checkpoint>(join('timelines', `${checkpointName(key)}.json.gz`));
    return checkpoint && Array.isArray(checkpoint.commits) && Array.isArray(checkpoint.items) ? checkpoint : undefined;
  }

  writeCheckpoint(key: string, checkpoint: Checkpoint): void {
    this.write(join('timelines', `${checkpointName(key)}.json.gz`), checkpoint);
  }

  private read<T>(relative: string): T | undefined {
    try {
      return JSON.parse(gunzipSync(readFileSync(join(this.dir, relative))).toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private write(relative: string, value: unknown): void {
    // A cache that cannot be written (read-only repository, full disk) only costs speed.
    if (this.broken) return;
    const target = join(this.dir, relative);
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const folder = join(target, '..');
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(temp, gzipSync(JSON.stringify(value), { level: constants.Z_BEST_SPEED }));
      renameSync(temp, target);
    } catch {
      this.broken = true;
      try {
        unlinkSync(temp);
      } catch {
        // Nothing was written.
      }
    }
  }
}

function checkpointName(key: string): string {
  return createHash('sha1').update(key).digest('hex');
}
