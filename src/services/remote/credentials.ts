// Where the CLI keeps its API tokens: `$XDG_CONFIG_HOME/scrumdown/credentials.json` (or
// `~/.config/scrumdown/credentials.json`), one token per server, readable by the user alone
// (mode 0600, in a 0700 folder), replaced atomically so a crash never leaves half a file.

import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ScrumdownError } from '../../errors.js';
import { writeFileAtomic } from '../file-io.js';

export interface ServerCredentials {
  token: string;
  /** Who the token belongs to, for messages. */
  email: string | null;
  savedAt: string;
}

export interface CredentialsFile {
  /** The server `login` saw last: the one used when --server is not given. */
  current: string | null;
  servers: Record<string, ServerCredentials>;
}

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== '' ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(base, 'scrumdown', 'credentials.json');
}

/** The server URL as the credentials file keys it: scheme, host and path, no trailing slash. */
export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server.includes('://') ? server : `http://${server}`);
  } catch {
    throw new ScrumdownError('invalid_argument', `"${server}" is not a server address. Give its URL, e.g. https://plans.example.com.`, { server });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScrumdownError('invalid_argument', `"${server}" is not an http(s) address. Give its URL, e.g. https://plans.example.com.`, { server });
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export async function readCredentials(path = credentialsPath()): Promise<CredentialsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { current: null, servers: {} };
    throw new ScrumdownError('io_error', `Cannot read ${path}: ${(error as Error).message}.`, { path });
  }
  try {
    const parsed = JSON.parse(text) as Partial<CredentialsFile>;
    return { current: parsed.current ?? null, servers: parsed.servers ?? {} };
  } catch {
    throw new ScrumdownError('invalid_config', `${path} is not valid JSON. Delete it and run scrumdown login again.`, { path });
  }
}

export async function saveCredentials(server: string, credentials: ServerCredentials, path = credentialsPath()): Promise<void> {
  const file = await readCredentials(path);
  const key = normalizeServer(server);
  file.servers[key] = credentials;
  file.current = key;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // The atomic write replaces an existing file: on the first save, create an empty one (0600).
  await writeFile(path, '', { mode: 0o600, flag: 'a' });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`), { mode: 0o600 });
  await chmod(path, 0o600);
}

export interface ResolvedServer {
  server: string;
  token: string | undefined;
}

/** The server to talk to (--server, else the last one logged in to) and its stored token. */
export async function resolveServer(server: string | undefined, path = credentialsPath()): Promise<ResolvedServer> {
  const file = await readCredentials(path);
  const key = server !== undefined ? normalizeServer(server) : file.current;
  if (key === null) {
    throw new ScrumdownError('invalid_argument', 'No server given and none logged in to. Run scrumdown login --server URL first, or pass --server URL.', {});
  }
  return { server: key, token: process.env.SCRUMDOWN_TOKEN || file.servers[key]?.token };
}
