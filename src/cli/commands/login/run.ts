// Runs `scrumdown login`: a token given is checked with the server, else email and password are
// asked for and exchanged for a new API token; the token is saved for the server.

import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { ScrumdownError } from '../../../errors.js';
import { credentialsPath, normalizeServer, saveCredentials } from '../../../services/remote/credentials.js';
import { loginWithPassword, whoAmI } from '../../../services/remote/documents.js';
import { print } from '../../output.js';
import type { LoginOptions } from './index.js';

/** One line from the terminal (hidden when `secret`) or from piped standard input. */
async function ask(question: string, secret: boolean): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: terminal ? process.stderr : undefined, terminal });
  if (terminal) {
    process.stderr.write(question);
    if (secret) {
      // Echo nothing while the password is typed.
      (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
    }
  }
  try {
    const answer = await new Promise<string | null>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(null));
    });
    if (terminal && secret) process.stderr.write('\n');
    if (answer === null) throw new ScrumdownError('invalid_argument', `No answer to "${question.trim()}" (standard input ended). Pass --email, or --token.`, {});
    return answer;
  } finally {
    lines.close();
  }
}

export async function runLogin(options: LoginOptions): Promise<void> {
  const server = normalizeServer(options.server);
  if (options.token !== undefined) {
    const me = await whoAmI(server, options.token);
    await saveCredentials(server, { token: options.token, email: me.email, savedAt: new Date().toISOString() });
    print(`Logged in to ${server} as ${me.email} with the token given; saved in ${credentialsPath()}.`);
    return;
  }
  const email = options.email ?? (await ask('E-mail: ', false)).trim();
  const password = await ask('Password: ', true);
  const result = await loginWithPassword(server, email, password, options.name ?? `scrumdown CLI on ${hostname()}`);
  await saveCredentials(server, { token: result.token, email: result.email, savedAt: new Date().toISOString() });
  print(`Logged in to ${server} as ${result.email}; API token "${result.tokenName}" saved in ${credentialsPath()}.`);
}
