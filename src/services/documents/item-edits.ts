// The text edits for a batch of item changes against one document version, through the edit
// engine. Status changes to the same status are asked of `setStatus` together; when a grouped call
// fails, each item is asked alone so the failure lands on the request that caused it. A parsed
// document's plan is built from (or carried over with) its own text, so the plan's hash is the
// text's: the engine is given it rather than hashing a 1.5 MB text on every call.

import { setField } from '../../engine/edit/field.js';
import { setStatus } from '../../engine/edit/status.js';
import type { TextEdit } from '../../engine/edit/types.js';
import type { Item, Status } from '../../engine/model.js';
import { setPriority } from '../items/priority-edit.js';
import type { ParsedDocument } from './parsed.js';

export type ItemChange =
  | { field: 'status'; value: Status }
  | { field: 'assignee'; value: string }
  | { field: 'points'; value: number }
  | { field: 'hours'; value: number }
  | { field: 'priority'; value: string };

export interface ItemEditRequest {
  item: Item;
  changes: readonly ItemChange[];
}

export type ItemEditResult = { ok: true; edits: TextEdit[] } | { ok: false; error: unknown };

function editsForOne(document: ParsedDocument, item: Item, change: ItemChange): TextEdit[] {
  const { plan, index } = document;
  const text = document.decoded.text;
  switch (change.field) {
    case 'status':
      return setStatus(plan, text, [item.id], change.value, index, plan.hash).edits;
    case 'priority':
      return setPriority(plan, text, item, change.value, plan.hash).edits;
    default:
      return setField(plan, text, item.id, change.field, change.value, index, plan.hash).edits;
  }
}

/** The edits of each request, in request order. */
export function editsForRequests(document: ParsedDocument, requests: readonly ItemEditRequest[]): ItemEditResult[] {
  const { plan, index } = document;
  const text = document.decoded.text;
  const results: Array<{ edits: TextEdit[]; error?: unknown }> = requests.map(() => ({ edits: [] }));

  // Status changes grouped by the status they set.
  const byStatus = new Map<Status, number[]>();
  requests.forEach((request, i) => {
    for (const change of request.changes) {
      if (change.field !== 'status') continue;
      const group = byStatus.get(change.value) ?? [];
      group.push(i);
      byStatus.set(change.value, group);
    }
  });
  for (const [status, members] of byStatus) {
    let grouped: TextEdit[] | null = null;
    if (members.length > 1) {
      try {
        grouped = setStatus(
          plan,
          text,
          members.map((i) => requests[i].item.id),
          status,
          index,
          plan.hash,
        ).edits;
      } catch {
        grouped = null;
      }
    }
    if (grouped) {
      const byItem = new Map<string, number>(members.map((i) => [requests[i].item.id, i]));
      for (const edit of grouped) {
        const owner = byItem.get(edit.itemId);
        if (owner !== undefined) results[owner].edits.push(edit);
      }
      continue;
    }
    for (const i of members) {
      try {
        results[i].edits.push(...editsForOne(document, requests[i].item, { field: 'status', value: status }));
      } catch (error) {
        results[i].error ??= error;
      }
    }
  }

  requests.forEach((request, i) => {
    for (const change of request.changes) {
      if (change.field === 'status' || results[i].error !== undefined) continue;
      try {
        results[i].edits.push(...editsForOne(document, request.item, change));
      } catch (error) {
        results[i].error = error;
      }
    }
  });

  return results.map((result) => (result.error !== undefined ? { ok: false, error: result.error } : { ok: true, edits: result.edits }));
}
