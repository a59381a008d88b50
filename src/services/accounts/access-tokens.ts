// Short-lived access tokens: HS256 JWTs signed with the server's secret. Verification pins the
// algorithm (alg:none and every other algorithm are refused), the issuer and the token type, and
// checks expiry against the service clock.

import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ScrumdownError } from '../../errors.js';

const ISSUER = 'scrumdown';
const TOKEN_USE = 'access';

// Raw key bytes would be imported into WebCrypto on every call, which costs more than the HMAC
// itself; keep one imported HS256 key per secret.
const keys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

function keyOf(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

export interface AccessClaims {
  userId: string;
}

export async function issueAccessToken(userId: string, secret: Uint8Array, now: Date, seconds: number): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ use: TOKEN_USE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + seconds)
    .sign(await keyOf(secret));
}

// A client sends the same token with every request for its 15 minutes; once its signature has
// been checked, the answer cannot change before it expires. Tokens already verified (per secret)
// are remembered, at most VERIFIED_LIMIT of them, oldest forgotten first.
const VERIFIED_LIMIT = 10_000;
const verified = new WeakMap<Uint8Array, Map<string, { userId: string; expiresAt: number }>>();

function verifiedTokens(secret: Uint8Array): Map<string, { userId: string; expiresAt: number }> {
  let tokens = verified.get(secret);
  if (!tokens) {
    tokens = new Map();
    verified.set(secret, tokens);
  }
  return tokens;
}

export async function verifyAccessToken(token: string, secret: Uint8Array, now: Date): Promise<AccessClaims> {
  const tokens = verifiedTokens(secret);
  const known = tokens.get(token);
  if (known && now.getTime() < known.expiresAt) return { userId: known.userId };
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (payload.use !== TOKEN_USE || typeof payload.sub !== 'string') throw new Error('not an access token');
    if (tokens.size >= VERIFIED_LIMIT) tokens.delete(tokens.keys().next().value!);
    tokens.set(token, { userId: payload.sub, expiresAt: payload.exp! * 1000 });
    return { userId: payload.sub };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new ScrumdownError('unauthenticated', 'The access token has expired. Get a new one from POST /api/v1/auth/refresh.', { reason: 'expired' });
    }
    throw new ScrumdownError('unauthenticated', 'The access token is not valid. Sign in again.', { reason: 'invalid' });
  }
}
