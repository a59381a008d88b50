// The shapes the account services share with the API.

import type { Kysely } from 'kysely';
import type { ServerConfig } from '../../config/config.js';
import type { DatabaseHandle } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import type { Clock } from '../clock.js';

/** Who is calling, as established by an access token or an API token. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** How the caller proved it: a short-lived access token (JWT) or an API token. */
  via: 'access_token' | 'api_token';
}

export interface AccountsContext {
  /** Always `handle.db`; the handle is there for transactions (inTransaction). */
  db: Kysely<Database>;
  handle: DatabaseHandle;
  clock: Clock;
  config: Pick<ServerConfig, 'jwtSecret' | 'signup' | 'accessTokenSeconds' | 'refreshTokenSeconds'>;
}

/** What a sign-in, registration or refresh hands back. The refresh token is shown only here. */
export interface Session {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: PublicUser;
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}
