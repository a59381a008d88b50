// `scrumdown serve`: the team server. Declares the command; the work is in run.ts, loaded only
// when the command runs.

import type { Command } from 'commander';

export interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  demo?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the team server: REST API, OpenAPI docs, health and metrics, on SQLite or PostgreSQL')
    .option('--port <port>', 'port to listen on (SCRUMDOWN_PORT, default 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (SCRUMDOWN_HOST, default 127.0.0.1)')
    .option('--db <url>', 'database: sqlite:PATH, sqlite::memory: or postgres://… (SCRUMDOWN_DATABASE_URL, default sqlite:./scrumdown.db)')
    .option('--demo', 'also create a demo user and a demo project from the example plans, and print the sign-in')
    .addHelpText(
      'after',
      `
Every setting can also come from the environment (see .env.example): SCRUMDOWN_JWT_SECRET,
SCRUMDOWN_SIGNUP (open|invite|closed), SCRUMDOWN_RATE_LIMIT, SCRUMDOWN_AUTH_RATE_LIMIT,
SCRUMDOWN_TRUST_PROXY, SCRUMDOWN_LOG_LEVEL, SCRUMDOWN_PUBLIC_URL, NODE_ENV=production.
The configuration is checked before anything starts: each problem is named on its own line and
the exit code is 2. Logs are JSON lines on stdout; the human summary goes to stderr.

Examples:
  $ scrumdown serve                                  embedded SQLite in ./scrumdown.db
  $ scrumdown serve --port 0 --db sqlite::memory:    throwaway server on a free port
  $ SCRUMDOWN_JWT_SECRET=… scrumdown serve --db postgres://scrumdown:…@db:5432/scrumdown`,
    )
    .action(async (options: ServeOptions) => {
      const { runServe } = await import('./run.js');
      await runServe(options);
    });
}
