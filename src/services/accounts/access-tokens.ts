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

export async function verifyAccessToken(token: string, secret: Uint8Array, now: Date): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (payload.use !== TOKEN_USE || typeof payload.sub !== 'string') throw new Error('not an access token');
    return { userId: payload.sub };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new ScrumdownError('unauthenticated', 'The access token has expired. Get a new one from POST /api/v1/auth/refresh.', { reason: 'expired' });
    }
    throw new ScrumdownError('unauthenticated', 'The access token is not valid. Sign in again.', { reason: 'invalid' });
  }
}
