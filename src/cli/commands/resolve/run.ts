// Runs `scrumdown resolve` and says, per file, which conflicts were settled and how.

import { resolveConflicts } from '../../../services/sync/resolve.js';
import { print } from '../../output.js';
import type { ResolveOptions } from './index.js';

export async function runResolve(dir: string, targets: string[], options: ResolveOptions): Promise<void> {
  const resolved = await resolveConflicts({ dir, take: options.take, targets });
  for (const file of resolved) {
    const items = file.items.join(', ');
    print(
      options.take === 'server'
        ? `${file.path}: took the server's text for ${items}${file.written ? '' : ' (the file already had it)'}.`
        : `${file.path}: kept the file's text for ${items}; watch sends it to the server.`,
    );
  }
}
