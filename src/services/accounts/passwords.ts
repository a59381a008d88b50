// Password hashing with argon2id (OWASP's settings: 19 MiB, 2 passes, 1 lane) and the password
// rules. Checking an unknown account still costs one verification, so the response time does
// not tell which e-mail addresses have accounts.

import { hash, verify } from '@node-rs/argon2';
import { ScrumdownError } from '../../errors.js';

// 2 is Algorithm.Argon2id; the package declares it as a const enum, which not every compiler inlines.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;
/** Longer passwords are refused so that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies against the stored hash, or against a dummy one when there is no account. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    dummyHash ??= hashPassword('no account has this password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ScrumdownError('validation_failed', `The ${field} is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`, {
      fields: [{ field, problem: `at least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ScrumdownError('validation_failed', `The ${field} is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`, {
      fields: [{ field, problem: `at most ${MAX_PASSWORD_LENGTH} characters` }],
    });
  }
}
