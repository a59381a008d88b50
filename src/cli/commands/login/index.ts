// `scrumdown login --server URL`: signs in (email and password, asked for when not given) and keeps
// an API token for the server in the user's config folder. Declares the command; run.ts works.

import type { Command } from 'commander';

export interface LoginOptions {
  server: string;
  email?: string;
  token?: string;
  name?: string;
}

export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('sign in to a scrumdown server and keep an API token for the other commands')
    .requiredOption('--server <url>', 'the server, e.g. https://plans.example.com')
    .option('--email <email>', 'your e-mail address (asked for when not given)')
    .option('--token <token>', 'an API token created in the web app or with POST /api/v1/tokens, instead of a password')
    .option('--name <name>', 'a name for the API token this creates (default: scrumdown CLI on <host>)')
    .addHelpText(
      'after',
      `
The password is read from the terminal without echo (or as the first line of standard input when
it is not a terminal) and never stored: the server hands out an API token, kept in
$XDG_CONFIG_HOME/scrumdown/credentials.json (~/.config/scrumdown/credentials.json), mode 0600.

Examples:
  $ scrumdown login --server https://plans.example.com --email ada@example.com
  $ scrumdown login --server http://127.0.0.1:8080 --token sdt_…`,
    )
    .action(async (options: LoginOptions) => {
      const { runLogin } = await import('./run.js');
      await runLogin(options);
    });
}
