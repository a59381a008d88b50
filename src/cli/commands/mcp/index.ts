// `scrumdown mcp --file plan.md` or `scrumdown mcp --server URL --project P`: an MCP server over
// stdio, so coding agents can read the plan, pick work and tick it off (and, on a server, write
// their standup). Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface McpOptions {
  file?: string;
  server?: string;
  project?: string;
  document?: string;
  token?: string;
}

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('serve a plan to coding agents over the Model Context Protocol (stdio)')
    .option('--file <plan>', 'the plan file (Markdown) to serve')
    .option('--project <key>', "serve this project's document on the team server instead of a file")
    .option('--server <url>', 'the team server (default: the one you logged in to last)')
    .option('--document <name>', 'which document of the project, when it has several')
    .option('--token <token>', 'the API token (default: $SCRUMDOWN_TOKEN, else the one scrumdown login saved)')
    .addHelpText(
      'after',
      `
Tools: plan_status, list_items, get_item, next_items, set_status, lint_plan; add_standup and update_standup with --project.
Resource: the plan's Markdown (clients may subscribe to changes).
stdout carries protocol messages only; messages go to stderr. The process ends when the client
closes stdin.

Example client configuration (Claude Code, Cursor, VS Code and others read this shape):
  { "mcpServers": { "scrumdown": { "command": "npx", "args": ["scrumdown", "mcp", "--file", "tasks.md"] } } }
  { "mcpServers": { "scrumdown": { "command": "npx", "args": ["scrumdown", "mcp", "--server", "https://plans.example.com", "--project", "shop"] } } }`,
    )
    .action(async (options: McpOptions) => {
      const { runMcp } = await import('./run.js');
      await runMcp(options);
    });
}
