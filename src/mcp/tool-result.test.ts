import { describe, expect, it } from 'vitest';
import { ScrumdownError } from '../errors.js';
import { guarded, toolError, toolResult } from './tool-result.js';

describe('tool results', () => {
  it('carries the text and the structured content', () => {
    expect(toolResult('hello', { a: 1 })).toEqual({ content: [{ type: 'text', text: 'hello' }], structuredContent: { a: 1 } });
  });

  it('turns an unknown id into a tool error that names the nearest ids and what to call', () => {
    const error = new ScrumdownError('unknown_id', "Unknown item 'T01' in plan.md.", { suggestions: ['T001', 'T010'] });
    const result = toolError(error);
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: "unknown_id: Unknown item 'T01' in plan.md. Nearest ids: T001, T010. Use an id exactly as list_items returns it (call list_items to see them)." },
    ]);
  });

  it('does not repeat nearest ids the message already gives', () => {
    const error = new ScrumdownError('unknown_id', "Unknown item 'T01' in plan.md. Did you mean: T001?", { suggestions: ['T001'] });
    expect((toolError(error).content[0] as { text: string }).text).toBe(
      "unknown_id: Unknown item 'T01' in plan.md. Did you mean: T001? Use an id exactly as list_items returns it (call list_items to see them).",
    );
  });

  it('says whether a server-side failure is worth retrying', () => {
    const textOf = (code: ConstructorParameters<typeof ScrumdownError>[0]) => (toolError(new ScrumdownError(code, 'Refused.')).content[0] as { text: string }).text;
    expect(textOf('unauthenticated')).toBe('unauthenticated: Refused. The API token no longer works; the user must give the MCP server a valid one. Retrying will not help.');
    expect(textOf('forbidden')).toMatch(/^forbidden: Refused\. .*a project owner can change their role\. Retrying will not help\.$/);
    expect(textOf('conflict')).toBe('conflict: Refused. Nothing was written.');
    expect(textOf('validation_failed')).toBe('validation_failed: Refused. Fix the argument and call the tool again.');
    expect(textOf('remote_error')).toBe('remote_error: Refused. The server could not answer; wait a little and call the tool again.');
  });

  it('tells the agent to retry after a stale edit, and calls anything else a bug', async () => {
    expect((toolError(new ScrumdownError('stale_edit', 'plan.md changed.')).content[0] as { text: string }).text).toContain('Call the tool again.');
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const result = await guarded(() => {
        throw new TypeError('boom');
      });
      expect(result.isError).toBe(true);
      expect((result.content[0] as { text: string }).text).toBe('internal_error: scrumdown failed unexpectedly (boom). This is a bug in scrumdown; retrying will not help.');
    } finally {
      process.stderr.write = stderr;
    }
  });
});
