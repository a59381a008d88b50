// Random tokens and their stored form. Tokens carry a readable prefix (sdr_ refresh, sdt_ API,
// sdi_ invite) so a leaked one is recognisable in a scanner; the database keeps only SHA-256.
// A fast hash is right here: the tokens are 256 random bits, not guessable passwords.

import { createHash, randomBytes, randomUUID } from 'node:crypto';

export type TokenKind = 'sdr' | 'sdt' | 'sdi';

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newId(): string {
  return randomUUID();
}
