// The scrumdown MCP server: the plan tools and the plan resource over any plan source (add_standup
// and update_standup too for a project on the team server), and the stdio runner the CLI uses.
// Over stdio, stdout carries protocol messages only; every log line goes to stderr.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { PlanSource } from './plan-source.js';
import { registerPlanResource } from './resources.js';
import { registerPlanTools } from './tools.js';

export interface ScrumdownMcpServer {
  server: McpServer;
  /** Stops watching the plan and closes the connection. */
  close(): Promise<void>;
}

const INSTRUCTIONS =
  'scrumdown reads a Markdown project plan. Call plan_status for an overview, next_items to pick work, get_item for details and acceptance criteria, set_status to mark items in_progress or done (it edits the plan in place), and lint_plan to find mistakes in the plan. Item ids are the plan\'s own (e.g. T012, DEVOPS-004, 1.2).';

export function createMcpServer(source: PlanSource, version: string): ScrumdownMcpServer {
  const standups = source.addStandup !== undefined;
  const instructions = standups ? `${INSTRUCTIONS} The plan is ${source.label}; write your daily standup there with add_standup, and change it with update_standup.` : INSTRUCTIONS;
  const server = new McpServer({ name: 'scrumdown', title: 'scrumdown', version }, { instructions });
  registerPlanTools(server, source);
  const stopWatching = registerPlanResource(server, source);
  return {
    server,
    async close() {
      stopWatching();
      await server.close();
    },
  };
}

/** Serves `source` over stdin/stdout until the client closes the connection. */
export async function serveStdio(source: PlanSource, version: string): Promise<void> {
  const { server, close } = createMcpServer(source, version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  process.stderr.write(`scrumdown mcp: serving ${source.label} over stdio\n`);
  await closed;
  await close();
}
