// Counts every request and times it, labelled by method, route pattern and status.

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.js';
import { routeLabel } from '../../route-label.js';

export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const { metrics } = c.get('services');
      const labels = { method: c.req.method, route: routeLabel(c), status: String(c.res.status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
