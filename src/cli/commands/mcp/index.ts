// `scrumdown mcp --file plan.md`: an MCP server over stdio, so coding agents can read the plan,
// pick work and tick it off. Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface McpOptions {
  file?: string;
}

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('serve a plan to coding agents over the Model Context Protocol (stdio)')
    .option('--file <plan>', 'the plan file (Markdown) to serve')
    .addHelpText(
      'after',
      `
Tools: plan_status, list_items, get_item, next_items, set_status, lint_plan.
Resource: the plan's Markdown (clients may subscribe to changes).
stdout carries protocol messages only; messages go to stderr. The process ends when the client
closes stdin.

Example client configuration (Claude Code, Cursor, VS Code and others read this shape):
  { "mcpServers": { "scrumdown": { "command": "npx", "args": ["scrumdown", "mcp", "--file", "tasks.md"] } } }`,
    )
    .action(async (options: McpOptions) => {
      const { runMcp } = await import('./run.js');
      await runMcp(options);
    });
}
