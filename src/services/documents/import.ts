// Putting a Markdown document into a project, and replacing it. The bytes are kept exactly as
// uploaded (a download of an unchanged document is byte-identical: BOM, CRLF, invalid UTF-8 and
// all); the engine reads them into items, stored in the same transaction. Problems the engine
// finds in the plan come back as findings; they never refuse an upload. Only what is not a
// Markdown document at all is refused: more than 10 MB, or binary content.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { looksBinary } from '../../engine/decode.js';
import type { ItemPresence } from '../../engine/history/changes.js';
import type { Timeline } from '../../engine/history/types.js';
import { chartWeights } from '../../engine/history/weights.js';
import type { Finding, Plan } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { findDocument, insertDocument, updateDocumentContent } from '../../store/repositories/documents.js';
import { insertHistory } from '../../store/repositories/history.js';
import type { NewHistoryRow } from '../../store/repositories/history.js';
import { replaceItems } from '../../store/repositories/items.js';
import { constraintViolation } from '../../store/violations.js';
import type { Database } from '../../store/schema.js';
import { cacheDocument, loadDocument } from './cache.js';
import { documentRows, TRACKED_FIELDS, trackedValue } from './item-rows.js';
import { explainedByHistory, gitHistoryRows, replaceGitHistory } from './git-history.js';
import { parseDocument } from './parsed.js';
import { importPlanSprints } from '../sprints/from-plan.js';
import type { ParsedDocument } from './parsed.js';
import { versionConflict } from './writer.js';

/** Uploads larger than this are refused with 413. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DocumentSummary {
  id: string;
  name: string;
  version: number;
  /** The ETag to send back as If-Match. */
  etag: string;
  hash: string;
  size: number;
  title: string;
  dialects: string[];
  items: number;
  /** What the engine found wrong in the plan while reading it. */
  findings: Finding[];
  updatedAt: string;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads an If-Match header: `"5"`, `W/"5"` or `5`; `*` (any version) and absence give undefined. */
export function parseIfMatch(header: string | undefined | null): number | undefined {
  if (header === undefined || header === null) return undefined;
  const value = header.trim();
  if (value === '' || value === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match) {
    throw new ScrumdownError('validation_failed', `If-Match must be the ETag you were given, e.g. "3" (got ${JSON.stringify(header)}).`, {
      in: 'header',
      fields: [{ field: 'If-Match', problem: 'not a version ETag' }],
    });
  }
  return Number(match[1]);
}

/** Checks a document name: a file name, optionally in folders, e.g. `tasks.md` or `specs/auth/tasks.md`. */
export function checkDocumentName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200 || /[\u0000-\u001f\\:]/.test(trimmed) || trimmed.startsWith('/') || trimmed.split('/').includes('..')) {
    throw new ScrumdownError(
      'validation_failed',
      `The document name ${JSON.stringify(name)} is not usable: give a file name of at most 200 characters without ':' or '\\', e.g. tasks.md or specs/auth/tasks.md.`,
      { in: 'body', fields: [{ field: 'name', problem: 'not a file name' }] },
    );
  }
  return trimmed;
}

export function checkDocumentBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ScrumdownError(
      'payload_too_large',
      `${name} is ${(bytes.length / (1024 * 1024)).toFixed(1)} MB; a document may be at most 10 MB. Split the plan into several documents.`,
      { size: bytes.length, limit: MAX_DOCUMENT_BYTES },
    );
  }
  if (looksBinary(bytes)) {
    throw new ScrumdownError('unsupported_format', `${name} looks like a binary file, not Markdown. Upload the plan's .md file.`, { name });
  }
}

export function summarize(document: ParsedDocument, updatedAt: string): DocumentSummary {
  return {
    id: document.id,
    name: document.name,
    version: document.version,
    etag: etagOf(document.version),
    hash: document.plan.hash,
    size: document.bytes.length,
    title: document.plan.title,
    dialects: document.plan.dialects,
    items: document.plan.items.length,
    findings: document.plan.findings,
    updatedAt,
  };
}

export interface ImportDocumentInput {
  projectId: string;
  /** The document's name within the project, e.g. `tasks.md`. */
  name: string;
  bytes: Uint8Array;
  /** The user who uploads it. */
  userId: string;
  /** The plan's history read from git: stored as the document's item history (source `git`). */
  history?: Timeline;
  now?: Date;
}

/**
 * Stores a new document in the project with its items, the sprints its plan declares and the
 * history pushed with it (one transaction). A name the project already holds is a conflict:
 * replace that document instead.
 */
export async function importDocument(db: Kysely<Database>, input: ImportDocumentInput): Promise<DocumentSummary> {
  const name = checkDocumentName(input.name);
  checkDocumentBytes(input.bytes, name);
  const at = (input.now ?? new Date()).toISOString();
  const document = parseDocument({ id: randomUUID(), projectId: input.projectId, name, version: 1, bytes: input.bytes });
  const existing = await findDocument(db, input.projectId, name);
  if (existing) throw alreadyThere(name, existing.version);
  const gitRows = input.history ? await gitHistoryRows(db, document, input.history) : [];
  // Another upload taking the next sprint numbers first makes this one try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await storeNewDocument(db, input, document, at, gitRows);
      break;
    } catch (error) {
      // Two uploads of one name at once: the unique constraint lets one in.
      if (await findDocument(db, input.projectId, name)) throw alreadyThere(name, 1);
      if (attempt >= 5 || constraintViolation(error) !== 'unique') throw error;
    }
  }
  cacheDocument(document);
  return summarize(document, at);
}

