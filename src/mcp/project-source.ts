// The plan source for a project's document on the team server, whichever way the server is
// reached: a ProjectBackend does the talking (the API over HTTP for `scrumdown mcp --server`, the
// services in the server's own process for its /mcp endpoint), this does the rest the same way for
// both. A status change is worked out on the version read (so an unknown id fails with the nearest
// ids before anything changes), then sent item by item, each against the version the previous one
// left (If-Match), so an edit made by someone else in between stops it instead of being overwritten.

import type { DecodedText } from '../engine/decode.js';
import { resolveItem } from '../engine/edit/suggest.js';
import type { Plan, PlanIndex, Status } from '../engine/model.js';
import { ScrumdownError, isScrumdownError } from '../errors.js';
import { unifiedDiff } from '../services/diff.js';
import { planStatusChange } from '../services/set.js';
import type { StandupInput, StandupView } from '../services/standups/index.js';
import type { PlanSnapshot, PlanSource, StandupTarget, StatusUpdate } from './plan-source.js';

/** One version of the served document, read by the engine. */
export interface ProjectDocument {
  /** The document's id on the server. */
  id: string;
  name: string;
  version: number;
  decoded: DecodedText;
  plan: Plan;
  index: PlanIndex;
}

/** A project's document on the server and what an agent may do to it, however the server is reached. */
export interface ProjectBackend {
  /** How messages name the project ("project shop on https://plans.example.com"). */
  readonly label: string;
  /** The URL of the document's raw Markdown on the server. */
  readonly uri: string;
  /** The document's current version. */
  document(): Promise<ProjectDocument>;
  /** The current version number alone (cheaper than the document). */
  version(): Promise<number>;
  /**
   * Sets the status of the items against document version `ifMatch`, all in one new version or
   * none; resolves to the new version. A stale version throws `conflict`.
   */
  setItemStatuses(keys: readonly string[], status: Status, ifMatch: number): Promise<number>;
  /** Writes the caller's standup entry (items as keys). */
  addStandup(input: StandupInput): Promise<StandupView>;
  /** The caller's own standup entry for a day (default today on the server), if they wrote one. */
  ownStandup(day: string | undefined): Promise<StandupView | undefined>;
  /** Changes standup entry `id` (items as keys); the service decides whose entries the caller may change. */
  updateStandup(id: string, changes: StandupInput): Promise<StandupView>;
}

/**
 * The item's key in the server's item routes: `document:id` with the document's id, which names
 * it however many documents the project holds.
 */
function itemKey(document: ProjectDocument, itemId: string): string {
  return `${document.id}:${itemId}`;
}

export interface ProjectSourceOptions {
  /** Poll the server this often while a client is subscribed to the plan; no subscriptions without it. */
  pollMs?: number;
}

export class ProjectPlanSource implements PlanSource {
  readonly label: string;
  readonly uri: string;
  readonly watch?: (onChange: () => void) => () => void;

  constructor(
    private readonly backend: ProjectBackend,
    options: ProjectSourceOptions = {},
  ) {
    this.label = backend.label;
    this.uri = backend.uri;
    const { pollMs } = options;
    if (pollMs !== undefined) this.watch = (onChange) => this.poll(onChange, pollMs);
  }

  async load(): Promise<PlanSnapshot> {
    const document = await this.backend.document();
    return { label: document.name, text: document.decoded.text, plan: document.plan, index: document.index };
  }

  async setStatus(ids: readonly string[], status: Status, options: { dryRun?: boolean } = {}): Promise<StatusUpdate> {
    const before = await this.backend.document();
    const planned = planStatusChange(before, ids, status, before.name);
    const { changes, unchanged } = planned;
    if (planned.bytes === null || options.dryRun === true) return { status, changes, unchanged, diff: planned.diff, written: false };

    try {
      await this.backend.setItemStatuses(
        changes.map((change) => itemKey(before, change.id)),
        status,
        before.version,
      );
    } catch (error) {
      if (isScrumdownError(error) && error.code === 'conflict') throw this.stale(before, error);
      throw error;
    }
    // The diff of what the server stored, not of what was planned.
    const after = await this.backend.document();
    const diff = unifiedDiff(before.decoded.text, after.decoded.text, { oldName: `a/${before.name}`, newName: `b/${after.name}` });
    return { status, changes, unchanged, diff, written: true };
  }

  /**
   * Writes a standup entry. A second one for the same day is refused with the first's id and day,
   * and update_standup (not the REST route the service names) as the way to change it.
   */
  async addStandup(input: StandupInput): Promise<StandupView> {
    try {
      return await this.backend.addStandup(await this.withItemKeys(input));
    } catch (error) {
      if (!isScrumdownError(error) || error.code !== 'conflict' || typeof error.details.existing !== 'string') throw error;
      const existing = error.details.existing;
      const day = String(error.details.day);
      throw new ScrumdownError(
        'conflict',
        `You already wrote a standup for ${day} (entry ${existing}); change it with update_standup {"id": "${existing}"} (or {"day": "${day}"}) instead of adding another.`,
        error.details,
      );
    }
  }

  async updateStandup(target: StandupTarget, changes: StandupInput): Promise<StandupView> {
    if (target.id !== undefined && target.day !== undefined) {
      throw new ScrumdownError('invalid_argument', 'Name the entry by id or by day, not both: leave one of them out.', { fields: ['id', 'day'] });
    }
    if (Object.keys(changes).length === 0) {
      throw new ScrumdownError('invalid_argument', 'Say what to change: give at least one of done, next, blockers, mood, items or blocker_resolved.', { fields: ['done', 'next', 'blockers', 'mood', 'items', 'blocker_resolved'] });
    }
    let id = target.id;
    if (id === undefined) {
      const own = await this.backend.ownStandup(target.day);
      if (!own) {
        throw new ScrumdownError('not_found', `You have no standup entry for ${target.day ?? 'today'} in ${this.label}; write one with add_standup.`, { standup: null, day: target.day ?? null });
      }
      id = own.id;
    }
    return this.backend.updateStandup(id, await this.withItemKeys(changes));
  }

  /** Linked items checked against the plan and named as server keys, so an unknown id gets the nearest ids. */
  private async withItemKeys(input: StandupInput): Promise<StandupInput> {
    if (input.items === undefined || input.items.length === 0) return input;
    const document = await this.backend.document();
    return { ...input, items: input.items.map((id) => itemKey(document, resolveItem(document.plan, document.index, id).id)) };
  }

  private stale(before: ProjectDocument, conflict: ScrumdownError): ScrumdownError {
    return new ScrumdownError(
      'stale_edit',
      `${before.name} in ${this.label} changed on the server while set_status ran (someone else edited it after version ${before.version}); nothing was written. Read the items again (get_item) and call set_status again.`,
      conflict.details,
    );
  }

  private poll(onChange: () => void, pollMs: number): () => void {
    let known: number | undefined;
    let busy = false;
    const check = (): void => {
      if (busy) return;
      busy = true;
      this.backend
        .version()
        .then((version) => {
          if (known !== undefined && version !== known) onChange();
          known = version;
        })
        .catch((error: unknown) => {
          process.stderr.write(`scrumdown mcp: could not check ${this.label} for changes: ${error instanceof Error ? error.message : String(error)}\n`);
        })
        .finally(() => {
          busy = false;
        });
    };
    check();
    const timer = setInterval(check, pollMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
