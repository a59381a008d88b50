// Starts the built CLI's `scrumdown serve` as a child process, as the container does, with its
// own empty working, home and temporary folders and the database in a separate data folder, so
// tests can see what the server writes where. Port 0: the URL is read from the start-up line.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  url: string;
  port: number;
  folders: { root: string; cwd: string; home: string; tmp: string; data: string };
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code (or the signal's name), within the time limit. */
  stop(timeoutMs?: number): Promise<number | string>;
  /** Kills the process if still running and removes the folders. */
  dispose(): void;
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const root = mkdtempSync(join(tmpdir(), 'deploy-server-'));
  const folders = { root, cwd: join(root, 'cwd'), home: join(root, 'home'), tmp: join(root, 'tmp'), data: join(root, 'data') };
  for (const folder of [folders.cwd, folders.home, folders.tmp, folders.data]) mkdirSync(folder);
  const child = spawn(process.execPath, [join(repositoryRoot, 'dist', 'cli', 'main.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: folders.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: folders.home,
      TMPDIR: folders.tmp,
      SCRUMDOWN_DATABASE_URL: `sqlite:${join(folders.data, 'scrumdown.db')}`,
      SCRUMDOWN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));

  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s; stderr:\n${stderr}`)), 30_000);
    const look = () => {
      const match = /is serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before serving; stderr:\n${stderr}`));
    });
  });
  let url: string;
  try {
    url = await started;
  } catch (error) {
    // Leave nothing behind when the server never came up.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    port: Number(new URL(url).port),
    folders,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
      return Promise.race([exited, timeout]);
    },
    dispose() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
