// Runs `scrumdown push`: reads the file as bytes (kept exactly) and, with --with-history, its
// history from git (as `scrumdown history` reads it, cache and all), uploads them, and reports the
// version and what the engine found in it.

import { basename } from 'node:path';
import { looksBinary } from '../../../engine/decode.js';
import { ScrumdownError } from '../../../errors.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { pushDocument } from '../../../services/remote/documents.js';
import { readPlanHistory } from '../../../services/history/read.js';
import { readPlanBytes } from '../../../services/file-io.js';
import { print, printJson } from '../../output.js';
import type { PushOptions } from './index.js';

export async function runPush(file: string, options: PushOptions): Promise<void> {
  const { bytes } = await readPlanBytes(file);
  if (looksBinary(bytes)) throw new ScrumdownError('binary_file', `${file} looks like a binary file, not Markdown.`, { path: file });
  const { server, token } = await resolveServer(options.server);
  const client = new RemoteClient({ server, token });
  const name = options.name ?? basename(file);
  const history = options.withHistory ? await readPlanHistory(file) : undefined;
  const { document, created } = await pushDocument(client, options.project, name, bytes, history?.timeline);
  const commits = history ? history.timeline.commits.length : null;
  if (options.json) {
    printJson('push', { server, project: options.project, created, document, historyCommits: commits, warnings: history?.warnings ?? [] });
    return;
  }
  for (const warning of history?.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
  const findings = document.findings.length === 0 ? 'no findings' : `${document.findings.length} finding${document.findings.length === 1 ? '' : 's'} (scrumdown lint --server ${server} --project ${options.project})`;
  const withHistory = commits === null ? '' : `, history of ${commits} commit${commits === 1 ? '' : 's'}`;
  print(`${created ? 'Created' : 'Replaced'} ${document.name} in ${options.project} on ${server}: version ${document.version}, ${document.items} items${withHistory}, ${findings}.`);
}
