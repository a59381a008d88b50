// Response and request shapes shared by the account and project routes.

import { z } from '@hono/zod-openapi';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../services/accounts/index.js';

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

/** `limit` and `cursor` of a paged list (the administrator's lists). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().openapi({ type: 'integer', description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
  cursor: z.string().max(1000).optional().openapi({ description: 'nextCursor of the previous page.' }),
});

export const SessionSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'A JWT for `Authorization: Bearer`, valid for `expiresIn` seconds.' }),
    expiresIn: z.number().int(),
    refreshToken: z.string().openapi({ description: 'Spend it at /auth/refresh for the next pair; each one works once.' }),
    user: UserSchema,
  })
  .openapi('Session');

export const RoleSchema = z.enum(['owner', 'member', 'viewer']).openapi('Role');

export const ProjectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    role: RoleSchema.nullable().openapi({ description: "The caller's role; null for an administrator who is not a member." }),
  })
  .openapi('Project');

export const MemberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    since: z.string(),
  })
  .openapi('Member');

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .openapi('ApiToken');
