// The project backend for the server's own /mcp endpoint: the same services the REST routes call,
// in this process, as the user the API token belongs to, with the role checks the routes make
// (viewers read; changing an item and writing or changing a standup need the member role).

import type { Kysely } from 'kysely';
import type { Status } from '../../engine/model.js';
import type { ProjectDocument, ProjectBackend } from '../../mcp/project-source.js';
import type { AuthUser } from '../../services/accounts/types.js';
import type { Clock } from '../../services/clock.js';
import { loadDocument } from '../../services/documents/cache.js';
import { documentNotFound } from '../../services/documents/import.js';
import type { DocumentListEntry } from '../../services/documents/read.js';
import { patchProjectItems } from '../../services/items/item.js';
import { requireRole } from '../../services/projects/index.js';
import type { ProjectAccess } from '../../services/projects/index.js';
import { createStandup, ownStandup, updateStandup } from '../../services/standups/index.js';
import type { StandupInput, StandupView } from '../../services/standups/index.js';
import { documentVersions } from '../../store/repositories/documents.js';
import type { Database } from '../../store/schema.js';

export interface LocalProjectInput {
  db: Kysely<Database>;
  clock: Clock;
  user: AuthUser;
  access: ProjectAccess;
  document: DocumentListEntry;
  /** The server's public address, for the resource URI. */
  origin: string;
}

export class LocalProject implements ProjectBackend {
  readonly label: string;
  readonly uri: string;

  constructor(private readonly input: LocalProjectInput) {
    const { key } = input.access.project;
    this.label = `project ${key}`;
    this.uri = `${input.origin}/api/v1/projects/${encodeURIComponent(key)}/documents/${encodeURIComponent(input.document.id)}?format=raw`;
  }

  async version(): Promise<number> {
    const { db, access, document } = this.input;
    const current = (await documentVersions(db, access.project.id)).find((entry) => entry.id === document.id);
    if (!current) throw documentNotFound(document.name);
    return current.version;
  }

  async document(): Promise<ProjectDocument> {
    return loadDocument(this.input.db, this.input.document.id, await this.version());
  }

  async setItemStatuses(keys: readonly string[], status: Status, ifMatch: number): Promise<number> {
    const { db, clock, user, access } = this.input;
    requireRole(access, 'member');
    const patched = await patchProjectItems(db, { projectId: access.project.id, items: keys.map((key) => ({ key, patch: { status } })), userId: user.id, ifMatch, now: clock() });
    return patched.version;
  }

  addStandup(standup: StandupInput): Promise<StandupView> {
    const { db, clock, user, access } = this.input;
    requireRole(access, 'member');
    return createStandup(db, { projectId: access.project.id, projectKey: access.project.key, actor: user, standup, now: clock() });
  }

  ownStandup(day: string | undefined): Promise<StandupView | undefined> {
    const { db, clock, user, access } = this.input;
    return ownStandup(db, { projectId: access.project.id, userId: user.id, day, now: clock() });
  }

  updateStandup(id: string, changes: StandupInput): Promise<StandupView> {
    const { db, clock, user, access } = this.input;
    requireRole(access, 'member');
    return updateStandup(db, { projectId: access.project.id, projectKey: access.project.key, actor: user, id, standup: changes, now: clock() });
  }
}
