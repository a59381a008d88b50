// Accounts: registration, sign-in with lockout, refresh-token rotation, API tokens, invites and
// authentication of a Bearer credential. The API and the CLI call these; no rule lives elsewhere.

export { authenticate } from './authenticate.js';
export { issueAccessToken, verifyAccessToken } from './access-tokens.js';
export { createApiToken, listApiTokens, revokeApiToken, TOKEN_PREFIX_LENGTH } from './api-tokens.js';
export type { ApiTokenInfo, CreatedApiToken } from './api-tokens.js';
export { createInvite, INVITE_DAYS } from './invites.js';
export type { CreatedInvite } from './invites.js';
export { checkPasswordRules, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
export { changePassword, LOCK_MINUTES, login, logout, MAX_FAILED_LOGINS, publicUser, refreshSession, register } from './sessions.js';
export type { LoginInput, RegisterInput } from './sessions.js';
export type { AccountsContext, AuthUser, PublicUser, Session } from './types.js';
