// `scrumdown velocity FILE`: points and items done per week or per sprint, from the plan's git
// history. Declares the command; the work is in run.ts.

import { Option } from 'commander';
import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addHistoryOptions } from '../history/options.js';
import type { GitHistoryOptions } from '../history/options.js';

export interface VelocityOptions extends GitHistoryOptions {
  period: 'week' | 'sprint';
  measure?: 'points' | 'items';
  svg?: string;
}

export function registerVelocity(program: Command): void {
  const command = program
    .command('velocity')
    .description("points (and items) done per week or per sprint, from the plan's git history")
    .argument('<file>', 'plan file (Markdown) in a git repository')
    .addOption(new Option('--period <period>', 'week (Monday to Sunday, UTC) or sprint (dates from sprint headings)').choices(['week', 'sprint']).default('week'))
    .addOption(new Option('--measure <measure>', 'what to count (default: points when the plan has any, else items)').choices(['points', 'items']))
    .option('--svg <file>', 'also write the chart as an SVG file')
    .option('--json', 'print one JSON document (schema scrumdown/velocity@1)');
  addHistoryOptions(command)
    .addHelpText(
      'after',
      `
A period's velocity is the net work done in it: an item done then counts, and one reopened
later gives its points back in the period it was reopened. Throughput is the same in items.
Sprints need dates in their headings (see "scrumdown help burndown"); undated ones are listed.

Examples:
  $ scrumdown velocity plan.md
  $ scrumdown velocity plan.md --period sprint --svg velocity.svg`,
    )
    .action(async (file: string, options: VelocityOptions, cmd: Command) => {
      const { runVelocity } = await import('./run.js');
      await runVelocity(file, options, contextOf(cmd));
    });
}
