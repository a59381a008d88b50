// The on-disk cache of plan history, under the repository's `.git/scrumdown/history/`: parsed
// revisions keyed by blob hash (a plan unchanged between commits, or read again by a later run,
// is parsed once), and per file a checkpoint of the timeline built so far, so a second run only
// reads the commits that came after it. The folder name carries the cache format and the package
// version, so a new engine never reads an older engine's results. Entries are written to a temp
// file and renamed into place; an entry that cannot be read is treated as missing.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** Revisions stored column by column: a tenth of the size of one object per item. */
interface StoredRevision {
  id: string[];
  title: string[];
  kind: ItemKind[];
  status: Status[];
  points: Array<number | null>;
  parent: Array<string | null>;
  flags: number[];
}

export class HistoryCache {
  readonly dir: string;
  private broken = false;

  constructor(root: string, version: string) {
    this.dir = join(root, `v${HISTORY_CACHE_FORMAT}-${version.replace(/[^A-Za-z0-9.-]/g, '_')}`);
  }

  readRevision(blob: string): PlanRevision | undefined {
    const stored = this.read<StoredRevision>(join('revisions', blob.slice(0, 2), `${blob}.json.gz`));
    if (!stored || !Array.isArray(stored.id)) return undefined;
    const items: RevisionItem[] = stored.id.map((id, k) => ({
      id,
      title: stored.title[k],
      kind: stored.kind[k],
      status: stored.status[k],
      points: stored.points[k],
      parent: stored.parent[k],
      counted: (stored.flags[k] & 1) !== 0,
      derived: (stored.flags[k] & 2) !== 0,
    }));
    return { items };
  }

  writeRevision(blob: string, revision: PlanRevision): void {
    const { items } = revision;
    const stored: StoredRevision = {
      id: items.map((item) => item.id),
      title: items.map((item) => item.title),
      kind: items.map((item) => item.kind),
      status: items.map((item) => item.status),
      points: items.map((item) => item.points),
      parent: items.map((item) => item.parent),
      flags: items.map((item) => (item.counted ? 1 : 0) | (item.derived ? 2 : 0)),
    };
    this.write(join('revisions', blob.slice(0, 2), `${blob}.json.gz`), stored);
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
      mkdirSync(join(target, '..'), { recursive: true });
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
