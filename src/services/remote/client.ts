// A small client of the team server for the CLI: JSON and raw requests with the stored token,
// and every failure as one ScrumdownError whose message says what happened and what to do
// (server unreachable, token refused, project or document not found, conflicts).

import { ScrumdownError } from '../../errors.js';
import type { ErrorCode } from '../../errors.js';

export interface RemoteOptions {
  server: string;
  token?: string | undefined;
  /** Milliseconds before a request is given up (default 30 s). */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Record<string, unknown> };
}

const PASSED_THROUGH: ReadonlySet<string> = new Set(['validation_failed', 'conflict', 'payload_too_large', 'forbidden', 'rate_limited', 'account_locked', 'unsupported_format', 'invalid_argument']);

export class RemoteClient {
  readonly server: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: RemoteOptions) {
    this.server = options.server.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async raw(method: string, path: string, body?: { json?: unknown; headers?: Record<string, string> }): Promise<RawResponse> {
    const headers: Record<string, string> = { ...body?.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    }
    let response: Response;
    try {
      response = await fetch(`${this.server}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ScrumdownError('remote_error', `Cannot reach the scrumdown server at ${this.server} (${reason}). Check the address and that the server is running.`, {
        server: this.server,
        reason,
      });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status >= 400) throw this.failure(response.status, bytes);
    return { status: response.status, headers: response.headers, bytes };
  }

  async json<T>(method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<T> {
    const response = await this.raw(method, path, { json, headers });
    if (response.bytes.length === 0) return undefined as T;
    try {
      return JSON.parse(new TextDecoder().decode(response.bytes)) as T;
    } catch {
      throw new ScrumdownError('remote_error', `${this.server} answered ${method} ${path} with something that is not JSON. Is it a scrumdown server?`, { server: this.server });
    }
  }

  private failure(status: number, bytes: Uint8Array): ScrumdownError {
    let body: ErrorBody = {};
    try {
      body = JSON.parse(new TextDecoder().decode(bytes)) as ErrorBody;
    } catch {
      body = {};
    }
    const message = body.error?.message;
    const details = { server: this.server, status, ...(body.error?.details ?? {}) };
    if (status === 401) {
      return new ScrumdownError(
        'unauthenticated',
        this.token
          ? `${this.server} refused the token (401): it is unknown, revoked or expired. Run scrumdown login --server ${this.server} again.`
          : `${this.server} needs a sign-in (401). Run scrumdown login --server ${this.server} first.`,
        details,
      );
    }
    if (status === 404) return new ScrumdownError('not_found', `${message ?? 'Not found'} (404 from ${this.server})`, details);
    const code = body.error?.code;
    if (code !== undefined && PASSED_THROUGH.has(code)) return new ScrumdownError(code as ErrorCode, `${message ?? code} (${status} from ${this.server})`, details);
    return new ScrumdownError('remote_error', `${this.server} answered ${status}${message ? `: ${message}` : ''}.`, details);
  }
}
