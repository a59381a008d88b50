// Project access for routes under /projects/:p: loads the project named by its key and the
// caller's role. Non-members (and missing projects) get 404, so a project's existence is not
// leaked; a role below the one the route needs gets 403. Administrators act as owners.
// Handlers read the result with `currentProject(c)`.

import type { Context, MiddlewareHandler } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import { projectAccess, requireRole } from '../../../services/projects/index.js';
import type { ProjectAccess } from '../../../services/projects/index.js';
import type { ProjectRole } from '../../../store/schema.js';
import type { AppEnv } from '../../env.js';
import { projectsContext } from '../../service-context.js';
import { currentUser } from '../auth/index.js';

/** The route parameter holding the project key. */
export const PROJECT_PARAM = 'p';

export function requireProjectRole(needed: ProjectRole): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    const key = c.req.param(PROJECT_PARAM);
    if (key === undefined) throw new Error(`requireProjectRole is mounted on a route without :${PROJECT_PARAM}`);
    const access = await projectAccess(projectsContext(c), user, key);
    requireRole(access, needed);
    c.set('project', access.project);
    c.set('projectRole', access.role);
    c.set('projectAccess', access);
    await next();
  };
}

/** The project requireProjectRole loaded, with the caller's role. */
export function currentProject(c: Context<AppEnv>): ProjectAccess {
  const access = c.get('projectAccess');
  if (!access) throw new ScrumdownError('not_found', 'This route has no project.');
  return access;
}
