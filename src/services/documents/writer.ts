// One writer per document: item changes queue up, and every change that arrived while the previous
// write was committing goes into the next write together (group commit). Each write computes the
// edits through the edit engine against the current version, splices them into the bytes, and in
// one transaction stores the new bytes as version + 1 (only if the row is still at the version it
// started from), updates the rows of the items whose values changed and adds a history row per
// changed field. Another process writing first makes the update miss; the batch is then computed
// again against the new version (a request with If-Match gets 409 instead). A request may change
// several items at once (submitEdits): they are written in one version, or none of them is.

import type { Kysely } from 'kysely';
import { contentHash } from '../../engine/hash.js';
import { decodeBytes } from '../../engine/decode.js';
import { resolveItem } from '../../engine/edit/suggest.js';
import { sortedCheckedEdits, spliceEdits } from '../../engine/edit/apply.js';
import type { TextEdit } from '../../engine/edit/types.js';
import type { Item, Status } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { updateDocumentContent } from '../../store/repositories/documents.js';
import { insertHistory } from '../../store/repositories/history.js';
import type { NewHistoryRow } from '../../store/repositories/history.js';
import { replaceItems, updateItem } from '../../store/repositories/items.js';
import type { Database } from '../../store/schema.js';
import { itemRow } from '../items.js';
import { cacheDocument, forgetDocument, loadDocument } from './cache.js';
import { planFastUpdate } from './fast-update.js';
import { documentRows, trackedValue } from './item-rows.js';
import type { TrackedField } from './item-rows.js';
import { editsForRequests } from './item-edits.js';
import type { ItemChange } from './item-edits.js';
import { parseDocument } from './parsed.js';
import type { ParsedDocument } from './parsed.js';
import { spliceBytes } from './splice-bytes.js';

export interface FieldChange {
  field: TrackedField;
  from: string | null;
  to: string | null;
}

export interface EditJob {
  /** The item as the request names it (its id or an alias). */
  itemId: string;
  changes: readonly ItemChange[];
  /** The document version the client last saw; another version answers 409. */
  ifMatch?: number;
  userId: string;
  at: string;
}

export interface EditOutcome {
  /** The document after the write (or as it was, when nothing changed). */
  document: ParsedDocument;
  version: number;
  item: Item;
  changes: FieldChange[];
}

/** One request: one job, or several that must be written together (same If-Match, user, time). */
interface Pending {
  jobs: readonly EditJob[];
  resolve(outcomes: EditOutcome[]): void;
  reject(error: unknown): void;
}

interface Queue {
  pending: Pending[];
  running: boolean;
}

const queues = new Map<string, Queue>();

/** Retries of one batch after another process wrote first, before giving up. */
const MAX_ATTEMPTS = 20;

export function versionConflict(documentName: string, expected: number, current: number): ScrumdownError {
  return new ScrumdownError(
    'conflict',
    `${documentName} is at version ${current}, not ${expected} (If-Match): someone changed it since you read it. Read it again and redo the change.`,
    { expectedVersion: expected, currentVersion: current, etag: `"${current}"` },
  );
}

/**
 * Queues one request's changes of a document's items; resolves once they are committed. They
 * land together: one version holds all of them, or, when one cannot be made (an unknown item, a
 * status its line cannot take, a stale If-Match), none is written and the request is refused.
 */
export function submitEdits(db: Kysely<Database>, documentId: string, jobs: readonly EditJob[]): Promise<EditOutcome[]> {
  return new Promise<EditOutcome[]>((resolve, reject) => {
    let queue = queues.get(documentId);
    if (!queue) {
      queue = { pending: [], running: false };
      queues.set(documentId, queue);
    }
    queue.pending.push({ jobs, resolve, reject });
    if (!queue.running) void drain(db, documentId, queue);
  });
}

async function drain(db: Kysely<Database>, documentId: string, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.pending.length > 0) {
      // One turn of the event loop lets the requests already on their way (reading their body,
      // checking their token) join this write instead of each waiting for a write of its own.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = queue.pending;
      queue.pending = [];
      let deferred: Pending[];
      try {
        deferred = await writeBatch(db, documentId, batch);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        deferred = [];
      }
      queue.pending = [...deferred, ...queue.pending];
    }
  } finally {
    queue.running = false;
    if (queue.pending.length === 0) queues.delete(documentId);
  }
}

