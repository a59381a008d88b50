// Requests to /api/v1 with the session's bearer token. An expired access token is refreshed once
// (one refresh in flight however many requests wait for it) and the request sent again; a refresh
// the server refuses ends the session, which sends the app back to sign-in. Failures are ApiError
// values carrying the server's stable code.

import { getSession, setSession } from './session';
import type { SessionAnswer } from './session';

export const API = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Sign-in and sign-up send no token and never refresh. */
  anonymous?: boolean;
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const session = getSession();
  if (!session) return false;
  refreshing ??= (async () => {
    try {
      const response = await fetch(`${API}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        // Another tab may have refreshed with the same token first: use its session.
        const latest = getSession();
        if (latest && latest.refreshToken !== session.refreshToken) return true;
        if (response.status === 401) setSession(null);
        return false;
      }
      setSession((await response.json()) as SessionAnswer);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    if (body.error) return new ApiError(response.status, body.error.code ?? 'error', body.error.message ?? response.statusText, body.error.details ?? {});
  } catch {
    // Not JSON: a proxy's page; fall through to the status line.
  }
  return new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const session = getSession();
  if (!options.anonymous && session) headers.authorization = `Bearer ${session.accessToken}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  try {
    return await fetch(path.startsWith('/') ? path : `${API}/${path}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached. Check the connection and try again.');
  }
}

/** The raw response of a successful request (downloads); throws ApiError otherwise. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const session = getSession();
  if (!options.anonymous && session && Date.now() > session.expiresAt) await refresh();
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous && getSession()) {
    if (await refresh()) response = await send(path, options);
  }
  if (response.status === 401 && !options.anonymous) setSession(null);
  if (!response.ok) throw await toError(response);
  return response;
}

/** JSON from the API (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function projectPath(key: string, rest = ''): string {
  return `projects/${encodeURIComponent(key)}${rest}`;
}
