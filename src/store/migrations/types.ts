// What differs between SQLite and PostgreSQL in a migration: the column type for bytes and how a
// column numbers itself. Everything else is written once.

import type { ColumnDefinitionBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectTypes {
  bytes: 'blob' | 'bytea';
  autoIncrement(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

export function dialectTypes(dialect: DialectName): DialectTypes {
  if (dialect === 'sqlite') {
    return { bytes: 'blob', autoIncrement: (column) => column.primaryKey().autoIncrement() };
  }
  return { bytes: 'bytea', autoIncrement: (column) => column.primaryKey().generatedByDefaultAsIdentity() };
}
