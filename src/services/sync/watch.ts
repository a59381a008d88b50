// Keeps a folder in step with a project on the server until stopped: passes of folder-sync.ts run
// one at a time, on two triggers.
// - Saves: Node's recursive fs.watch (inotify on Linux) reports changes in the folder; a pass runs
//   once the folder has been quiet for `debounceMs`, so a burst of saves makes one push.
// - The server: every `pollMs` one GET of the project's document list, which carries each
//   document's version, tells whether anything changed there; only a changed document is
//   downloaded. That is one small request a second for a whole folder, needs nothing of the
//   server beyond its existing routes, and works behind any proxy and with several server
//   instances behind one address, where a push channel (server-sent events) would need the
//   instances to tell each other about every change. The same pass also notices a save that
//   fs.watch missed, by each file's size and mtime.
// The poll timer is what keeps a watching process alive; stop() clears it and the debounce timer,
// closes the watcher and waits for the pass under way, so nothing is left running.
// A folder has one watch at a time (lock.ts): nothing starts until its lock is held, and stop()
// gives the lock back.

import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { isIgnored } from './ignore.js';
import { FolderSync } from './folder-sync.js';
import type { FolderSyncOptions } from './folder-sync.js';
import { lockFolder } from './lock.js';
import { STATE_FOLDER } from './state.js';

export interface WatchOptions extends FolderSyncOptions {
  /** How often the server is asked for changes (default 1000 ms). */
  pollMs?: number;
  /** Quiet time after a save before it is pushed (default 300 ms). */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves after the first pass (the folder and the server agree, or conflicts are reported). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startWatch(options: WatchOptions): Watcher {
  const pollMs = options.pollMs ?? 1000;
  const debounceMs = options.debounceMs ?? 300;
  const sync = new FolderSync(options);
  const lastSave = new Map<string, number>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let eager = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let lastError = '';

  const settling = (path: string): boolean => Date.now() - (lastSave.get(path) ?? 0) < debounceMs;

  const runPass = async (patient: boolean, strict = false): Promise<void> => {
    try {
      await sync.pass(patient ? settling : () => false);
      lastError = '';
    } catch (error) {
      if (strict) throw error;
      // The server may be down for a while: say so once, and keep trying.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError && !stopped) options.report.warn(`sync paused: ${message}`);
      lastError = message;
    }
  };

  /** A pass now, or right after the one running. A patient pass leaves files still being saved. */
  const trigger = (patient: boolean, strict = false): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      eager ||= !patient;
      return running.catch(() => undefined);
    }
    running = (async () => {
      try {
        await runPass(patient, strict);
      } catch (error) {
        running = undefined;
        throw error;
      }
      while (again && !stopped) {
        const next = !eager;
        again = false;
        eager = false;
        await runPass(next);
      }
      running = undefined;
    })();
    return running;
  };

  const schedulePoll = (): void => {
    if (stopped) return;
    pollTimer = setTimeout(() => void trigger(true).then(schedulePoll), pollMs);
  };

  let watcher: FSWatcher | undefined;
  const watchFiles = (): void => {
    try {
      watcher = watch(options.dir, { recursive: true }, (_event, filename) => {
        if (filename === null) return;
        const path = filename.split('\\').join('/');
        const state = path === `${STATE_FOLDER}/sync.json`;
        if (!state && isIgnored(path)) return;
        if (!state) lastSave.set(path, Date.now());
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => void trigger(false), debounceMs);
      });
      watcher.on('error', (error) => options.report.warn(`watching ${options.dir} failed (${error.message}); changes are still found every ${pollMs} ms.`));
    } catch (error) {
      options.report.warn(`cannot watch ${options.dir} (${(error as Error).message}); changes are found every ${pollMs} ms.`);
    }
  };

  const locking = lockFolder(options.dir);
  // The first pass must succeed (a wrong project or an unreachable server is the user's to fix).
  const ready = locking.then(async () => {
    if (stopped) return;
    watchFiles();
    await trigger(false, true);
    schedulePoll();
  });

  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(saveTimer);
      watcher?.close();
      await running?.catch(() => undefined);
      const lock = await locking.catch(() => undefined);
      await lock?.release();
    },
  };
}
