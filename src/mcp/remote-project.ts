// The project backend for `scrumdown mcp --server URL --project P`: the team server's REST API
// through the CLI's remote client, with the API token `scrumdown login` stored (or --token). Item
// changes are PATCH …/items/:id with If-Match.

import type { Status } from '../engine/model.js';
import { etagOf } from '../services/documents/import.js';
import type { DocumentListEntry } from '../services/documents/read.js';
import { parseDocument } from '../services/documents/parsed.js';
import { RemoteClient } from '../services/remote/client.js';
import { chooseDocument, fetchDocument } from '../services/remote/documents.js';
import { checkDay, todayOf } from '../services/sprints/dates.js';
import type { Feed, StandupInput, StandupView } from '../services/standups/index.js';
import type { ProjectBackend, ProjectDocument } from './project-source.js';

export class RemoteProject implements ProjectBackend {
  readonly label: string;
  readonly uri: string;
  private readonly base: string;
  /** The token owner's user id, asked for once. */
  private me: string | undefined;

  private constructor(
    private readonly client: RemoteClient,
    private readonly project: string,
    private readonly entry: DocumentListEntry,
  ) {
    this.base = `/api/v1/projects/${encodeURIComponent(project)}`;
    this.label = `project ${project} on ${client.server}`;
    this.uri = `${client.server}${this.base}/documents/${encodeURIComponent(entry.id)}?format=raw`;
  }

  /** Finds the document to serve (the one named, else the project's only one); fails at once on a bad token or project. */
  static async open(client: RemoteClient, project: string, document: string | undefined): Promise<RemoteProject> {
    return new RemoteProject(client, project, await chooseDocument(client, project, document));
  }

  async document(): Promise<ProjectDocument> {
    const fetched = await fetchDocument(this.client, this.project, this.entry.id);
    return parseDocument({ id: this.entry.id, projectId: this.project, name: fetched.name, version: fetched.version, bytes: fetched.bytes });
  }

  async version(): Promise<number> {
    return (await chooseDocument(this.client, this.project, this.entry.id)).version;
  }

  async setItemStatuses(keys: readonly string[], status: Status, ifMatch: number): Promise<number> {
    const patched = await this.client.json<{ version: number }>('PATCH', `${this.base}/items`, { items: keys.map((id) => ({ id, status })) }, { 'if-match': etagOf(ifMatch) });
    return patched.version;
  }

  addStandup(input: StandupInput): Promise<StandupView> {
    return this.client.json<StandupView>('POST', `${this.base}/standups`, input);
  }

  /** The feed of one person and one day holds at most their one entry; today is the UTC day, as on the server. */
  async ownStandup(day: string | undefined): Promise<StandupView | undefined> {
    this.me ??= (await this.client.json<{ id: string }>('GET', '/api/v1/me')).id;
    // Checked here as the server checks a day it is given: a bad day is named as `day`, not as the feed's range.
    const on = day === undefined ? todayOf(new Date()) : checkDay(day, 'day');
    const query = new URLSearchParams({ user: this.me, from: on, to: on, limit: '1' });
    return (await this.client.json<Feed>('GET', `${this.base}/standups?${query.toString()}`)).entries[0];
  }

  updateStandup(id: string, changes: StandupInput): Promise<StandupView> {
    return this.client.json<StandupView>('PATCH', `${this.base}/standups/${encodeURIComponent(id)}`, changes);
  }
}
