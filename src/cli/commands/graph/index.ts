// `scrumdown graph FILE`: the dependency graph as Mermaid, DOT or JSON. Declares the command; the
// work is in run.ts.

import { Option } from 'commander';
import type { Command } from 'commander';
import { contextOf } from '../../context.js';

export type GraphFormat = 'mermaid' | 'dot' | 'json';

export interface GraphOptions {
  format: GraphFormat;
  critical?: boolean;
  json?: boolean;
}

export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('the dependency graph of actionable items, with the critical path highlighted')
    .argument('<file>', 'plan file (Markdown)')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .option('--critical', 'only the critical path: its items and the edges between them')
    .option('--json', 'same as --format json (schema scrumdown/graph@1)')
    .addHelpText(
      'after',
      `
Arrows point from a dependency to the work that waits for it. The critical path (the longest
chain by hours, else points, else item count) is always highlighted; --critical leaves out
everything else. --format json prints one document (schema scrumdown/graph@1).

Examples:
  $ scrumdown graph tasks.md > graph.mmd
  $ scrumdown graph tasks.md --format dot | dot -Tsvg > graph.svg
  $ scrumdown graph tasks.md --critical --format json`,
    )
    .action(async (file: string, options: GraphOptions, command: Command) => {
      const { runGraph } = await import('./run.js');
      await runGraph(file, options.json ? { ...options, format: 'json' } : options, contextOf(command));
    });
}
