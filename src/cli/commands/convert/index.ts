// `scrumdown convert SOURCE`: a Markdown plan from a Taskmaster tasks.json, a Backlog.md folder
// or a GitHub issues export. Declares the command; the work is in run.ts.

import type { Command } from 'commander';

export interface ConvertCliOptions {
  from?: string;
  out?: string;
  force?: boolean;
  tag?: string;
  title?: string;
}

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('write a scrumdown plan from Taskmaster, Backlog.md or GitHub issues')
    .argument('<source>', 'tasks.json, a backlog/ folder, or an issues JSON export')
    .option('--from <format>', 'source format: taskmaster, backlog-md or github (detected when omitted)')
    .option('-o, --out <file>', 'write the plan to this file instead of stdout')
    .option('--force', 'replace --out when it exists')
    .option('--tag <tag>', 'Taskmaster: the tag to convert (default master, or the only tag)')
    .option('--title <title>', 'title of the plan (default: the source\'s own)')
    .addHelpText(
      'after',
      `
Ids: Taskmaster task 12 → TASK-12 (subtask 12.3 → TASK-12.3); Backlog.md task-12 → TASK-12;
GitHub issue #12 → TASK-12, milestones → epics. Statuses, priorities, assignees, labels,
dependencies, descriptions and acceptance criteria come along; see docs/cli.md for every field.
Warnings (dependencies on tasks that are not there, unknown statuses) go to stderr.

Examples:
  $ scrumdown convert .taskmaster/tasks/tasks.json -o plan.md
  $ scrumdown convert backlog/ -o plan.md
  $ gh issue list --state all --limit 1000 --json number,title,state,labels,assignees,body,milestone > issues.json
  $ scrumdown convert issues.json -o plan.md`,
    )
    .action(async (source: string, options: ConvertCliOptions) => {
      const { runConvert } = await import('./run.js');
      await runConvert(source, options);
    });
}
