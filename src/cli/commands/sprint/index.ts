// `scrumdown sprint FILE`: sprints, capacity, velocity and a forecast. Declares the command; the
// work is in run.ts.

import type { Command } from 'commander';
import { contextOf, wholeNumber } from '../../context.js';
import { registerSprintSubcommands } from './remote.js';

export interface SprintOptions {
  json?: boolean;
  seed?: number;
}

export function registerSprint(program: Command): void {
  const sprint = program
    .command('sprint')
    .description('sprints found, committed vs capacity per sprint and role, velocity and a forecast (P50/P85/P95)')
    .argument('<file>', 'plan file (Markdown)')
    .option('--seed <n>', 'seed for the Monte Carlo forecast, to reproduce a run', wholeNumber('--seed', 0))
    .option('--json', 'print one JSON document (schema scrumdown/sprint@1)')
    .addHelpText(
      'after',
      `
The forecast samples the velocity history 10,000 times to estimate how many more sprints the
remaining points need. Without --seed every run draws a new seed and prints it.

Examples:
  $ scrumdown sprint plan.md
  $ scrumdown sprint plan.md --seed 42 --json

Against a team server (see scrumdown login):
  $ scrumdown sprint create --project shop --name "Sprint 4" --start 2026-11-23 --end 2026-12-04 --items T1,T2
  $ scrumdown sprint start 4 --project shop
  $ scrumdown sprint burndown 4 --project shop
  $ scrumdown sprint show 4 --project shop
  $ scrumdown sprint close 4 --project shop`,
    )
    .action(async (file: string, options: SprintOptions, command: Command) => {
      const { runSprint } = await import('./run.js');
      await runSprint(file, options, contextOf(command));
    });
  registerSprintSubcommands(sprint);
}
