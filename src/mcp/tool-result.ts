// Turning a tool's outcome into an MCP result: readable text for the model plus the same data as
// structured content, and failures as tool errors (isError) whose text says what to do next.

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isScrumdownError } from '../errors.js';
import type { ScrumdownError } from '../errors.js';

export function toolResult(text: string, structured: object): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> };
}

/** What an agent should do after each kind of failure, added to the error's own message. */
function nextStep(error: ScrumdownError): string {
  switch (error.code) {
    case 'unknown_id': {
      const suggestions = error.details.suggestions;
      const near = Array.isArray(suggestions) && suggestions.length > 0 ? ` Nearest ids: ${suggestions.join(', ')}.` : '';
      const said = near && error.message.includes(String((suggestions as unknown[])[0])) ? '' : near;
      return `${said} Use an id exactly as list_items returns it (call list_items to see them).`;
    }
    case 'unknown_status':
    case 'invalid_argument':
    case 'validation_failed':
      return ' Fix the argument and call the tool again.';
    case 'status_not_expressible':
      return ' Pick a status the item can hold, or add a status field to it in the plan.';
    case 'stale_edit':
      return ' Call the tool again.';
    case 'conflict':
      return ' Nothing was written.';
    case 'file_not_found':
    case 'not_a_file':
    case 'binary_file':
    case 'file_too_large':
      return ' The plan file cannot be read; the user must fix the path or the file and restart the MCP server.';
    case 'unauthenticated':
      return ' The API token no longer works; the user must give the MCP server a valid one. Retrying will not help.';
    case 'forbidden':
      return " The token's owner may not do this in the project; a project owner can change their role. Retrying will not help.";
    case 'not_found':
      if (error.details.standup !== undefined) return ' Give the id add_standup or update_standup returned, or leave it out and give the day; add_standup writes a new entry.';
      return ' The project or its document is gone or out of reach; the user must check the MCP server configuration.';
    case 'remote_error':
    case 'rate_limited':
    case 'database_error':
      return ' The server could not answer; wait a little and call the tool again.';
    default:
      return '';
  }
}

export function toolError(error: unknown): CallToolResult {
  let text: string;
  if (isScrumdownError(error)) {
    text = `${error.code}: ${error.message}${nextStep(error)}`;
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    // The stack goes to stderr, the only place besides protocol messages that a stdio server may write.
    process.stderr.write(`scrumdown mcp: unexpected failure: ${error instanceof Error ? (error.stack ?? reason) : reason}\n`);
    text = `internal_error: scrumdown failed unexpectedly (${reason}). This is a bug in scrumdown; retrying will not help.`;
  }
  return { isError: true, content: [{ type: 'text', text }] };
}

/** Runs a tool body, turning any throw into a tool error. */
export async function guarded(body: () => Promise<CallToolResult> | CallToolResult): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return toolError(error);
  }
}
