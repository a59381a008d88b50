// Runs `scrumdown pull`: fetches the document's bytes and replaces the file in one rename, so a
// reader sees the old file or the new one, never half of it.

import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ScrumdownError } from '../../../errors.js';
import { writeFileAtomic } from '../../../services/plan-file.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { fetchDocument } from '../../../services/remote/documents.js';
import { print } from '../../output.js';
import type { PullOptions } from './index.js';

/** Creates a file that does not exist yet: temp file, fsync, rename. */
async function createAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new ScrumdownError('io_error', `Cannot write ${path}: ${(error as Error).message}.`, { path });
  }
}

export async function runPull(file: string | undefined, options: PullOptions): Promise<void> {
  const { server, token } = await resolveServer(options.server);
  const client = new RemoteClient({ server, token });
  const document = await fetchDocument(client, options.project, options.document ?? (file === undefined ? undefined : await documentNamedLikeFile(client, options.project, file)));
  const target = file ?? basename(document.name);
  const exists = await stat(target).then(
    (info) => info.isFile(),
    () => false,
  );
  if (exists) await writeFileAtomic(target, document.bytes);
  else await createAtomic(target, document.bytes);
  print(`Wrote ${target}: ${document.name} version ${document.version} from ${options.project} on ${server} (${document.bytes.length} bytes).`);
}

/** With a file named and no --document, the document of the same name if the project has one. */
async function documentNamedLikeFile(client: RemoteClient, project: string, file: string): Promise<string | undefined> {
  const { listRemoteDocuments } = await import('../../../services/remote/documents.js');
  const documents = await listRemoteDocuments(client, project);
  return documents.find((document) => basename(document.name) === basename(file))?.name;
}
