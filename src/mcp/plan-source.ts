// Where the MCP tools get their plan from, behind one interface: a local Markdown file, or a
// project's document on the team server (through its API, or in the server's own process). Tools
// only ever talk to a PlanSource, so a new source needs no change to the tool layer.

import type { Plan, PlanIndex, Status } from '../engine/model.js';
import type { StatusChange } from '../services/set.js';
import type { StandupInput, StandupView } from '../services/standups/index.js';

/** One consistent view of the plan: the text and the plan built from exactly that text. */
export interface PlanSnapshot {
  /** How messages name the plan ("plan.md", or a project and document on a server). */
  label: string;
  text: string;
  plan: Plan;
  index: PlanIndex;
}

/** What a status change did, whatever the source. */
export interface StatusUpdate {
  status: Status;
  changes: StatusChange[];
  /** Items that already had the status. */
  unchanged: string[];
  /** Unified diff of the plan's Markdown; empty when nothing changes. */
  diff: string;
  /** True when the change was saved (never on a dry run or when nothing changes). */
  written: boolean;
}

export interface PlanSource {
  /** How messages name the plan. */
  readonly label: string;
  /** URI of the plan's Markdown as an MCP resource. */
  readonly uri: string;
  /** Reads the current plan (never a stale cached copy). */
  load(): Promise<PlanSnapshot>;
  /** Sets the status of the named items; throws ScrumdownError (unknown_id, stale_edit…). */
  setStatus(ids: readonly string[], status: Status, options?: { dryRun?: boolean }): Promise<StatusUpdate>;
  /**
   * Calls `onChange` when the plan changes from outside; returns a function that stops watching.
   * A source that cannot tell (one answering a single HTTP request) has none, and the resource
   * then offers no subscriptions.
   */
  watch?(onChange: () => void): () => void;
  /** Writes the caller's standup entry: only sources on the team server have standups (add_standup). */
  addStandup?(input: StandupInput): Promise<StandupView>;
  /** Changes one of the caller's standup entries, named by id or by day (update_standup); with addStandup. */
  updateStandup?(target: StandupTarget, changes: StandupInput): Promise<StandupView>;
}

/** Which standup entry update_standup changes: the one with this id, or the caller's own for this day (default today). */
export interface StandupTarget {
  id?: string;
  day?: string;
}
