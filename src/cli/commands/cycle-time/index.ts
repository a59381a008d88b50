// `scrumdown cycle-time FILE`: how long items took from start to done, from the plan's git
// history. Declares the command; the work is in run.ts.

import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addHistoryOptions } from '../history/options.js';
import type { GitHistoryOptions } from '../history/options.js';

export interface CycleTimeOptions extends GitHistoryOptions {
  from?: string;
  to?: string;
  svg?: string;
}

export function registerCycleTime(program: Command): void {
  const command = program
    .command('cycle-time')
    .description("days from start to done per item, with the median and 85th percentile, from the plan's git history")
    .argument('<file>', 'plan file (Markdown) in a git repository')
    .option('--from <date>', 'only items finished on or after this day')
    .option('--to <date>', 'only items finished on or before this day')
    .option('--svg <file>', 'also write the chart as an SVG file')
    .option('--json', 'print one JSON document (schema scrumdown/cycle-time@1)');
  addHistoryOptions(command)
    .addHelpText(
      'after',
      `
An item's cycle time runs from the first commit showing it in progress (or review) to the
last commit that made it done; it must still be done. Items that went straight from open to
done are measured from the first commit that showed them open, and marked "*" (that part is
lead time). Items already done when they first appeared have no start and are only counted.
Calendar days; P85 is the nearest-rank 85th percentile. Only actionable items count.

Examples:
  $ scrumdown cycle-time tasks.md
  $ scrumdown cycle-time tasks.md --from 2026-01-01 --json | jq .median`,
    )
    .action(async (file: string, options: CycleTimeOptions, cmd: Command) => {
      const { runCycleTime } = await import('./run.js');
      await runCycleTime(file, options, contextOf(cmd));
    });
}
