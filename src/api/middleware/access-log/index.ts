// One JSON log line per request (pino): method, path without its query string, route pattern,
// status, duration, user and client address. Never headers or bodies, so no password, token or
// secret can reach the log by this way.

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.js';
import { routeLabel } from '../../route-label.js';

export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      const fields = {
        method: c.req.method,
        path: c.req.path,
        route: routeLabel(c),
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('user')?.id,
        ip: c.get('clientIp'),
      };
      const logger = c.get('logger');
      if (status >= 500) logger.error(fields, 'request');
      else logger.info(fields, 'request');
    }
  };
}
