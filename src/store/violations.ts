// Which constraint a failed statement broke, the same on both databases, so repositories can
// turn a duplicate e-mail or a missing project into a conflict or not_found instead of a 500.

export type ConstraintKind = 'unique' | 'foreign_key' | 'check' | 'not_null';

const SQLITE_CODES: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
};

// PostgreSQL SQLSTATE class 23, integrity constraint violation.
const POSTGRES_CODES: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
};

/** The kind of constraint `error` reports breaking, or undefined for any other error. */
export function constraintViolation(error: unknown): ConstraintKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  return SQLITE_CODES[code] ?? POSTGRES_CODES[code];
}
