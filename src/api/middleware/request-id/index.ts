// Gives every request an id: the caller's `x-request-id` when it is a sane token, otherwise a new
// UUID. The id is echoed in the response header and bound to the request's logger.

import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header(REQUEST_ID_HEADER);
    const id = given !== undefined && SANE_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.set('logger', c.get('services').logger.child({ requestId: id }));
    c.header(REQUEST_ID_HEADER, id);
    await next();
  };
}
