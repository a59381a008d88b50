// The demo for `npm start`: a demo user and a project holding the example plans shipped in
// examples/. Safe to run on every start: what exists already is left as it is.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../../services/accounts/index.js';
import { importDocument } from '../../../services/documents/import.js';
import { createProject } from '../../../services/projects/index.js';
import { systemClock } from '../../../services/clock.js';
import type { DatabaseHandle } from '../../../store/database.js';
import { findDocument } from '../../../store/repositories/documents.js';
import { findProjectByKey } from '../../../store/repositories/projects.js';
import { findUserByEmail, insertUser } from '../../../store/repositories/users.js';

export const DEMO_EMAIL = 'demo@scrumdown.example';
/** Printed on start; the demo is for a machine of one's own, not a shared server. */
export const DEMO_PASSWORD = 'scrumdown-demo';
export const DEMO_PROJECT = 'demo';

export interface DemoSeed {
  email: string;
  password: string;
  projectKey: string;
  documents: string[];
}

/** The examples folder of the installed package (dist/cli/commands/serve → ../../../../examples). */
function examplesFolder(): string {
  return fileURLToPath(new URL('../../../../examples/', import.meta.url));
}

export async function seedDemo(handle: DatabaseHandle, now: Date, folder = examplesFolder()): Promise<DemoSeed> {
  const at = now.toISOString();
  let user = await findUserByEmail(handle.db, DEMO_EMAIL);
  if (!user) {
    await insertUser(handle.db, {
      id: 'demo-user',
      email: DEMO_EMAIL,
      name: 'Demo User',
      password_hash: await hashPassword(DEMO_PASSWORD),
      // The demo user administers the demo server, so every route can be tried.
      is_admin: 1,
      locked_until: null,
      created_at: at,
      updated_at: at,
    });
    user = (await findUserByEmail(handle.db, DEMO_EMAIL))!;
  }
  const authUser = { id: user.id, email: user.email, name: user.name, isAdmin: true, via: 'access_token' as const };
  let project = await findProjectByKey(handle.db, DEMO_PROJECT);
  if (!project) {
    await createProject({ db: handle.db, handle, clock: systemClock }, authUser, {
      key: DEMO_PROJECT,
      name: 'Demo',
      description: 'The example plans that come with scrumdown.',
    });
    project = (await findProjectByKey(handle.db, DEMO_PROJECT))!;
  }
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  for (const name of names) {
    if (await findDocument(handle.db, project.id, name)) continue;
    await importDocument(handle.db, { projectId: project.id, name, bytes: await readFile(join(folder, name)), userId: user.id, now });
  }
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, projectKey: DEMO_PROJECT, documents: names };
}
