// Runs `scrumdown mcp`: checks the plan can be read (so a wrong path fails at once, with exit 2,
// rather than inside the client), then serves it over stdio.

import { ScrumdownError } from '../../../errors.js';
import { FilePlanSource } from '../../../mcp/file-source.js';
import { serveStdio } from '../../../mcp/server.js';
import { packageVersion } from '../../version.js';
import type { McpOptions } from './index.js';

export async function runMcp(options: McpOptions): Promise<void> {
  if (options.file === undefined) {
    throw new ScrumdownError('invalid_argument', 'mcp needs the plan to serve: scrumdown mcp --file tasks.md', {});
  }
  const source = new FilePlanSource(options.file);
  await source.load();
  await serveStdio(source, packageVersion());
}
