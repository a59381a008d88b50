// Runs `scrumdown items`: lists the filtered items as a table or as JSON.

import { listItems, parseItemFilter } from '../../../services/items.js';
import { loadPlan } from '../../../services/plan-file.js';
import type { CommandContext } from '../../context.js';
import { optionalNumber, print, printJson, statusText, table } from '../../output.js';
import type { ItemsOptions } from './index.js';

export async function runItems(file: string, options: ItemsOptions, context: CommandContext): Promise<void> {
  // Refuse bad filter words before reading the file.
  const filter = parseItemFilter(options);
  const { plan, index } = await loadPlan(file);
  const items = listItems(plan, index, filter);
  if (options.json) {
    printJson('items', { file, count: items.length, items });
    return;
  }
  if (items.length === 0) {
    print('No items match.');
    return;
  }
  const { color } = context;
  const rows = [[color.bold('ID'), color.bold('STATUS'), color.bold('KIND'), color.bold('PTS'), color.bold('HRS'), color.bold('TITLE')]];
  for (const item of items) {
    rows.push([item.id, statusText(color, item.status), item.kind, optionalNumber(item.points), optionalNumber(item.hours), item.title]);
  }
  const lines = table(rows, new Set([3, 4]));
  lines.push('', color.dim(`${items.length} ${items.length === 1 ? 'item' : 'items'}`));
  print(lines.join('\n'));
}
