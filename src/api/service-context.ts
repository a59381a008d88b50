// The service contexts a handler passes to the account and project services.

import type { Context } from 'hono';
import type { AccountsContext } from '../services/accounts/types.js';
import type { ProjectsContext } from '../services/projects/index.js';
import type { AppEnv } from './env.js';

export function accountsContext(c: Context<AppEnv>): AccountsContext {
  const { handle, clock, config } = c.get('services');
  return { db: handle.db, handle, clock, config };
}

export function projectsContext(c: Context<AppEnv>): ProjectsContext {
  const { handle, clock } = c.get('services');
  return { db: handle.db, handle, clock };
}
