import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ScrumdownError } from '../errors.js';
import { describeError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit.js';

describe('describeError', () => {
  it('maps every input error to exit 2 with its message', () => {
    const outcome = describeError(new ScrumdownError('file_not_found', 'plan.md: no such file.'));
    expect(outcome).toEqual({ exitCode: EXIT_USAGE, message: 'error: plan.md: no such file.' });
  });

  it('adds the nearest ids to an unknown id when the message lacks them', () => {
    const outcome = describeError(new ScrumdownError('unknown_id', "Unknown item 'T01'.", { suggestions: ['T001', 'T010'] }));
    expect(outcome.message).toBe("error: Unknown item 'T01'. Did you mean: T001, T010?");
  });

  it('treats help and version as success, other commander errors as usage', () => {
    expect(describeError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).exitCode).toBe(EXIT_OK);
    expect(describeError(new CommanderError(0, 'commander.version', '1.0.0')).exitCode).toBe(EXIT_OK);
    const unknown = describeError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"));
    expect(unknown.exitCode).toBe(EXIT_USAGE);
    expect(unknown.message).toMatch(/^error: unknown option '--x'\n/);
  });

  it('reports anything else as an internal error without a stack trace', () => {
    const error = new TypeError('boom');
    const outcome = describeError(error);
    expect(outcome.exitCode).toBe(EXIT_INTERNAL);
    expect(outcome.message).toContain('boom');
    expect(outcome.message).not.toContain('    at ');
    expect(describeError(error, true).message).toContain('    at ');
  });
});
