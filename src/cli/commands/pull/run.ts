// Runs `scrumdown pull`: fetches the document's bytes and replaces the file in one rename, so a
// reader sees the old file or the new one, never half of it.

import { basename } from 'node:path';
import { writeFileAtomic } from '../../../services/file-io.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { fetchDocument } from '../../../services/remote/documents.js';
import { print } from '../../output.js';
import type { PullOptions } from './index.js';

export async function runPull(file: string | undefined, options: PullOptions): Promise<void> {
  const { server, token } = await resolveServer(options.server);
  const client = new RemoteClient({ server, token });
  const document = await fetchDocument(client, options.project, options.document ?? (file === undefined ? undefined : await documentNamedLikeFile(client, options.project, file)));
  const target = file ?? basename(document.name);
  await writeFileAtomic(target, document.bytes);
  print(`Wrote ${target}: ${document.name} version ${document.version} from ${options.project} on ${server} (${document.bytes.length} bytes).`);
}

/** With a file named and no --document, the document of the same name if the project has one. */
async function documentNamedLikeFile(client: RemoteClient, project: string, file: string): Promise<string | undefined> {
  const { listRemoteDocuments } = await import('../../../services/remote/documents.js');
  const documents = await listRemoteDocuments(client, project);
  return documents.find((document) => basename(document.name) === basename(file))?.name;
}
