// Errors as values: every failure scrumdown reports has a stable code, a message that says what
// went wrong, where, and how to fix it, and optional details. Shells map codes to exit codes and
// HTTP statuses in one place each (cli/exit.ts, and later the API's error plugin).

export const ERROR_CODES = [
  'file_not_found',
  'not_a_file',
  'binary_file',
  'file_too_large',
  'unknown_id',
  'unknown_status',
  'invalid_argument',
  'status_not_expressible',
  'stale_edit',
  'io_error',
  // Configuration and the team server.
  'invalid_config',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'account_locked',
  'database_error',
  // Talking to a server, reading git history, moving plans in and out.
  'remote_error',
  'git_error',
  'unsupported_format',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class ScrumdownError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ScrumdownError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isScrumdownError(value: unknown): value is ScrumdownError {
  return value instanceof ScrumdownError;
}
