// Reading a project's documents: the list, one document's summary with the engine's findings, its
// current bytes (every edit applied), and every document read by the engine for the services
// that analyse a project.

import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import { documentVersions, findDocument, listDocumentMeta } from '../../store/repositories/documents.js';
import type { Database } from '../../store/schema.js';
import { loadDocument } from './cache.js';
import { documentNotFound, etagOf, summarize } from './import.js';
import type { DocumentSummary } from './import.js';
import type { ParsedDocument } from './parsed.js';

export interface DocumentListEntry {
  id: string;
  name: string;
  version: number;
  etag: string;
  hash: string;
  size: number;
  updatedAt: string;
  updatedBy: string;
}

export async function listDocuments(db: Kysely<Database>, projectId: string): Promise<DocumentListEntry[]> {
  const rows = await listDocumentMeta(db, projectId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    version: row.version,
    etag: etagOf(row.version),
    hash: row.hash,
    size: row.size,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

/** How pickDocument's messages name the project and the way to choose a document. */
export interface PickContext {
  project: string;
  /** Where the project is, e.g. " on https://plans.example.com" (may be empty). */
  where: string;
  /** How the caller names a document, e.g. "with --document NAME". */
  choose: string;
}

/** The document wanted (by name, id or file name), else the project's only one. */
export function pickDocument(documents: readonly DocumentListEntry[], wanted: string | undefined, context: PickContext): DocumentListEntry {
  const { project, where, choose } = context;
  const names = documents.map((document) => document.name);
  if (wanted !== undefined) {
    const found = documents.find((document) => document.name === wanted || document.id === wanted) ?? documents.find((document) => basename(document.name) === wanted);
    if (!found) throw new ScrumdownError('not_found', `Project ${project}${where} has no document ${wanted}. Its documents: ${names.join(', ') || '(none)'}.`, { project, document: wanted });
    return found;
  }
  if (documents.length === 1) return documents[0];
  if (documents.length === 0) {
    throw new ScrumdownError('not_found', `Project ${project}${where} has no documents yet. Push one with scrumdown push FILE --project ${project}.`, { project });
  }
  throw new ScrumdownError('invalid_argument', `Project ${project} has ${documents.length} documents (${names.join(', ')}); say which ${choose}.`, { project, documents: names });
}

export async function getDocument(db: Kysely<Database>, projectId: string, document: string): Promise<DocumentSummary> {
  const row = await findDocument(db, projectId, document);
  if (!row) throw documentNotFound(document);
  return summarize(await loadDocument(db, row.id, row.version), row.updated_at);
}

export interface DownloadedDocument {
  name: string;
  version: number;
  etag: string;
  bytes: Uint8Array;
}

/** The current Markdown, exactly the stored bytes. */
export async function downloadDocument(db: Kysely<Database>, projectId: string, document: string): Promise<DownloadedDocument> {
  const row = await findDocument(db, projectId, document);
  if (!row) throw documentNotFound(document);
  return { name: row.name, version: row.version, etag: etagOf(row.version), bytes: row.content };
}

/** Every document of the project read by the engine, in name order. */
export async function projectDocuments(db: Kysely<Database>, projectId: string): Promise<ParsedDocument[]> {
  const versions = await documentVersions(db, projectId);
  return Promise.all(versions.map((entry) => loadDocument(db, entry.id, entry.version)));
}
