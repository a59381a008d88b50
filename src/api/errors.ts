// The API's one error handler: every failure leaves the server as
// `{"error": {"code", "message", "details"}}` with the HTTP status its code stands for. Codes are
// the stable ScrumdownError codes; zod validation failures and malformed JSON become 400s naming
// the field or the problem; anything unexpected is a 500 that says nothing about the internals
// (the log has the stack, under the request id the client sees).

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { isScrumdownError, ScrumdownError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * HTTP status per error code. account_locked is 423 Locked (with Retry-After): the account, not
 * the client, is what is blocked, so it must not look like the per-client 429.
 */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  validation_failed: 400,
  invalid_argument: 400,
  invalid_config: 400,
  unknown_status: 400,
  status_not_expressible: 400,
  unsupported_format: 400,
  binary_file: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_id: 404,
  file_not_found: 404,
  not_a_file: 400,
  conflict: 409,
  stale_edit: 409,
  payload_too_large: 413,
  file_too_large: 413,
  account_locked: 423,
  rate_limited: 429,
  io_error: 500,
  git_error: 500,
  remote_error: 502,
  database_error: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** Turns a zod failure into one validation_failed error naming every bad field. */
export function validationError(error: ZodError, where: string): ScrumdownError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    problem: issue.message,
  }));
  const summary = fields.map((field) => `${field.field}: ${field.problem}`).join('; ');
  return new ScrumdownError('validation_failed', `Invalid ${where}: ${summary}.`, { in: where, fields });
}

/** The response for any thrown value; used by app.onError and by middleware that answers early. */
export function errorResponse(c: Context<AppEnv>, thrown: unknown): Response {
  const error = toScrumdownError(thrown);
  const status = error ? (STATUS_BY_CODE[error.code] ?? 500) : 500;
  if (!error || status >= 500) {
    c.get('logger')?.error({ err: thrown, requestId: c.get('requestId') }, 'request failed');
  }
  if (!error) {
    return c.json(
      errorBody('internal_error', `The server failed on this request; the log has the details under request id ${c.get('requestId') ?? '(none)'}.`),
      500,
    );
  }
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
  return c.json(errorBody(error.code, error.message, error.details), status);
}

/** Driver error codes that mean "try again later" rather than a bug. */
const UNAVAILABLE_DATABASE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

function toScrumdownError(thrown: unknown): ScrumdownError | undefined {
  if (isScrumdownError(thrown)) return thrown;
  if (thrown instanceof HTTPException) {
    if (thrown.status === 413) return new ScrumdownError('payload_too_large', thrown.message || 'The request body is too large.');
    if (thrown.status === 400) return new ScrumdownError('validation_failed', thrown.message || 'The request is malformed.');
    if (thrown.status === 401) return new ScrumdownError('unauthenticated', thrown.message || 'Sign in first.');
    if (thrown.status === 404) return new ScrumdownError('not_found', thrown.message || 'Not found.');
  }
  const code = typeof thrown === 'object' && thrown !== null ? (thrown as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && UNAVAILABLE_DATABASE_CODES.has(code)) {
    return new ScrumdownError('database_error', 'The database is unavailable or busy; try again shortly.', { retryAfterSeconds: 1 });
  }
  return undefined;
}
