// `scrumdown export FILE --format csv|json`: the plan's items for Jira's CSV importer or as JSON.
// Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface ExportCliOptions {
  format?: string;
  out?: string;
  force?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the items as a CSV for Jira\'s importer, or as JSON')
    .argument('<file>', 'plan file (Markdown)')
    .option('-f, --format <format>', 'csv (Jira) or json', 'csv')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--force', 'replace --out when it exists')
    .addHelpText(
      'after',
      `
CSV columns: Issue Id, Issue Type (Epic, Story, Task, Sub-task), Summary, Status, Resolution,
Priority (Highest…Lowest), Story Points, Assignee, Labels (one column per label), Epic Name,
Epic Link, Parent, Parent Id, Inward issue link (Blocks) (one column per dependency),
Description. Rows come epics first, then stories and tasks, then sub-tasks, as Jira expects.

Examples:
  $ scrumdown export plan.md -o jira.csv
  $ scrumdown export plan.md --format json | jq '.items[] | select(.status == "blocked")'`,
    )
    .action(async (file: string, options: ExportCliOptions) => {
      const { runExport } = await import('./run.js');
      await runExport(file, options);
    });
}
