// The CLI's operations against a server: sign in and keep an API token, push a plan file (and
// its history from git) into a project, pull a project's document, and fetch a document's bytes
// for the read commands (which then run the same services as on a local file).

import type { Timeline } from '../../engine/history/types.js';
import type { DocumentSummary } from '../documents/import.js';
import { pickDocument } from '../documents/read.js';
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
  return pickDocument(await listRemoteDocuments(client, project), wanted, { project, where: ` on ${client.server}`, choose: 'with --document NAME' });
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
  const existing = documents.find((document) => document.name === name);
  if (!existing) return { document: await createRemoteDocument(client, project, name, bytes, history), created: true };
  return { document: await replaceRemoteDocument(client, project, existing.id, existing.etag, bytes, history), created: false };
}

/** The upload body: the bytes as base64, and the history from git when there is one. */
function uploadBody(bytes: Uint8Array, history: Timeline | undefined): Record<string, unknown> {
  return { content: Buffer.from(bytes).toString('base64'), encoding: 'base64', ...(history ? { history: { commits: history.commits, items: history.items } } : {}) };
}

/** A new document in the project (version 1); a name the project already has is a conflict. */
export async function createRemoteDocument(client: RemoteClient, project: string, name: string, bytes: Uint8Array, history?: Timeline): Promise<DocumentSummary> {
  return client.json<DocumentSummary>('POST', `${projectPath(project)}/documents`, { name, ...uploadBody(bytes, history) });
}

/** The document's next version, if it is still at `etag` (else a conflict). */
export async function replaceRemoteDocument(client: RemoteClient, project: string, id: string, etag: string, bytes: Uint8Array, history?: Timeline): Promise<DocumentSummary> {
  return client.json<DocumentSummary>('PUT', `${projectPath(project)}/documents/${encodeURIComponent(id)}`, uploadBody(bytes, history), { 'if-match': etag });
}

export interface FetchedDocument {
  name: string;
  version: number;
  /** The version as If-Match wants it. */
  etag: string;
  bytes: Uint8Array;
}

/** A document's current bytes (every edit applied), exactly as the server stores them. */
export async function fetchDocument(client: RemoteClient, project: string, wanted: string | undefined): Promise<FetchedDocument> {
  return downloadRemoteDocument(client, project, await chooseDocument(client, project, wanted));
}

/** The bytes of a listed document, with the version they are (it may have moved on since the list). */
export async function downloadRemoteDocument(client: RemoteClient, project: string, document: DocumentListEntry): Promise<FetchedDocument> {
  const response = await client.raw('GET', `${projectPath(project)}/documents/${encodeURIComponent(document.id)}?format=raw`);
  const etag = response.headers.get('etag') ?? document.etag;
  return { name: document.name, version: Number(etag.replace(/\D/g, '')), etag, bytes: response.bytes };
}
