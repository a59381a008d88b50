// Migrations on both databases: from empty to the latest schema, and again without effect.
import { expect, it } from 'vitest';
import { migrateToLatest, pendingMigrations } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations/index.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase(
  'migrations',
  (getHandle, suite) => {
    it('apply every migration to an empty database, in order', async () => {
      const handle = getHandle();
      const names = Object.keys(migrations(handle.dialect));
      expect(await pendingMigrations(handle)).toEqual(names);
      const outcome = await migrateToLatest(handle);
      expect(outcome.applied).toEqual(names);
      expect(await pendingMigrations(handle)).toEqual([]);
      expect(suite.url()).toMatch(suite.kind === 'sqlite' ? /^sqlite:\// : /^postgres:\/\//);
    });

    it('are idempotent: a second run applies nothing and changes nothing', async () => {
      const handle = getHandle();
      const before = await handle.db.selectFrom('kysely_migration' as never).selectAll().execute();
      const outcome = await migrateToLatest(handle);
      expect(outcome.applied).toEqual([]);
      expect(await pendingMigrations(handle)).toEqual([]);
      const after = await handle.db.selectFrom('kysely_migration' as never).selectAll().execute();
      expect(after).toEqual(before);
    });

    it('create every table of the schema', async () => {
      const tables = (await getHandle().db.introspection.getTables()).map((table) => table.name).sort();
      expect(tables).toEqual(
        ['api_tokens', 'documents', 'invites', 'item_history', 'items', 'project_members', 'projects', 'rate_limits', 'refresh_tokens', 'users'],
      );
    });
  },
  { migrate: false },
);

