// What every request handler can reach: the app's dependencies and what middleware learned about
// the request (its id, its logger, the signed-in user, the project and the caller's role in it).

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/config.js';
import type { DatabaseHandle } from '../store/database.js';
import type { Database, Project, ProjectRole } from '../store/schema.js';
import type { AuthUser } from '../services/accounts/types.js';
import type { Clock } from '../services/clock.js';
import type { ProjectAccess } from '../services/projects/index.js';
import type { Metrics } from './metrics.js';

export interface AppDeps {
  db: DatabaseHandle;
  config: ServerConfig;
  clock: Clock;
  logger: Logger;
}

/**
 * The dependencies as handlers see them. `handle` is the database handle with query timing
 * attached (its `db` is the instrumented Kysely); `db` is the same Kysely, for short.
 */
export interface AppServices {
  db: Kysely<Database>;
  handle: DatabaseHandle;
  config: ServerConfig;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

export interface AppVariables {
  services: AppServices;
  requestId: string;
  /** The app logger bound to this request's id. */
  logger: Logger;
  /** Set by the auth middleware; read it with currentUser(c). */
  user: AuthUser | undefined;
  /** Why the credential sent was refused, until rejectFailedCredential answers with it. */
  authFailure: unknown;
  /** Set by requireProjectRole; read it with currentProject(c). */
  project: Project | undefined;
  /** The caller's effective role in `project` (admins act as owners). */
  projectRole: ProjectRole | undefined;
  /** Set when the web app answered: its files and client routes share one route label. */
  webApp: boolean | undefined;
  /** Project, effective role and membership role together; read it with currentProject(c). */
  projectAccess: ProjectAccess | undefined;
  /** The client's address as the rate limits see it. */
  clientIp: string;
}

export interface AppEnv {
  Variables: AppVariables;
  /** @hono/node-server passes the Node request objects here; absent under app.request() in tests. */
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
}
