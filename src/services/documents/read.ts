// Reading a project's documents: the list, one document's summary with the engine's findings, its
// current bytes (every edit applied), and every document read by the engine for the services
// that analyse a project.

import type { Kysely } from 'kysely';
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
