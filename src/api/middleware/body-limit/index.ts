// Refuses request bodies over the configured size (10 MB by default) with 413, whether the size
// is declared in Content-Length or only discovered while the body streams in.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ScrumdownError } from '../../../errors.js';
import type { AppEnv } from '../../env.js';

export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ScrumdownError('payload_too_large', `The request body is larger than ${formatBytes(maxBytes)}. Send a smaller document.`, { limitBytes: maxBytes });
    },
  });
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
