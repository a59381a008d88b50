// Migrations on both databases: from empty to the latest schema, and again without effect.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, migrationList, pendingMigrations } from '../../src/store/database.js';
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
        ['api_tokens', 'digest_runs', 'documents', 'invites', 'item_history', 'items', 'project_members', 'projects', 'rate_limits', 'refresh_tokens', 'sign_in_failures', 'sprint_capacity', 'sprint_items', 'sprints', 'standups', 'users'],
      );
    });
  },
  { migrate: false },
);

describeEachDatabase(
  'a failing migration',
  (_getHandle, suite) => {
    it('leaves nothing of its run behind, and says which migration failed', async () => {
      const database = await suite.fresh({ migrate: false });
      const { handle } = database;
      // A table in the way makes 001 fail halfway, after it has created users and others.
      await sql`create table documents (id text)`.execute(handle.db);
      await expect(migrateToLatest(handle)).rejects.toThrow(/^Migration 001-initial failed on .*nothing of this run was applied/);
      const tables = (await handle.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(['documents']);
      expect(await pendingMigrations(handle)).toEqual(Object.keys(migrations(handle.dialect)));
    });

    it('a database migrated by a newer scrumdown is named as such', async () => {
      const database = await suite.fresh();
      await sql`insert into kysely_migration (name, timestamp) values ('999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(database.handle.db);
      await expect(migrationList(database.handle)).rejects.toThrow(/has migration 999-from-the-future, which this version of scrumdown does not know/);
      await expect(migrateToLatest(database.handle)).rejects.toThrow(/has migration 999-from-the-future/);
    });
  },
);
