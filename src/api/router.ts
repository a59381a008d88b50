// Routers and the shapes every route shares. Each resource's routes live in routes/<resource>/
// as an OpenAPIHono router made by createRouter(), so that request validation failures take the
// one path into errors.ts and every route lands in the OpenAPI document.

import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { validationError } from './errors.js';

const WHERE: Record<string, string> = { json: 'body', form: 'form', query: 'query', param: 'path', header: 'header', cookie: 'cookie' };

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, WHERE[result.target] ?? result.target);
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: the message and details name the field or the problem.',
  401: 'Not signed in, or the token is invalid or expired.',
  403: 'Signed in, but the role does not allow this.',
  404: 'Not found (or not visible to the caller).',
  409: 'Conflict with the current state (taken key, stale version, last owner, last administrator).',
  413: 'The request body is too large.',
  423: 'The account is locked after too many wrong passwords (Retry-After says for how long).',
  429: 'Too many requests (Retry-After says when to try again).',
};

/** The error responses of a route, for its OpenAPI description. */
export function errorResponses(...statuses: number[]): Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> {
  const responses: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> = {};
  for (const status of statuses) {
    responses[status] = { description: ERROR_TEXT[status] ?? 'Error.', content: { 'application/json': { schema: ErrorSchema } } };
  }
  return responses;
}

/** The OpenAPI security requirement of routes that need a Bearer credential. */
export const BEARER = [{ bearer: [] }];

/** The `:p` path parameter of project routes. */
export const ProjectParam = z.object({
  p: z.string().min(1).max(200).openapi({ param: { name: 'p', in: 'path' }, example: 'platform' }),
});

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBodyOf<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
