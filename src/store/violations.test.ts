import { describe, expect, it } from 'vitest';
import { constraintViolation } from './violations.js';

describe('constraintViolation', () => {
  it('reads SQLite extended codes and PostgreSQL SQLSTATEs alike', () => {
    expect(constraintViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe('unique');
    expect(constraintViolation({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })).toBe('unique');
    expect(constraintViolation({ code: '23505' })).toBe('unique');
    expect(constraintViolation({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })).toBe('foreign_key');
    expect(constraintViolation({ code: '23503' })).toBe('foreign_key');
    expect(constraintViolation({ code: '23514' })).toBe('check');
    expect(constraintViolation({ code: 'SQLITE_CONSTRAINT_NOTNULL' })).toBe('not_null');
  });

  it('is undefined for anything else', () => {
    expect(constraintViolation({ code: 'SQLITE_BUSY' })).toBeUndefined();
    expect(constraintViolation({ code: '40001' })).toBeUndefined();
    expect(constraintViolation(new Error('x'))).toBeUndefined();
    expect(constraintViolation(null)).toBeUndefined();
    expect(constraintViolation('23505')).toBeUndefined();
  });
});