interface Accepted {
  pending: Pending;
  job: EditJob;
  item: Item;
  edits: TextEdit[];
}

/** Writes what it can of the batch; returns the requests that must wait for the next write. */
async function writeBatch(db: Kysely<Database>, documentId: string, batch: Pending[]): Promise<Pending[]> {
  for (let attempt = 1; ; attempt++) {
    const head = await db.selectFrom('documents').select(['version']).where('id', '=', documentId).executeTakeFirst();
    if (!head) throw new ScrumdownError('not_found', 'The document was deleted.', { document: documentId });
    const document = await loadDocument(db, documentId, head.version);

    const deferred: Pending[] = [];
    const candidates: Array<{ pending: Pending; job: EditJob; item: Item }> = [];
    const touched = new Set<string>();
    let ifMatchTaken = false;
    for (const pending of batch) {
      const { ifMatch } = pending.jobs[0];
      if (ifMatch !== undefined && (ifMatch !== document.version || ifMatchTaken)) {
        pending.reject(versionConflict(document.name, ifMatch, ifMatchTaken ? document.version + 1 : document.version));
        continue;
      }
      let items: Item[];
      try {
        items = pending.jobs.map((job) => resolveItem(document.plan, document.index, job.itemId));
      } catch (error) {
        pending.reject(error);
        continue;
      }
      const named = new Set(items.map((item) => item.id));
      if (named.size < items.length) {
        const twice = items.find((item, i) => items.findIndex((other) => other.id === item.id) !== i)!;
        pending.reject(new ScrumdownError('invalid_argument', `${twice.id} is named twice in one request; name each item once.`, { item: twice.id }));
        continue;
      }
      // Two changes of one item wait for each other: the second is computed on the first's result.
      if (items.some((item) => touched.has(item.id))) {
        deferred.push(pending);
        continue;
      }
      for (const id of named) touched.add(id);
      if (ifMatch !== undefined) ifMatchTaken = true;
      pending.jobs.forEach((job, i) => candidates.push({ pending, job, item: items[i] }));
    }

    const results = editsForRequests(
      document,
      candidates.map((candidate) => ({ item: candidate.item, changes: candidate.job.changes })),
    );
    // A request is written whole or not at all: one refused item refuses its request.
    const refused = new Set<Pending>();
    candidates.forEach((candidate, i) => {
      const result = results[i];
      if (!result.ok && !refused.has(candidate.pending)) {
        refused.add(candidate.pending);
        candidate.pending.reject(result.error);
      }
    });
    const accepted: Accepted[] = [];
    candidates.forEach((candidate, i) => {
      const result = results[i];
      if (result.ok && !refused.has(candidate.pending)) accepted.push({ ...candidate, edits: result.edits });
    });
    const requests = [...new Set(accepted.map((entry) => entry.pending))];
    const entriesOf = (pending: Pending): Accepted[] => accepted.filter((entry) => entry.pending === pending);

    const edits = accepted.flatMap((entry) => entry.edits).sort((a, b) => a.start - b.start || a.end - b.end);
    if (edits.length === 0) {
      for (const pending of requests) {
        pending.resolve(entriesOf(pending).map((entry) => ({ document, version: document.version, item: entry.item, changes: [] })));
      }
      return deferred;
    }
    if (overlapping(edits) && requests.length > 1) {
      // Edits of neighbouring items that touch the same spot: one request per write.
      const [first, ...rest] = requests;
      return [...rest, ...deferred, ...(await writeBatch(db, documentId, [first]))];
    }

    // Bounds and overlaps checked once more before the bytes are cut (one request's own edits).
    const checked = sortedCheckedEdits(document.decoded.text, { hash: document.plan.hash, edits }, document.plan.hash);
    const bytes = spliceBytes(document.decoded, document.bytes, document.plan.hash, checked);
    const decoded = document.decoded.valid
      ? { ...document.decoded, text: spliceEdits(document.decoded.text, checked), original: undefined }
      : decodeBytes(bytes);
    const hash = contentHash(decoded.text);
    const version = document.version + 1;
    const at = accepted[0].job.at;

    const targets = new Map<string, Status>();
    for (const entry of accepted) {
      for (const change of entry.job.changes) if (change.field === 'status') targets.set(entry.item.id, change.value);
    }
    const onlyStatus = accepted.every((entry) => entry.job.changes.every((change) => change.field === 'status'));
    const fast = onlyStatus ? planFastUpdate(document, edits, targets) : null;
    const next = fast ? null : parseDocument({ id: document.id, projectId: document.projectId, name: document.name, version, bytes });

    // What each request changed, read from the plan after the edit (or the carried-over statuses).
    const outcomes = accepted.map((entry) => {
      const after = next ? (next.index.byId.get(entry.item.id) ?? entry.item) : entry.item;
      const changes: FieldChange[] = [];
      for (const change of entry.job.changes) {
        const from = trackedValue(entry.item, change.field);
        const to = fast ? (change.field === 'status' ? (fast.statuses.get(entry.item.id) ?? entry.item.status) : from) : trackedValue(after, change.field);
        if (from !== to && !changes.some((known) => known.field === change.field)) changes.push({ field: change.field, from, to });
      }
      return { entry, changes };
    });
    const history: NewHistoryRow[] = outcomes.flatMap(({ entry, changes }) =>
      changes.map((change) => ({
        project_id: document.projectId,
        document_id: document.id,
        item_id: entry.item.id,
        user_id: entry.job.userId,
        field: change.field,
        from_value: change.from,
        to_value: change.to,
        at,
        source: 'api',
      })),
    );

    const committed = await db.transaction().execute(async (trx) => {
      const updated = await updateDocumentContent(trx, document.id, document.version, {
        content: bytes,
        hash,
        updatedBy: accepted[0].job.userId,
        updatedAt: at,
      });
      if (!updated) return false;
      if (fast) {
        for (const [id, status] of fast.statuses) {
          const item = document.index.byId.get(id);
          if (!item) continue;
          await updateItem(trx, document.id, id, { status, data: JSON.stringify({ ...itemRow(item), status }) });
        }
      } else if (next) {
        await writeChangedRows(trx, document, next);
      }
      await insertHistory(trx, history);
      return true;
    });

    if (!committed) {
      forgetDocument(document.id);
      if (attempt >= MAX_ATTEMPTS) {
        throw new ScrumdownError('conflict', `${document.name} kept changing under this write; try again.`, { document: document.id });
      }
      continue;
    }

    const current = fast ? fast.apply({ version, bytes, decoded, hash }) : (next as ParsedDocument);
    cacheDocument(current);
    const settled = new Map<Pending, EditOutcome[]>();
    for (const { entry, changes } of outcomes) {
      const item = current.index.byId.get(entry.item.id) ?? entry.item;
      settled.set(entry.pending, [...(settled.get(entry.pending) ?? []), { document: current, version, item, changes }]);
    }
    for (const [pending, results] of settled) pending.resolve(results);
    return deferred;
  }
}

function overlapping(sorted: readonly TextEdit[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return true;
  return false;
}

/** Updates the rows whose values differ between two versions; rewrites all when the ids moved. */
async function writeChangedRows(db: Kysely<Database>, before: ParsedDocument, after: ParsedDocument): Promise<void> {
  const oldRows = documentRows(before);
  const newRows = documentRows(after);
  const sameIds = oldRows.length === newRows.length && oldRows.every((row, i) => row.item_id === newRows[i].item_id);
  if (!sameIds) {
    await replaceItems(db, after.id, newRows);
    return;
  }
  const changed = newRows.filter((row, i) => row.data !== oldRows[i].data || row.priority !== oldRows[i].priority || row.section !== oldRows[i].section);
  if (changed.length > 1000) {
    await replaceItems(db, after.id, newRows);
    return;
  }
  for (const row of changed) {
    await updateItem(db, after.id, row.item_id, {
      status: row.status,
      assignee: row.assignee,
      points: row.points,
      hours: row.hours,
      priority: row.priority,
      title: row.title,
      line: row.line,
      tags: row.tags,
      section: row.section,
      parent_id: row.parent_id,
      kind: row.kind,
      position: row.position,
      data: row.data,
    });
  }
}

