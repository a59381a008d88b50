// Plan documents as stored rows: the Markdown bytes with their version. Every change of content
// goes through `updateDocumentContent`, which only writes when the row still has the version the
// writer started from, so two writers (two requests, or two server processes) never overwrite
// each other's change.

import type { Kysely, Transaction } from 'kysely';
import type { Database, DocumentsTable } from '../schema.js';
import type { Insertable } from 'kysely';

type Executor = Kysely<Database> | Transaction<Database>;

/** A document without its content: what lists and version checks need. */
export interface DocumentMeta {
  id: string;
  project_id: string;
  name: string;
  version: number;
  hash: string;
  size: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface DocumentVersion {
  id: string;
  name: string;
  version: number;
}

export interface StoredDocument extends DocumentMeta {
  content: Uint8Array;
}

const META_COLUMNS = ['id', 'project_id', 'name', 'version', 'hash', 'created_by', 'created_at', 'updated_by', 'updated_at'] as const;

/** Both drivers bind Buffers as blobs (better-sqlite3 refuses a bare Uint8Array). */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asBytes(content: unknown): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return new Uint8Array(0);
}

export async function insertDocument(db: Executor, row: Insertable<DocumentsTable>): Promise<void> {
  await db
    .insertInto('documents')
    .values({ ...row, content: toBuffer(row.content) })
    .execute();
}

/** Every document of a project with its version, in name order (the order items are listed in). */
export async function documentVersions(db: Executor, projectId: string): Promise<DocumentVersion[]> {
  return db.selectFrom('documents').select(['id', 'name', 'version']).where('project_id', '=', projectId).orderBy('name').execute();
}

export async function listDocumentMeta(db: Executor, projectId: string): Promise<DocumentMeta[]> {
  const rows = await db
    .selectFrom('documents')
    .select(META_COLUMNS)
    .select((eb) => eb.fn<number>('length', ['content']).as('size'))
    .where('project_id', '=', projectId)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ ...row, size: Number(row.size) }));
}

/** The document a route names by id or by name, within the project. */
export async function findDocument(db: Executor, projectId: string, idOrName: string): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const content = asBytes(row.content);
  return { ...row, content, size: content.length };
}

export async function findDocumentById(db: Executor, id: string): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const content = asBytes(row.content);
  return { ...row, content, size: content.length };
}

export interface ContentUpdate {
  content: Uint8Array;
  hash: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * Writes new content as version `expectedVersion + 1`, only if the row is still at
 * `expectedVersion`. Returns false when another writer got there first.
 */
export async function updateDocumentContent(db: Executor, id: string, expectedVersion: number, update: ContentUpdate): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({
      content: toBuffer(update.content),
      hash: update.hash,
      version: expectedVersion + 1,
      updated_by: update.updatedBy,
      updated_at: update.updatedAt,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDocument(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('documents').where('id', '=', id).execute();
}
