// The versions of documents this process has read, so a request reads a 10k-item plan in
// microseconds instead of rebuilding it. The database stays the truth: a request first asks it
// for the document's current version and uses the cached one only when it is at least that new
// (another server process may have written since). Loads of the same version share one build.

import type { Kysely } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import { findDocumentById } from '../../store/repositories/documents.js';
import type { Database } from '../../store/schema.js';
import { parseDocument } from './parsed.js';
import type { ParsedDocument } from './parsed.js';

const MAX_DOCUMENTS = 32;

const entries = new Map<string, ParsedDocument>();
const loading = new Map<string, Promise<ParsedDocument>>();

function remember(document: ParsedDocument): void {
  const current = entries.get(document.id);
  if (current && current.version > document.version) return;
  entries.delete(document.id);
  entries.set(document.id, document);
  while (entries.size > MAX_DOCUMENTS) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** The cached version of a document when it is at least `version`. */
export function cachedDocument(id: string, version: number): ParsedDocument | undefined {
  const entry = entries.get(id);
  return entry && entry.version >= version ? entry : undefined;
}

/** Puts a freshly parsed version in the cache (writers call this after their commit). */
export function cacheDocument(document: ParsedDocument): void {
  remember(document);
}

export function forgetDocument(id: string): void {
  entries.delete(id);
}

/** The document at (at least) `version`, read from the database and built when not cached. */
export async function loadDocument(db: Kysely<Database>, id: string, version: number): Promise<ParsedDocument> {
  const cached = cachedDocument(id, version);
  if (cached) return cached;
  const key = `${id}@${version}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = (async () => {
      const row = await findDocumentById(db, id);
      if (!row) throw new ScrumdownError('not_found', `Document ${id} no longer exists.`, { document: id });
      const again = cachedDocument(id, row.version);
      if (again) return again;
      const parsed = parseDocument({ id: row.id, projectId: row.project_id, name: row.name, version: row.version, bytes: row.content });
      remember(parsed);
      return parsed;
    })().finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}
