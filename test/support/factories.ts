// Test factories for the team server: an app on a test database with a manual clock and a
// captured log, users (with a ready access token), projects, and a project with one user in every
// role. Users are written straight to the database with a password hash computed once per
// process, so a file can make dozens of them without paying for argon2 each time.

import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createApp } from '../../src/api/app.js';
import type { ScrumdownApp } from '../../src/api/app.js';
import { createLogger } from '../../src/api/logger.js';
import type { ServerConfig } from '../../src/config/config.js';
import { testConfig } from '../../src/config/testing.js';
import { hashPassword, issueAccessToken } from '../../src/services/accounts/index.js';
import { manualClock } from '../../src/services/clock.js';
import { createProject as createProjectService, setMember, projectAccess } from '../../src/services/projects/index.js';
import type { ProjectView } from '../../src/services/projects/index.js';
import type { DatabaseHandle } from '../../src/store/database.js';
import { insertUser } from '../../src/store/repositories/users.js';
import type { ProjectRole } from '../../src/store/schema.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export type ManualClock = ReturnType<typeof manualClock>;

export interface TestResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when the body is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever the route returns
  text: string;
}

export interface RequestOptions {
  /** Bearer credential (access token or API token). */
  token?: string | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (with the content type in headers). */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: ScrumdownApp;
  handle: DatabaseHandle;
  config: ServerConfig;
  clock: ManualClock;
  /** The app's logger, for services a test runs beside the app. */
  logger: Logger;
  /** Every log line written so far, as text (one JSON object per line). */
  logText(): string;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
}

/** The app on the given database (migrated), with a test configuration and a manual clock. */
export function createTestApp(handle: DatabaseHandle, overrides: Partial<ServerConfig> = {}, clock: ManualClock = manualClock()): TestApp {
  const config = testConfig({ logLevel: 'info', ...overrides });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const app = createApp({ db: handle, config, clock, logger });
  return {
    app,
    handle,
    config,
    clock,
    logger,
    logText: () => lines.join(''),
    request: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      let body: RequestInit['body'];
      if (options.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.body !== undefined) {
        body = options.body as RequestInit['body'];
      }
      const response = await app.request(path, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
  };
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** A name no other factory call in this process returns. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid.toString(36)}-${counter}`;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
  /** A valid access token for the user, issued at the test clock's time. */
  token: string;
}

export interface UserOptions {
  email?: string;
  name?: string;
  admin?: boolean;
}

/** A user with the password TEST_PASSWORD and an access token. */
export async function createUser(t: TestApp, options: UserOptions = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique('user');
  const email = (options.email ?? `${id}@example.test`).toLowerCase();
  const name = options.name ?? `User ${id}`;
  const at = t.clock().toISOString();
  await insertUser(t.handle.db, {
    id,
    email,
    name,
    password_hash: await passwordHash,
    is_admin: options.admin ? 1 : 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
  });
  const token = await issueAccessToken(id, t.config.jwtSecret, t.clock(), t.config.accessTokenSeconds);
  return { id, email, name, password: TEST_PASSWORD, isAdmin: options.admin ?? false, token };
}

function authUser(user: TestUser) {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, via: 'access_token' as const };
}

/** A project owned by `owner`. */
export async function createProject(t: TestApp, owner: TestUser, options: { key?: string; name?: string } = {}): Promise<ProjectView> {
  const key = options.key ?? unique('project').toLowerCase();
  return createProjectService({ db: t.handle.db, handle: t.handle, clock: t.clock }, authUser(owner), { key, name: options.name ?? `Project ${key}` });
}

/** Adds `user` to the project with `role` (or changes their role). */
export async function addMember(t: TestApp, project: ProjectView, user: TestUser, role: ProjectRole): Promise<void> {
  const ctx = { db: t.handle.db, handle: t.handle, clock: t.clock };
  const access = await projectAccess(ctx, { id: project.id, email: '', name: '', isAdmin: true, via: 'access_token' }, project.key);
  await setMember(ctx, access, user.id, role);
}

/** Who calls a route in the role matrix. */
export const ACTORS = ['anonymous', 'nonMember', 'viewer', 'member', 'owner', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface RoleUsers {
  nonMember: TestUser;
  viewer: TestUser;
  member: TestUser;
  owner: TestUser;
  admin: TestUser;
  /** A further member (role member) that routes about someone else can name. */
  other: TestUser;
}

/** One user per role (created once, reused across projects). */
export async function createRoleUsers(t: TestApp): Promise<RoleUsers> {
  return {
    nonMember: await createUser(t, { name: 'Nora Nonmember' }),
    viewer: await createUser(t, { name: 'Vera Viewer' }),
    member: await createUser(t, { name: 'Max Member' }),
    owner: await createUser(t, { name: 'Olga Owner' }),
    admin: await createUser(t, { name: 'Ada Admin', admin: true }),
    other: await createUser(t, { name: 'Otto Other' }),
  };
}

/** A new project in which the role users hold their roles (the admin is not a member). */
export async function projectWithRoles(t: TestApp, users: RoleUsers, options: { key?: string } = {}): Promise<ProjectView> {
  const project = await createProject(t, users.owner, options);
  await addMember(t, project, users.viewer, 'viewer');
  await addMember(t, project, users.member, 'member');
  await addMember(t, project, users.other, 'member');
  return project;
}

/** The access token an actor sends (none for anonymous). */
export function tokenOf(users: RoleUsers, actor: Actor): string | undefined {
  return actor === 'anonymous' ? undefined : users[actor].token;
}
