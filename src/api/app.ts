// The team server's HTTP application: middleware in the order every request meets it, the
// operations routes, the OpenAPI document and its page, the /api/v1 routers and the MCP endpoint.
// createApp has no side effects beyond building the app: tests call it with an in-memory database
// and `app.request()`, the server wraps it with @hono/node-server.

import { OpenAPIHono } from '@hono/zod-openapi';
import { packageVersion } from '../cli/version.js';
import { ScrumdownError } from '../errors.js';
import { clientIp } from './client-ip.js';
import type { AppDeps, AppEnv, AppServices } from './env.js';
import { errorResponse } from './errors.js';
import { MCP_PATH, mcpRoutes } from './mcp/index.js';
import { createMetrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import { accessLog } from './middleware/access-log/index.js';
import { authenticateRequest, rejectFailedCredential } from './middleware/auth/index.js';
import { bodyLimit } from './middleware/body-limit/index.js';
import { jsonBody } from './middleware/json-body/index.js';
import { requestMetrics } from './middleware/metrics/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { requestId } from './middleware/request-id/index.js';
import { docsPage } from './routes/docs/index.js';
import { healthRoutes } from './routes/health/index.js';
import { apiRouters } from './routes/index.js';
import { webApp } from './routes/web/index.js';

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = '/api/docs/openapi.json';

export type ScrumdownApp = OpenAPIHono<AppEnv>;

export interface CreateAppOptions {
  /** A metrics registry shared with the caller (the server adds process metrics to it). */
  metrics?: Metrics;
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}): ScrumdownApp {
  const metrics = options.metrics ?? createMetrics(deps.db.db);
  const db = metrics.instrument(deps.db.db);
  const services: AppServices = {
    db,
    handle: { ...deps.db, db },
    config: deps.config,
    clock: deps.clock,
    logger: deps.logger,
    metrics,
  };

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('clientIp', clientIp(c, deps.config.trustProxy));
    await next();
  });
  app.use('*', requestId());
  app.use('*', requestMetrics());
  app.use('*', accessLog());
  app.use('/api/*', bodyLimit(deps.config.bodyLimitBytes));
  app.use('/api/*', jsonBody());
  app.use(`${API_PREFIX}/*`, authenticateRequest({ defer: true }));
  app.use(`${API_PREFIX}/*`, rateLimit({ bucket: 'client', limit: deps.config.rateLimit }));
  app.use(`${API_PREFIX}/*`, rejectFailedCredential());
  app.use(MCP_PATH, bodyLimit(deps.config.bodyLimitBytes));
  app.use(MCP_PATH, authenticateRequest({ defer: true }));
  app.use(MCP_PATH, rateLimit({ bucket: 'client', limit: deps.config.rateLimit }));
  app.use(MCP_PATH, rejectFailedCredential());

  app.route('/', healthRoutes());
  app.route('/', docsPage());
  for (const router of apiRouters(deps.config)) app.route(API_PREFIX, router);
  app.route('/', mcpRoutes());
  app.route('/', webApp());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from /api/v1/auth/login or /auth/refresh, or an API token (sdt_…) from /api/v1/tokens.',
  });
  const documentConfig = {
    openapi: '3.0.3',
    info: {
      title: 'scrumdown',
      version: packageVersion(),
      description: 'Plans, items and their history for a team. Errors are {"error": {"code", "message", "details"}} with stable codes.',
    },
    servers: deps.config.publicUrl ? [{ url: deps.config.publicUrl }] : [],
  };
  // Generated once, on first request (every route is registered by then). Not app.doc(): that
  // answers a generation failure with the raw exception; here it takes the one error path.
  let document: ReturnType<typeof app.getOpenAPIDocument> | undefined;
  app.get(OPENAPI_PATH, (c) => {
    document ??= app.getOpenAPIDocument(documentConfig);
    return c.json(document);
  });

  app.notFound((c) => errorResponse(c, new ScrumdownError('not_found', `There is no route ${c.req.method} ${c.req.path}. The API is described at ${OPENAPI_PATH}.`)));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
