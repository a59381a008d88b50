// Which document and item an item route names. A project with one document takes the plan's own
// ids (and aliases); with several, `document:id` (the document's name or id before the first colon
// that names one), or a bare id that only one document has.

import { resolveItem } from '../../engine/edit/suggest.js';
import type { Item } from '../../engine/model.js';
import { ScrumdownError, isScrumdownError } from '../../errors.js';
import type { ParsedDocument } from '../documents/parsed.js';

export interface ResolvedItem {
  document: ParsedDocument;
  item: Item;
  /** The item's key in routes and lists. */
  key: string;
}

export function itemKey(document: ParsedDocument, itemId: string, several: boolean): string {
  return several ? `${document.name}:${itemId}` : itemId;
}

function tryResolve(document: ParsedDocument, id: string): Item | undefined {
  try {
    return resolveItem(document.plan, document.index, id);
  } catch (error) {
    if (isScrumdownError(error) && error.code === 'unknown_id') return undefined;
    throw error;
  }
}

function notFound(key: string, hint?: ScrumdownError): ScrumdownError {
  return new ScrumdownError('not_found', hint?.message ?? `The project has no item ${JSON.stringify(key)}.`, { item: key, ...(hint?.details ?? {}) });
}

export function resolveItemKey(documents: readonly ParsedDocument[], key: string): ResolvedItem {
  const several = documents.length > 1;
  // `document:id`, trying every colon so that names and ids with colons still work.
  for (let colon = key.indexOf(':'); colon > 0; colon = key.indexOf(':', colon + 1)) {
    const prefix = key.slice(0, colon);
    const document = documents.find((candidate) => candidate.name === prefix || candidate.id === prefix);
    if (!document) continue;
    const item = tryResolve(document, key.slice(colon + 1));
    if (item) return { document, item, key: itemKey(document, item.id, several) };
  }
  const found: ResolvedItem[] = [];
  for (const document of documents) {
    const item = tryResolve(document, key);
    if (item) found.push({ document, item, key: itemKey(document, item.id, several) });
  }
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new ScrumdownError(
      'invalid_argument',
      `Several documents have an item ${JSON.stringify(key)}: use ${found.map((entry) => entry.key).join(' or ')}.`,
      { item: key, candidates: found.map((entry) => entry.key) },
    );
  }
  if (documents.length === 1) {
    try {
      resolveItem(documents[0].plan, documents[0].index, key);
    } catch (error) {
      if (isScrumdownError(error)) throw notFound(key, error);
      throw error;
    }
  }
  throw notFound(key);
}
