// Accounts: registration, sign-in with lockout, refresh-token rotation, API tokens, invites,
// the administrator's management of accounts and authentication of a Bearer credential. The API
// and the CLI call these; no rule lives elsewhere.

export { authenticate } from './authenticate.js';
export { issueAccessToken, verifyAccessToken } from './access-tokens.js';
export { createApiToken, listApiTokens, revokeApiToken, TOKEN_PREFIX_LENGTH } from './api-tokens.js';
export type { ApiTokenInfo, CreatedApiToken } from './api-tokens.js';
export { changeUser, listUsers } from './admin-users.js';
export type { AdminUserView, UserChanges, UserListInput, UserPage } from './admin-users.js';
export { createInvite, INVITE_DAYS, listInvites, revokeInvite } from './invites.js';
export type { CreatedInvite, InvitePage, InviteState, InviteView } from './invites.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page.js';
export type { PageQuery } from './page.js';
export { checkPasswordRules, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
export { changePassword, LOCK_MINUTES, login, logout, MAX_FAILED_LOGINS, publicUser, refreshSession, register } from './sessions.js';
export type { LoginInput, RegisterInput } from './sessions.js';
export type { AccountsContext, AuthUser, PublicUser, Session } from './types.js';
