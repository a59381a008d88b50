// Every router under /api/v1, in one list. A new resource adds its router here (one line).

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerConfig } from '../../config/config.js';
import type { AppEnv } from '../env.js';
import { adminRoutes } from './admin/index.js';
import { analysisRoutes } from './analysis/index.js';
import { authRoutes } from './auth/index.js';
import { documentRoutes } from './documents/index.js';
import { historyRoutes } from './history/index.js';
import { inviteRoutes } from './invites/index.js';
import { itemRoutes } from './items/index.js';
import { memberRoutes } from './members/index.js';
import { meRoutes } from './me/index.js';
import { projectRoutes } from './projects/index.js';
import { reportRoutes } from './reports/index.js';
import { sprintRoutes } from './sprints/index.js';
import { standupRoutes } from './standups/index.js';
import { tokenRoutes } from './tokens/index.js';
import { velocityRoutes } from './velocity/index.js';

export function apiRouters(config: ServerConfig): OpenAPIHono<AppEnv>[] {
  return [authRoutes(config), meRoutes(), tokenRoutes(), inviteRoutes(), adminRoutes(), projectRoutes(), memberRoutes(), documentRoutes(), itemRoutes(), historyRoutes(), analysisRoutes(), sprintRoutes(), velocityRoutes(), standupRoutes(), reportRoutes()];
}
