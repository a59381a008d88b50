// What tables a database really has, read from its catalogue rather than from schema.ts, so that
// backup and restore cover tables later migrations add: columns in order, primary key, identity
// columns, and the tables each one references, in an order where parents come before children.

import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from './database.js';
import type { Database } from './schema.js';

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Columns that number themselves (PostgreSQL identity columns; SQLite needs no reset). */
  identity: string[];
  /** Tables this one has foreign keys to (itself excluded). */
  references: string[];
}

// Kysely's own bookkeeping, which migrations manage.
const INTERNAL = /^kysely_/;

// Introspection reads catalogue tables through raw SQL; the Database type only names the handle.
type AnyDb = Kysely<Database>;

/** Every application table, parents before children (foreign keys), then by name. */
export async function listTables(db: AnyDb, dialect: DialectName): Promise<TableInfo[]> {
  const tables = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  return inReferenceOrder(tables.filter((table) => !INTERNAL.test(table.name)));
}

async function sqliteTables(db: AnyDb): Promise<TableInfo[]> {
  const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of names.rows) {
    const columns = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      primaryKey: columns.rows.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name),
      identity: [],
      references: unique(keys.rows.map((key) => key.table).filter((table) => table !== name)),
    });
  }
  return tables;
}

async function postgresTables(db: AnyDb): Promise<TableInfo[]> {
  const names = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of names.rows) {
    const columns = await sql<{ name: string; identity: string }>`
      select column_name as name, is_identity as identity from information_schema.columns
      where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db);
    const key = await sql<{ name: string }>`
      select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${name}))::regclass and i.indisprimary
      order by array_position(i.indkey, a.attnum)`.execute(db);
    const references = await sql<{ name: string }>`
      select distinct parent.relname as name from pg_constraint c
      join pg_class parent on parent.oid = c.confrelid
      where c.contype = 'f' and c.conrelid = (quote_ident(current_schema()) || '.' || quote_ident(${name}))::regclass`.execute(db);
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      primaryKey: key.rows.map((column) => column.name),
      identity: columns.rows.filter((column) => column.identity === 'YES').map((column) => column.name),
      references: unique(references.rows.map((row) => row.name).filter((table) => table !== name)),
    });
  }
  return tables;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * Parents before children: repeatedly take, by name, every table whose references are all
 * placed. A cycle (none today) keeps its tables in name order at the end.
 */
export function inReferenceOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  let remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.references.every((parent) => placed.has(parent) || !byName.has(parent)));
    const next = ready.length > 0 ? ready : remaining;
    for (const table of next) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}
