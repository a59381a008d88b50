// `scrumdown burndown FILE`: remaining work per working day from the plan's git history, with
// the ideal line, scope changes and a burnup. Declares the command; the work is in run.ts.

import { Option } from 'commander';
import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addHistoryOptions } from '../history/options.js';
import type { GitHistoryOptions } from '../history/options.js';

export interface BurndownOptions extends GitHistoryOptions {
  from?: string;
  to?: string;
  sprint?: string;
  measure?: 'points' | 'items';
  svg?: string;
}

export function registerBurndown(program: Command): void {
  const command = program
    .command('burndown')
    .description("remaining work per working day from the plan's git history, against the ideal line, with scope added and removed")
    .argument('<file>', 'plan file (Markdown) in a git repository')
    .option('--from <date>', 'first day (YYYY-MM-DD); default the first commit')
    .option('--to <date>', 'last day (YYYY-MM-DD); default the last commit')
    .option('--sprint <name>', 'the dates and items of a sprint the plan declares (its number, id or name)')
    .addOption(new Option('--measure <measure>', 'what to count (default: points when the plan has any, else items)').choices(['points', 'items']))
    .option('--svg <file>', 'also write the chart as an SVG file')
    .option('--json', 'print one JSON document (schema scrumdown/burndown@1)');
  addHistoryOptions(command)
    .addHelpText(
      'after',
      `
Days are working days (Monday to Friday, UTC); each value is read at the end of its day, so
weekend commits count on Monday. The commitment is what remained at the start of the first day;
the ideal line falls from it to zero by the end of the last day. Scope added and removed are
work that appeared or went away other than by being done.

A sprint's dates come from its heading: "## Sprint 3 (2026-02-02 to 2026-02-13)", or
"## Sprint 3 (Weeks 5-6)" counted from the plan's "**Start Date:**" (else from the week of
the first commit). Its items are those the plan commits to it, with everything below them.

Examples:
  $ scrumdown burndown plan.md --sprint 3
  $ scrumdown burndown plan.md --from 2026-01-05 --to 2026-01-16 --svg burndown.svg`,
    )
    .action(async (file: string, options: BurndownOptions, cmd: Command) => {
      const { runBurndown } = await import('./run.js');
      await runBurndown(file, options, contextOf(cmd));
    });
}
