// Putting a Markdown document into a project, and replacing it. The bytes are kept exactly as
// uploaded (a download of an unchanged document is byte-identical: BOM, CRLF, invalid UTF-8 and
// all); the engine reads them into items, stored in the same transaction. Problems the engine
// finds in the plan come back as findings; they never refuse an upload. Only what is not a
// Markdown document at all is refused: more than 10 MB, or binary content.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { looksBinary } from '../../engine/decode.js';
import type { Finding } from '../../engine/model.js';
import { ScrumdownError } from '../../errors.js';
import { findDocument, insertDocument, updateDocumentContent } from '../../store/repositories/documents.js';
import { insertHistory } from '../../store/repositories/history.js';
import type { NewHistoryRow } from '../../store/repositories/history.js';
import { replaceItems } from '../../store/repositories/items.js';
import type { Database } from '../../store/schema.js';
import { cacheDocument, loadDocument } from './cache.js';
import { documentRows, TRACKED_FIELDS, trackedValue } from './item-rows.js';
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
  now?: Date;
}

/**
 * Stores a new document in the project with its items (one transaction). A name the project
 * already holds is a conflict: replace that document instead.
 */
export async function importDocument(db: Kysely<Database>, input: ImportDocumentInput): Promise<DocumentSummary> {
  const name = checkDocumentName(input.name);
  checkDocumentBytes(input.bytes, name);
  const at = (input.now ?? new Date()).toISOString();
  const document = parseDocument({ id: randomUUID(), projectId: input.projectId, name, version: 1, bytes: input.bytes });
  const existing = await findDocument(db, input.projectId, name);
  if (existing) throw alreadyThere(name, existing.version);
  try {
    await db.transaction().execute(async (trx) => {
      await insertDocument(trx, {
        id: document.id,
        project_id: input.projectId,
        name,
        content: input.bytes,
        version: 1,
        hash: document.plan.hash,
        created_by: input.userId,
        created_at: at,
        updated_by: input.userId,
        updated_at: at,
      });
      await replaceItems(trx, document.id, documentRows(document));
    });
  } catch (error) {
    // Two uploads of one name at once: the unique constraint lets one in.
    if (await findDocument(db, input.projectId, name)) throw alreadyThere(name, 1);
    throw error;
  }
  cacheDocument(document);
  await importPlanSprints(db, { projectId: input.projectId, document, userId: input.userId, now: new Date(at) });
  return summarize(document, at);
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
  now?: Date;
}

/**
 * Replaces a document's content as its next version: items rewritten, and a history row (source
 * `upload`) for every tracked field the new text changes on an item both versions have.
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
    const history: NewHistoryRow[] = [];
    for (const item of after.plan.items) {
      const old = before.index.byId.get(item.id);
      if (!old) continue;
      for (const field of TRACKED_FIELDS) {
        const from = trackedValue(old, field);
        const to = trackedValue(item, field);
        if (from !== to) {
          history.push({ project_id: row.project_id, document_id: row.id, item_id: item.id, user_id: input.userId, field, from_value: from, to_value: to, at, source: 'upload' });
        }
      }
    }
    const committed = await db.transaction().execute(async (trx) => {
      const updated = await updateDocumentContent(trx, row.id, row.version, { content: input.bytes, hash: after.plan.hash, updatedBy: input.userId, updatedAt: at });
      if (!updated) return false;
      await replaceItems(trx, row.id, documentRows(after));
      await insertHistory(trx, history);
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
