// The route pattern that answered a request (`/api/v1/projects/:p`), for metrics and logs: the
// pattern keeps label values few, where the raw path would make one series per project and item.

import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

export const UNMATCHED_ROUTE = '(unmatched)';
export const WEB_APP_ROUTE = '(web app)';

export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  // Middleware is registered for every method (ALL); the handler that answered is the last route
  // registered for the request's method.
  for (let index = routes.length - 1; index >= 0; index--) {
    const route = routes[index]!;
    if (route.method !== 'ALL') return route.path;
  }
  return c.get('webApp') ? WEB_APP_ROUTE : UNMATCHED_ROUTE;
}
