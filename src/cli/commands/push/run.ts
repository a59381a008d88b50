// Runs `scrumdown push`: reads the file as bytes (kept exactly), uploads it, and reports the
// version and what the engine found in it.

import { basename } from 'node:path';
import { looksBinary } from '../../../engine/decode.js';
import { ScrumdownError } from '../../../errors.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { pushDocument } from '../../../services/remote/documents.js';
import { readPlanBytes } from '../../../services/plan-file.js';
import { print, printJson } from '../../output.js';
import type { PushOptions } from './index.js';

export async function runPush(file: string, options: PushOptions): Promise<void> {
  const { bytes } = await readPlanBytes(file);
  if (looksBinary(bytes)) throw new ScrumdownError('binary_file', `${file} looks like a binary file, not Markdown.`, { path: file });
  const { server, token } = await resolveServer(options.server);
  const client = new RemoteClient({ server, token });
  const name = options.name ?? basename(file);
  const { document, created } = await pushDocument(client, options.project, name, bytes);
  if (options.json) {
    printJson('push', { server, project: options.project, created, document });
    return;
  }
  const findings = document.findings.length === 0 ? 'no findings' : `${document.findings.length} finding${document.findings.length === 1 ? '' : 's'} (scrumdown lint --server ${server} --project ${options.project})`;
  print(`${created ? 'Created' : 'Replaced'} ${document.name} in ${options.project} on ${server}: version ${document.version}, ${document.items} items, ${findings}.`);
}
