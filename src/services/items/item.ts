// One item of a project: its details (checks, dependencies both ways, roll-up, critical path, as
// `scrumdown show` has them) and changing its status, assignee, points, hours or priority. A
// change is written into the document's text by the edit engine and recorded in the item's
// history in the same transaction (see documents/writer.ts).

import type { Kysely } from 'kysely';
import { STATUSES } from '../../engine/model.js';
import type { Status } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { etagOf } from '../documents/import.js';
import type { ItemChange } from '../documents/item-edits.js';
import { projectDocuments } from '../documents/read.js';
import { submitEdits } from '../documents/writer.js';
import type { FieldChange } from '../documents/writer.js';
import { itemRow } from '../items.js';
import type { ItemRow } from '../items.js';
import { showItem } from '../show.js';
import type { ItemDetails } from '../show.js';
import { parseStatusWord } from '../status-word.js';
import { resolveItemKey } from './ref.js';

export interface ProjectItem {
  key: string;
  document: string;
  version: number;
  etag: string;
  details: ItemDetails;
}

async function documentsOf(db: Kysely<Database>, projectId: string) {
  const documents = await projectDocuments(db, projectId);
  if (documents.length === 0) {
    throw new ScrumdownError('not_found', 'The project has no documents yet; upload a plan first.', {});
  }
  return documents;
}

export async function getProjectItem(db: Kysely<Database>, projectId: string, key: string): Promise<ProjectItem> {
  const { document, item, key: resolvedKey } = resolveItemKey(await documentsOf(db, projectId), key);
  return {
    key: resolvedKey,
    document: document.name,
    version: document.version,
    etag: etagOf(document.version),
    details: showItem(document.plan, document.index, item.id),
  };
}

/** The fields a PATCH may carry; each is optional, at least one is required. */
export interface ItemPatch {
  status?: string;
  assignee?: string;
  points?: number;
  hours?: number;
  priority?: string;
}

export interface PatchItemInput {
  projectId: string;
  key: string;
  patch: ItemPatch;
  userId: string;
  /** The document version from If-Match, when given. */
  ifMatch?: number;
  now?: Date;
}

export interface PatchedItem {
  key: string;
  document: string;
  version: number;
  etag: string;
  item: ItemRow;
  /** What changed, field by field (empty when the item already read that way). */
  changes: FieldChange[];
}

/** The patch as edit-engine changes, refusing unknown statuses and empty patches. */
export function itemChanges(patch: ItemPatch): ItemChange[] {
  const changes: ItemChange[] = [];
  if (patch.status !== undefined) {
    const status = (STATUSES as readonly string[]).includes(patch.status) ? (patch.status as Status) : parseStatusWord(patch.status);
    changes.push({ field: 'status', value: status });
  }
  if (patch.assignee !== undefined) changes.push({ field: 'assignee', value: patch.assignee });
  if (patch.points !== undefined) changes.push({ field: 'points', value: patch.points });
  if (patch.hours !== undefined) changes.push({ field: 'hours', value: patch.hours });
  if (patch.priority !== undefined) changes.push({ field: 'priority', value: patch.priority });
  if (changes.length === 0) {
    throw new ScrumdownError('validation_failed', 'Nothing to change: give at least one of status, assignee, points, hours, priority.', {
      in: 'body',
      fields: [{ field: '(body)', problem: 'no field to change' }],
    });
  }
  return changes;
}

/** Changes one item: a request of one entry (see patchProjectItems). */
export async function patchProjectItem(db: Kysely<Database>, input: PatchItemInput): Promise<PatchedItem> {
  const { key, patch, ...rest } = input;
  const patched = await patchProjectItems(db, { ...rest, items: [{ key, patch }] });
  const [only] = patched.items;
  return { key: only.key, document: patched.document, version: patched.version, etag: patched.etag, item: only.item, changes: only.changes };
}

export interface PatchItemsInput {
  projectId: string;
  /** The items and what to change in each, in the order given. */
  items: ReadonlyArray<{ key: string; patch: ItemPatch }>;
  userId: string;
  ifMatch?: number;
  now?: Date;
}

export interface PatchedItems {
  document: string;
  version: number;
  etag: string;
  items: Array<{ key: string; item: ItemRow; changes: FieldChange[] }>;
}

/**
 * Changes several items of one document at once: they land in one version, or none does. Items
 * of different documents are refused (each document has its own versions), naming both.
 */
export async function patchProjectItems(db: Kysely<Database>, input: PatchItemsInput): Promise<PatchedItems> {
  const changes = input.items.map((entry) => itemChanges(entry.patch));
  const documents = await documentsOf(db, input.projectId);
  const resolved = input.items.map((entry) => resolveItemKey(documents, entry.key));
  const { document } = resolved[0];
  const elsewhere = resolved.find((entry) => entry.document.id !== document.id);
  if (elsewhere) {
    throw new ScrumdownError(
      'invalid_argument',
      `${resolved[0].key} is in ${document.name} and ${elsewhere.key} in ${elsewhere.document.name}: one request changes the items of one document. Send one request per document.`,
      { documents: [document.name, elsewhere.document.name] },
    );
  }
  const at = (input.now ?? new Date()).toISOString();
  const outcomes = await submitEdits(
    db,
    document.id,
    resolved.map((entry, i) => ({ itemId: entry.item.id, changes: changes[i], ifMatch: input.ifMatch, userId: input.userId, at })),
  );
  const several = documents.length > 1;
  const version = outcomes[0].version;
  return {
    document: document.name,
    version,
    etag: etagOf(version),
    items: outcomes.map((outcome) => ({ key: several ? `${document.name}:${outcome.item.id}` : outcome.item.id, item: itemRow(outcome.item), changes: outcome.changes })),
  };
}
