// Sprints (with their items and capacity) and daily standups. Placeholder while the tables are written.
import type { Migration } from 'kysely';
import type { DialectTypes } from './types.js';

export function sprintsAndStandups(_types: DialectTypes): Migration {
  return { async up(): Promise<void> {}, async down(): Promise<void> {} };
}