/** The document, its items, its plan's sprints and its pushed history, in one transaction. */
async function storeNewDocument(db: Kysely<Database>, input: ImportDocumentInput, document: ParsedDocument, at: string, gitRows: readonly NewHistoryRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertDocument(trx, {
      id: document.id,
      project_id: input.projectId,
      name: document.name,
      content: input.bytes,
      version: 1,
      hash: document.plan.hash,
      created_by: input.userId,
      created_at: at,
      updated_by: input.userId,
      updated_at: at,
    });
    await replaceItems(trx, document.id, documentRows(document));
    await importPlanSprints(trx, { projectId: input.projectId, document, userId: input.userId, now: new Date(at) });
    if (gitRows.length > 0) await replaceGitHistory(trx, document.id, gitRows);
  });
}

function alreadyThere(name: string, version: number): ScrumdownError {
  return new ScrumdownError('conflict', `The project already has a document named ${name}; replace it with PUT (If-Match: "${version}") instead.`, {
    name,
    currentVersion: version,
    etag: etagOf(version),
  });
}

export interface ReplaceDocumentInput {
  projectId: string;
  /** The document's id or name. */
  document: string;
  bytes: Uint8Array;
  userId: string;
  /** The version the client read; another one answers 409. Without it the last upload wins. */
  ifMatch?: number;
  /** As on import: replaces the document's git history rows. */
  history?: Timeline;
  now?: Date;
}

/** What an "added" or "removed" row carries: the item as the charts weigh it, by id. */
function presenceTexts(plan: Plan): Map<string, string> {
  const weights = chartWeights(plan.items);
  const texts = new Map<string, string>();
  plan.items.forEach((item, i) => {
    const weight = weights[i];
    const value: ItemPresence = { title: item.title, status: item.status, points: weight.points, counted: weight.counted };
    if (weight.charted) texts.set(item.id, JSON.stringify(value));
  });
  return texts;
}

/**
 * The history rows of a new version: every tracked field it changes on an item both versions
 * have, and the items it adds and removes. Changes the pushed git history already records are
 * left to it.
 */
function uploadRows(before: ParsedDocument, after: ParsedDocument, base: Pick<NewHistoryRow, 'project_id' | 'document_id' | 'user_id' | 'at'>, history?: Timeline): NewHistoryRow[] {
  const rows: NewHistoryRow[] = [];
  const add = (item_id: string, field: string, from_value: string | null, to_value: string | null): void => {
    rows.push({ ...base, item_id, field, from_value, to_value, source: 'upload' });
  };
  // Checks belong to their item: they are not scope of their own, so they get no presence rows.
  const added = presenceTexts(after.plan);
  for (const item of after.plan.items) {
    const old = before.index.byId.get(item.id);
    if (!old) {
      const presence = added.get(item.id);
      if (presence !== undefined) add(item.id, 'added', null, presence);
      continue;
    }
    for (const field of TRACKED_FIELDS) {
      const from = trackedValue(old, field);
      const to = trackedValue(item, field);
      if (from !== to) add(item.id, field, from, to);
    }
  }
  const removed = presenceTexts(before.plan);
  for (const item of before.plan.items) {
    const presence = removed.get(item.id);
    if (presence !== undefined && !after.index.byId.has(item.id)) add(item.id, 'removed', presence, null);
  }
  if (!history) return rows;
  const explained = explainedByHistory(history);
  return rows.filter((row) => !explained(row.item_id, row.field, row.to_value ?? null));
}

/**
 * Replaces a document's content as its next version: items rewritten, history rows (source
 * `upload`) for what the new text changes, and the pushed git history in place of the old.
 */
export async function replaceDocument(db: Kysely<Database>, input: ReplaceDocumentInput): Promise<DocumentSummary> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    const row = await findDocument(db, input.projectId, input.document);
    if (!row) throw documentNotFound(input.document);
    checkDocumentBytes(input.bytes, row.name);
    if (input.ifMatch !== undefined && input.ifMatch !== row.version) throw versionConflict(row.name, input.ifMatch, row.version);
    const before = await loadDocument(db, row.id, row.version);
    const at = (input.now ?? new Date()).toISOString();
    const after = parseDocument({ id: row.id, projectId: row.project_id, name: row.name, version: row.version + 1, bytes: input.bytes });
    const history = uploadRows(before, after, { project_id: row.project_id, document_id: row.id, user_id: input.userId, at }, input.history);
    const gitRows = input.history ? await gitHistoryRows(db, after, input.history) : null;
    const committed = await db.transaction().execute(async (trx) => {
      const updated = await updateDocumentContent(trx, row.id, row.version, { content: input.bytes, hash: after.plan.hash, updatedBy: input.userId, updatedAt: at });
      if (!updated) return false;
      await replaceItems(trx, row.id, documentRows(after));
      await insertHistory(trx, history);
      if (gitRows) await replaceGitHistory(trx, row.id, gitRows);
      return true;
    });
    if (committed) {
      cacheDocument(after);
      return summarize(after, at);
    }
  }
  throw new ScrumdownError('conflict', `The document ${input.document} kept changing under this upload; try again.`, { document: input.document });
}

export function documentNotFound(document: string): ScrumdownError {
  return new ScrumdownError('not_found', `The project has no document ${JSON.stringify(document)}. List them with GET …/documents.`, { document });
}
