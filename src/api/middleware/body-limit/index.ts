// Refuses request bodies over the configured size (10 MB by default) with 413, whether the size
// is declared in Content-Length or only discovered while the body streams in. GET and HEAD
// requests never carry a body to the app (@hono/node-server drops it), so they skip the check:
// asking for the body would build a full Fetch Request for nothing, a twentieth of a small read.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ScrumdownError } from '../../../errors.js';
import type { AppEnv } from '../../env.js';

export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ScrumdownError('payload_too_large', `The request body is larger than ${formatBytes(maxBytes)}. Send a smaller document.`, { limitBytes: maxBytes });
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
