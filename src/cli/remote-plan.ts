// `--server URL --project P [--document NAME]` on the read commands (status, items, show, next,
// lint): the project's document is fetched from the server into a private temporary folder, and
// the command then reads it like any local file, through the same services. The folder becomes
// the working directory so messages name the document (`tasks.md:12`), and is removed on exit.
// The remote client loads only with --project: every command declares these options at start.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { ScrumdownError } from '../errors.js';

export interface RemotePlanOptions {
  server?: string;
  project?: string;
  document?: string;
}

export function addRemoteOptions(command: Command): Command {
  return command
    .option('--server <url>', 'read the plan from this scrumdown server (default: the one you logged in to last)')
    .option('--project <key>', "read the project's document from the server instead of a file")
    .option('--document <name>', 'which document of the project, when it has several');
}

/** The plan files to read: the ones given, or the project's document fetched from the server. */
export async function planFiles(files: readonly string[], options: RemotePlanOptions): Promise<string[]> {
  if (options.project === undefined) {
    if (options.server !== undefined || options.document !== undefined) {
      throw new ScrumdownError('invalid_argument', '--server and --document need --project: say which project to read.', {});
    }
    if (files.length === 0) {
      throw new ScrumdownError('invalid_argument', 'No plan file given. Give the path of a Markdown plan, or --project KEY to read one from a server.', {});
    }
    return [...files];
  }
  if (files.length > 0) {
    throw new ScrumdownError('invalid_argument', `Give either plan files or --project, not both (got ${files.join(', ')} and --project ${options.project}).`, {});
  }
  const [{ RemoteClient }, { resolveServer }, { fetchDocument }] = await Promise.all([
    import('../services/remote/client.js'),
    import('../services/remote/credentials.js'),
    import('../services/remote/documents.js'),
  ]);
  const { server, token } = await resolveServer(options.server);
  const document = await fetchDocument(new RemoteClient({ server, token }), options.project, options.document);
  const folder = mkdtempSync(join(tmpdir(), 'scrumdown-remote-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  const name = basename(document.name);
  writeFileSync(join(folder, name), document.bytes, { mode: 0o600 });
  process.chdir(folder);
  return [name];
}
