// API tokens for the CLI and MCP: long-lived, shown once at creation, stored as a hash, listed by
// name and prefix, revoked one by one.

import { ScrumdownError } from '../../errors.js';
import { insertApiToken, listApiTokens as listRows, revokeApiToken as revokeRow } from '../../store/repositories/tokens.js';
import type { ApiTokenRow } from '../../store/repositories/tokens.js';
import { hashToken, newId, newToken } from './secrets.js';
import type { AccountsContext } from './types.js';

/** How much of a token is kept in clear to tell tokens apart: `sdt_` and 8 more characters. */
export const TOKEN_PREFIX_LENGTH = 12;

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface CreatedApiToken extends ApiTokenInfo {
  /** The token itself: shown this once, never again. */
  token: string;
}

function info(row: ApiTokenRow): ApiTokenInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, expiresAt: row.expires_at };
}

export async function createApiToken(ctx: AccountsContext, userId: string, input: { name: string; expiresInDays?: number | undefined }): Promise<CreatedApiToken> {
  const name = input.name.trim();
  if (name === '' || name.length > 100) {
    throw new ScrumdownError('validation_failed', 'The token name must have 1 to 100 characters.', { fields: [{ field: 'name', problem: '1 to 100 characters' }] });
  }
  const now = ctx.clock();
  const token = newToken('sdt');
  const row: ApiTokenRow = {
    id: newId(),
    user_id: userId,
    name,
    prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    last_used_at: null,
    expires_at: input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revoked_at: null,
  };
  await insertApiToken(ctx.db, row);
  return { ...info(row), token };
}

export async function listApiTokens(ctx: AccountsContext, userId: string): Promise<ApiTokenInfo[]> {
  return (await listRows(ctx.db, userId)).map(info);
}

export async function revokeApiToken(ctx: AccountsContext, userId: string, tokenId: string): Promise<void> {
  if (!(await revokeRow(ctx.db, userId, tokenId, ctx.clock().toISOString()))) {
    throw new ScrumdownError('not_found', `You have no API token with id ${tokenId}. List them with GET /api/v1/tokens.`, { id: tokenId });
  }
}
