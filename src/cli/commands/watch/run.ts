// Runs `scrumdown watch`: checks the folder, starts the sync, prints what it does (conflicts and
// problems on stderr), and on SIGINT or SIGTERM finishes the pass under way and exits 0.

import { stat } from 'node:fs/promises';
import { ScrumdownError } from '../../../errors.js';
import { RemoteClient } from '../../../services/remote/client.js';
import { resolveServer } from '../../../services/remote/credentials.js';
import { startWatch } from '../../../services/sync/watch.js';
import { print } from '../../output.js';
import type { WatchCommandOptions } from './index.js';

async function checkFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new ScrumdownError('file_not_found', `${dir}: no such folder. Give the folder that holds the plans, e.g. scrumdown watch plans --project P.`, { path: dir });
  if (!info.isDirectory()) throw new ScrumdownError('not_a_file', `${dir} is a file, not a folder. Give the folder that holds it, e.g. scrumdown watch . --project P.`, { path: dir });
}

export async function runWatch(dir: string, options: WatchCommandOptions): Promise<void> {
  await checkFolder(dir);
  const { server, token } = await resolveServer(options.server);
  const client = new RemoteClient({ server, token });
  const watcher = startWatch({
    dir,
    client,
    project: options.project,
    pollMs: options.interval,
    report: { info: print, warn: (message) => process.stderr.write(`${message}\n`) },
  });
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  try {
    await watcher.ready;
  } catch (error) {
    await watcher.stop();
    throw error;
  }
  print(`Watching ${dir} ⇄ ${options.project} on ${server} (Ctrl-C to stop).`);
  const signal = await stopped;
  await watcher.stop();
  print(`Stopped watching ${dir} (${signal}).`);
}
