// Setting item statuses in a plan file: compute the edits in the plan's own style, apply them
// to the original bytes (nothing else in the file changes), write atomically unless it is a dry
// run, and describe the change as a unified diff. The working-out (planStatusChange) also serves
// MCP's set_status on a plan kept on the team server.

import { decodeBytes, encodeWithEdits } from '../engine/decode.js';
import type { DecodedText } from '../engine/decode.js';
import { setStatus } from '../engine/edit/status.js';
import type { Plan, PlanIndex, Status } from '../engine/model.js';
import { unifiedDiff } from './diff.js';
import { writeFileAtomic } from './file-io.js';
import { loadPlan } from './plan-file.js';

export interface StatusChange {
  id: string;
  title: string;
  line: number;
  from: Status;
  to: Status;
}

export interface SetResult {
  file: string;
  status: Status;
  /** Items whose status changes, in the order given. */
  changes: StatusChange[];
  /** Items that already had the status: nothing to write for them. */
  unchanged: string[];
  /** Unified diff of the file, empty when nothing changes. */
  diff: string;
  /** True when the file was rewritten (never on a dry run or when nothing changes). */
  written: boolean;
}

export interface SetOptions {
  dryRun?: boolean;
}

/** A status change worked out on one version of a plan, before anything is written. */
export interface PlannedStatusChange {
  changes: StatusChange[];
  unchanged: string[];
  /** The plan's bytes after the change; null when nothing changes. */
  bytes: Uint8Array | null;
  diff: string;
}

/**
 * Resolves every id (an unknown one throws unknown_id with the nearest ids) and works out the
 * change on this version of the plan: what changes, what already has the status, and the diff.
 * `label` names the plan in the diff headers.
 */
export function planStatusChange(loaded: { decoded: DecodedText; plan: Plan; index: PlanIndex }, ids: readonly string[], status: Status, label: string): PlannedStatusChange {
  const { plan, index, decoded } = loaded;
  const edits = setStatus(plan, decoded.text, [...ids], status, index);

  const changes: StatusChange[] = [];
  const unchanged: string[] = [];
  const seen = new Set<string>();
  const edited = new Set(edits.edits.map((edit) => edit.itemId));
  for (const wanted of ids) {
    // setStatus has resolved every id (or thrown); aliases map to the item they name.
    const item = index.byId.get(wanted) ?? plan.items.find((candidate) => candidate.aliases.includes(wanted));
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    if (edited.has(item.id)) changes.push({ id: item.id, title: item.title, line: item.line, from: item.status, to: status });
    else unchanged.push(item.id);
  }

  if (edits.edits.length === 0) return { changes, unchanged, bytes: null, diff: '' };
  const bytes = encodeWithEdits(decoded, edits);
  const diff = unifiedDiff(decoded.text, decodeBytes(bytes).text, { oldName: `a/${label}`, newName: `b/${label}` });
  return { changes, unchanged, bytes, diff };
}

export async function setItemStatus(path: string, ids: readonly string[], status: Status, options: SetOptions = {}): Promise<SetResult> {
  const loaded = await loadPlan(path);
  const { changes, unchanged, bytes, diff } = planStatusChange(loaded, ids, status, path);
  if (bytes === null) return { file: path, status, changes, unchanged, diff, written: false };
  if (!options.dryRun) await writeFileAtomic(path, bytes, { mode: loaded.mode, expected: loaded.bytes });
  return { file: path, status, changes, unchanged, diff, written: !options.dryRun };
}
