// `scrumdown lint FILE...`: the plan's own mistakes. Declares the command; the work is in run.ts.

import { Option } from 'commander';
import type { Command } from 'commander';
import { contextOf } from '../../context.js';
import { addRemoteOptions, planFiles } from '../../remote-plan.js';
import type { RemotePlanOptions } from '../../remote-plan.js';

export type LintFormat = 'text' | 'json' | 'github' | 'sarif';

export interface LintOptions extends RemotePlanOptions {
  format: LintFormat;
  json?: boolean;
}

export function registerLint(program: Command): void {
  addRemoteOptions(
    program
      .command('lint')
    .description('check plans for wrong totals, over-full sprints, bad dependencies and other mistakes')
    .argument('[files...]', 'plan files (Markdown)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github', 'sarif']).default('text'))
    .option('--json', 'same as --format json (schema scrumdown/lint@1)'),
  )
    .addHelpText(
      'after',
      `
Exits with 1 when any finding is an error, 0 otherwise (warnings and notes do not fail).

Formats:
  text    one line per finding: file:line  severity  rule  message
  json    {"schema": "scrumdown/lint@1", "findings": [...]}
  github  GitHub Actions workflow commands (annotations on the pull request)
  sarif   SARIF 2.1.0, for code scanning tools

Examples:
  $ scrumdown lint tasks.md
  $ scrumdown lint plans/*.md --format github       # in a GitHub Actions step
  $ scrumdown lint tasks.md --format sarif > scrumdown.sarif`,
    )
    .action(async (files: string[], options: LintOptions, command: Command) => {
      const { runLint } = await import('./run.js');
      await runLint(await planFiles(files, options), options.json ? { ...options, format: 'json' } : options, contextOf(command));
    });
}
