// Runs `scrumdown next`: the ranked ready items, as text or JSON.

import { nextWork } from '../../../services/next.js';
import { loadPlan } from '../../../services/plan-file.js';
import type { CommandContext } from '../../context.js';
import { print, printJson, quantity, statusText, table } from '../../output.js';
import type { NextOptions } from './index.js';

export async function runNext(file: string, options: NextOptions, context: CommandContext): Promise<void> {
  const { plan, index } = await loadPlan(file);
  const result = nextWork(plan, index, { limit: options.limit, concurrency: options.concurrency });
  if (options.json) {
    printJson('next', { file, ...result });
    return;
  }
  const { color } = context;
  if (result.items.length === 0) {
    print(result.blockedCount > 0 ? `Nothing is ready: ${result.blockedCount} open items wait for unfinished work.` : 'Nothing is ready: no open work left.');
    return;
  }
  const heading =
    result.concurrency !== null
      ? `${result.items.length} items that can run side by side (of ${result.readyCount} ready)`
      : `Next ${result.items.length} of ${result.readyCount} ready ${result.readyCount === 1 ? 'item' : 'items'}`;
  const rows = result.items.map((item, i) => [
    `${i + 1}.`,
    item.onCriticalPath ? color.red(item.id) : item.id,
    statusText(color, item.status),
    item.title,
  ]);
  const lines = [color.bold(heading), ''];
  const body = table(rows, new Set([0]));
  result.items.forEach((item, i) => {
    lines.push(body[i]);
    lines.push(`    ${color.dim(item.reason)}`);
  });
  const { critical } = result;
  if (critical.path.length > 0) {
    const size = critical.unit === 'items' ? quantity(critical.path.length, 'items') : `${quantity(critical.length, critical.unit)} over ${quantity(critical.path.length, 'items')}`;
    lines.push('', color.dim(`Critical path: ${size} (${critical.path.join(' → ')})`));
  }
  print(lines.join('\n'));
}
