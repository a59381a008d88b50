// Runs `scrumdown set`: changes statuses in the file and prints the diff of what changed.

import { ScrumdownError } from '../../../errors.js';
import { setItemStatus } from '../../../services/set.js';
import { parseStatusWord } from '../../../services/status-word.js';
import type { CommandContext } from '../../context.js';
import { print } from '../../output.js';
import type { Palette } from '../../output.js';
import type { SetOptions } from './index.js';

export async function runSet(file: string, idsAndStatus: string[], options: SetOptions, context: CommandContext): Promise<void> {
  if (idsAndStatus.length < 2) {
    throw new ScrumdownError(
      'invalid_argument',
      `set needs at least one item ID and then a status, e.g. "scrumdown set ${file} T001 done".`,
      { arguments: idsAndStatus },
    );
  }
  const ids = idsAndStatus.slice(0, -1);
  const status = parseStatusWord(idsAndStatus[idsAndStatus.length - 1]);
  const result = await setItemStatus(file, ids, status, { dryRun: options.dryRun === true });
  const { color } = context;
  const lines: string[] = [];
  if (result.diff) lines.push(colorDiff(result.diff, color).trimEnd());
  for (const id of result.unchanged) lines.push(color.dim(`${id} is already ${status}.`));
  if (result.changes.length > 0) {
    const what = result.changes.map((change) => `${change.id} ${change.from} → ${change.to}`).join(', ');
    lines.push(options.dryRun ? color.yellow(`Dry run: ${file} not written (${what}).`) : `Updated ${file}: ${what}.`);
  } else {
    lines.push(`Nothing to change in ${file}.`);
  }
  print(lines.join('\n'));
}

function colorDiff(diff: string, color: Palette): string {
  if (!color.enabled) return diff;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return color.bold(line);
      if (line.startsWith('@@')) return color.cyan(line);
      if (line.startsWith('+')) return color.green(line);
      if (line.startsWith('-')) return color.red(line);
      return line;
    })
    .join('\n');
}
