// Runs the team server until SIGTERM/SIGINT. The configuration is checked first (exit 2 naming
// every problem); the human summary (URL, database, demo sign-in) goes to stderr, JSON logs to
// stdout.

import { startServer } from '../../../api/server.js';
import { loadConfig } from '../../../config/index.js';
import type { ServeOptions } from './index.js';

export async function runServe(options: ServeOptions): Promise<void> {
  const config = await loadConfig({ port: options.port, host: options.host, db: options.db }, process.env);
  const server = await startServer(config, { handleSignals: true });
  const lines = [`scrumdown is serving ${config.publicUrl ?? server.url}`, `  database: ${server.database.display}`, `  API docs: ${server.url}/api/docs`];
  if (options.demo) {
    const { seedDemo } = await import('./demo.js');
    const demo = await seedDemo(server.database, new Date());
    lines.push(`  demo sign-in: ${demo.email} / ${demo.password}  (project "${demo.projectKey}", ${demo.documents.length} plan${demo.documents.length === 1 ? '' : 's'}: ${demo.documents.join(', ')})`);
    lines.push(`  try: curl -s ${server.url}/api/v1/auth/login -H 'content-type: application/json' -d '{"email":"${demo.email}","password":"${demo.password}"}'`);
  }
  lines.push('  stop with Ctrl-C');
  process.stderr.write(lines.join('\n') + '\n');
}
