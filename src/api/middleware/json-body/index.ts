// Reads a JSON request body once, up front, so that malformed JSON is answered with a 400 that
// says what is wrong and where (the parser's own message), instead of a generic refusal. Handlers
// and validators read the parsed body from the request's cache afterwards.

import type { MiddlewareHandler } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import type { AppEnv } from '../../env.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function jsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && JSON_TYPE.test(type)) {
      const text = await c.req.text();
      if (text.trim() === '') {
        throw new ScrumdownError('validation_failed', 'The request body is empty; send a JSON object.', { in: 'body', problem: 'empty body' });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const problem = (error as Error).message;
        throw new ScrumdownError('validation_failed', `The request body is not valid JSON: ${problem}.`, { in: 'body', problem });
      }
      // Parsed once: validators and handlers calling c.req.json() get this value.
      c.req.bodyCache.json = Promise.resolve(parsed);
    }
    await next();
  };
}
