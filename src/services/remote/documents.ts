// The CLI's operations against a server: sign in and keep an API token, push a plan file (and
// its history from git) into a project, pull a project's document, and fetch a document's bytes
// for the read commands (which then run the same services as on a local file).

import { basename } from 'node:path';
import type { Timeline } from '../../engine/history/types.js';
import { ScrumdownError } from '../../errors.js';
import type { DocumentSummary } from '../documents/import.js';
import type { DocumentListEntry } from '../documents/read.js';
import { RemoteClient } from './client.js';

function projectPath(project: string): string {
  return `/api/v1/projects/${encodeURIComponent(project)}`;
}

export interface LoginResult {
  server: string;
  email: string;
  token: string;
  tokenName: string;
}

/** Signs in with a password and creates an API token for this machine (the password is not kept). */
export async function loginWithPassword(server: string, email: string, password: string, tokenName: string): Promise<LoginResult> {
  const anonymous = new RemoteClient({ server });
  const session = await anonymous.json<{ accessToken: string; user: { email: string } }>('POST', '/api/v1/auth/login', { email, password });
  const signedIn = new RemoteClient({ server, token: session.accessToken });
  const created = await signedIn.json<{ token: string; name: string }>('POST', '/api/v1/tokens', { name: tokenName });
  return { server, email: session.user.email, token: created.token, tokenName: created.name };
}

/** Checks a token the user gave (--token) and says whose it is. */
export async function whoAmI(server: string, token: string): Promise<{ email: string }> {
  return new RemoteClient({ server, token }).json<{ email: string }>('GET', '/api/v1/me');
}

export async function listRemoteDocuments(client: RemoteClient, project: string): Promise<DocumentListEntry[]> {
  const { documents } = await client.json<{ documents: DocumentListEntry[] }>('GET', `${projectPath(project)}/documents`);
  return documents;
}

/** The document a command means: the one named, else the project's only one. */
export async function chooseDocument(client: RemoteClient, project: string, wanted: string | undefined): Promise<DocumentListEntry> {
  const documents = await listRemoteDocuments(client, project);
  if (wanted !== undefined) {
    const found = documents.find((document) => document.name === wanted || document.id === wanted) ?? documents.find((document) => basename(document.name) === wanted);
    if (!found) {
      const names = documents.map((document) => document.name).join(', ') || '(none)';
      throw new ScrumdownError('not_found', `Project ${project} on ${client.server} has no document ${wanted}. Its documents: ${names}.`, { project, document: wanted });
    }
    return found;
  }
  if (documents.length === 1) return documents[0];
  if (documents.length === 0) {
    throw new ScrumdownError('not_found', `Project ${project} on ${client.server} has no documents yet. Push one with scrumdown push FILE --project ${project}.`, { project });
  }
  throw new ScrumdownError(
    'invalid_argument',
    `Project ${project} has ${documents.length} documents (${documents.map((document) => document.name).join(', ')}); say which with --document NAME.`,
    { project, documents: documents.map((document) => document.name) },
  );
}

export interface PushResult {
  document: DocumentSummary;
  created: boolean;
}

/**
 * Uploads a plan file as the project's document of that name: created, or replaced as its next
 * version; with `history` (the plan's history from git), the document's item history too.
 */
export async function pushDocument(client: RemoteClient, project: string, name: string, bytes: Uint8Array, history?: Timeline): Promise<PushResult> {
  const documents = await listRemoteDocuments(client, project);
  const body = { content: Buffer.from(bytes).toString('base64'), encoding: 'base64', ...(history ? { history: { commits: history.commits, items: history.items } } : {}) };
  const existing = documents.find((document) => document.name === name);
  if (!existing) {
    return { document: await client.json<DocumentSummary>('POST', `${projectPath(project)}/documents`, { name, ...body }), created: true };
  }
  const replaced = await client.json<DocumentSummary>('PUT', `${projectPath(project)}/documents/${encodeURIComponent(existing.id)}`, body, {
    'if-match': existing.etag,
  });
  return { document: replaced, created: false };
}

export interface FetchedDocument {
  name: string;
  version: number;
  bytes: Uint8Array;
}

/** A document's current bytes (every edit applied), exactly as the server stores them. */
export async function fetchDocument(client: RemoteClient, project: string, wanted: string | undefined): Promise<FetchedDocument> {
  const document = await chooseDocument(client, project, wanted);
  const response = await client.raw('GET', `${projectPath(project)}/documents/${encodeURIComponent(document.id)}?format=raw`);
  const etag = response.headers.get('etag');
  const version = etag ? Number(etag.replace(/\D/g, '')) : document.version;
  return { name: document.name, version, bytes: response.bytes };
}
