// The one place where the CLI turns a failure into a message and an exit code. Exit codes:
// 0 success; 1 lint found errors; 2 the input or the command line is wrong (missing file,
// directory, binary or oversized file, unknown ID or status, bad option); 3 scrumdown itself
// failed (a bug: please report it). Never a stack trace, unless SCRUMDOWN_DEBUG is set.

import { isScrumdownError } from '../errors.js';
import type { ErrorCode } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** Exit code per error code. Every ScrumdownError is about the input or the environment. */
const EXIT_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  file_not_found: EXIT_USAGE,
  not_a_file: EXIT_USAGE,
  binary_file: EXIT_USAGE,
  file_too_large: EXIT_USAGE,
  unknown_id: EXIT_USAGE,
  unknown_status: EXIT_USAGE,
  invalid_argument: EXIT_USAGE,
  status_not_expressible: EXIT_USAGE,
  stale_edit: EXIT_USAGE,
  io_error: EXIT_USAGE,
  invalid_config: EXIT_USAGE,
  validation_failed: EXIT_USAGE,
  unauthenticated: EXIT_USAGE,
  forbidden: EXIT_USAGE,
  not_found: EXIT_USAGE,
  conflict: EXIT_USAGE,
  payload_too_large: EXIT_USAGE,
  rate_limited: EXIT_USAGE,
  account_locked: EXIT_USAGE,
  database_error: EXIT_USAGE,
  remote_error: EXIT_USAGE,
  git_error: EXIT_USAGE,
  unsupported_format: EXIT_USAGE,
};

/** Commander's own outcomes: help asked for and version are successes, everything else is usage. */
const COMMANDER_SUCCESS = new Set(['commander.helpDisplayed', 'commander.version']);

interface CommanderLike {
  code: string;
  exitCode: number;
  message: string;
}

function isCommanderError(error: unknown): error is CommanderLike {
  return (
    error instanceof Error &&
    typeof (error as Partial<CommanderLike>).code === 'string' &&
    (error as Partial<CommanderLike>).code!.startsWith('commander.') &&
    typeof (error as Partial<CommanderLike>).exitCode === 'number'
  );
}

export interface Outcome {
  exitCode: number;
  /** Lines for stderr; empty when there is nothing to say. */
  message: string;
}

/** What to print and how to exit for any thrown value. */
export function describeError(error: unknown, debug = false): Outcome {
  if (isScrumdownError(error)) {
    let message = error.message;
    const nearest = error.details.suggestions ?? error.details.nearest;
    if (error.code === 'unknown_id' && Array.isArray(nearest) && nearest.length > 0 && !message.includes(String(nearest[0]))) {
      message += ` Did you mean: ${nearest.join(', ')}?`;
    }
    return { exitCode: EXIT_BY_CODE[error.code] ?? EXIT_USAGE, message: `error: ${message}` };
  }
  if (isCommanderError(error)) {
    if (COMMANDER_SUCCESS.has(error.code)) return { exitCode: EXIT_OK, message: '' };
    // Help shown because no command was given: already printed, but the call was wrong.
    if (error.code === 'commander.help') return { exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE, message: '' };
    const text = error.message.replace(/^error: /, '');
    return { exitCode: EXIT_USAGE, message: `error: ${text}\nRun "scrumdown --help" or "scrumdown help <command>" for usage.` };
  }
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  return {
    exitCode: EXIT_INTERNAL,
    message: `error: scrumdown failed unexpectedly: ${detail}\nThis is a bug; please report it with the command you ran (set SCRUMDOWN_DEBUG=1 for details).`,
  };
}

/** Prints the error's message and sets the exit code; the process ends once output is flushed. */
export function reportError(error: unknown): void {
  const outcome = describeError(error, Boolean(process.env.SCRUMDOWN_DEBUG));
  if (outcome.message) process.stderr.write(outcome.message + '\n');
  process.exitCode = outcome.exitCode;
}
