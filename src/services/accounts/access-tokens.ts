// Short-lived access tokens: HS256 JWTs signed with the server's secret. Verification pins the
// algorithm (alg:none and every other algorithm are refused), the issuer and the token type, and
// checks expiry against the service clock.

import { errors, jwtVerify, SignJWT } from 'jose';
import { ScrumdownError } from '../../errors.js';

const ISSUER = 'scrumdown';
const TOKEN_USE = 'access';

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
    .sign(secret);
}

export async function verifyAccessToken(token: string, secret: Uint8Array, now: Date): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, secret, {
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
