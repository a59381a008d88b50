// The role matrix: every route called by every kind of caller (anonymous, non-member, viewer,
// member, owner, admin), on SQLite and on PostgreSQL, each compared with the status the route
// must give. A file declares its routes as cases:
//
//   roleMatrix('projects', [
//     { method: 'GET', path: '/api/v1/projects/{p}', expect: statuses(401, 404, 200, 200, 200, 200) },
//     { method: 'DELETE', path: '/api/v1/projects/{p}', expect: statuses(401, 404, 403, 403, 204, 204) },
//   ]);
//
// {p} is the project's key, {other} the id of a further member (role member); `setup` can add
// more placeholders (e.g. a document it uploaded). Writing cases give each caller a fresh project
// so that one caller's success does not change what the next one sees.

import { beforeAll, expect, it } from 'vitest';
import type { ServerConfig } from '../../src/config/config.js';
import type { ProjectView } from '../../src/services/projects/index.js';
import { describeEachDatabase } from './databases.js';
import { ACTORS, createRoleUsers, createTestApp, projectWithRoles, tokenOf } from './factories.js';
import type { Actor, RoleUsers, TestApp } from './factories.js';

export interface RoleFixture {
  t: TestApp;
  users: RoleUsers;
  project: ProjectView;
  actor: Actor;
  /** Placeholder values for the path: p, other, and whatever setup returned. */
  vars: Record<string, string>;
}

export interface RoleCase {
  method: string;
  /** The path with {placeholders}. */
  path: string;
  /** A JSON body, or a function making one per call (e.g. a unique key). */
  json?: unknown;
  body?: string | ((fixture: RoleFixture) => string);
  headers?: Record<string, string> | ((fixture: RoleFixture) => Record<string, string>);
  /** Expected status per caller. */
  expect: Record<Actor, number>;
  /** Runs before the call on the caller's project; the returned strings become placeholders. */
  setup?: (fixture: RoleFixture) => Promise<Record<string, string> | void>;
  /** A fresh project per caller (default: for every method but GET and HEAD). */
  fresh?: boolean;
  /** Test name; default "METHOD path". */
  name?: string;
}

/** Expected statuses in ACTORS order: anonymous, nonMember, viewer, member, owner, admin. */
export function statuses(anonymous: number, nonMember: number, viewer: number, member: number, owner: number, admin: number): Record<Actor, number> {
  return { anonymous, nonMember, viewer, member, owner, admin };
}

function fill(path: string, vars: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`The role-matrix path ${path} names {${name}}, which neither the fixture nor setup provides.`);
    return encodeURIComponent(value);
  });
}

export function roleMatrix(name: string, cases: RoleCase[], options: { config?: Partial<ServerConfig> } = {}): void {
  describeEachDatabase(`role matrix: ${name}`, (getHandle) => {
    let t: TestApp;
    let users: RoleUsers;
    let shared: ProjectView;
    beforeAll(async () => {
      t = createTestApp(getHandle(), options.config);
      users = await createRoleUsers(t);
      shared = await projectWithRoles(t, users);
    });

    for (const roleCase of cases) {
      it(roleCase.name ?? `${roleCase.method} ${roleCase.path}`, async () => {
        const fresh = roleCase.fresh ?? !['GET', 'HEAD'].includes(roleCase.method);
        const actual: Partial<Record<Actor, number>> = {};
        const bodies: Partial<Record<Actor, unknown>> = {};
        for (const actor of ACTORS) {
          const project = fresh ? await projectWithRoles(t, users) : shared;
          const fixture: RoleFixture = { t, users, project, actor, vars: { p: project.key, other: users.other.id } };
          Object.assign(fixture.vars, (await roleCase.setup?.(fixture)) ?? {});
          const json = typeof roleCase.json === 'function' ? (roleCase.json as (f: RoleFixture) => unknown)(fixture) : roleCase.json;
          const body = typeof roleCase.body === 'function' ? roleCase.body(fixture) : roleCase.body;
          const headers = typeof roleCase.headers === 'function' ? roleCase.headers(fixture) : roleCase.headers;
          const response = await t.request(roleCase.method, fill(roleCase.path, fixture.vars), { token: tokenOf(users, actor), json, body, headers });
          actual[actor] = response.status;
          if (response.status !== roleCase.expect[actor]) bodies[actor] = response.body;
        }
        // One comparison of the whole row, so a failure shows every caller at once (and why).
        expect({ statuses: actual, unexpected: bodies }).toEqual({ statuses: roleCase.expect, unexpected: {} });
      });
    }
  });
}
