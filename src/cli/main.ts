#!/usr/bin/env node
// The scrumdown command line: wires each command (one folder per command under commands/) into
// commander and hands every failure to exit.ts. Start-up stays light: command folders only
// declare arguments and help here; their work, and the engine, load when the command runs.

import { Command } from 'commander';
import { ScrumdownError } from '../errors.js';
import { reportError } from './exit.js';
import { registerConvert } from './commands/convert/index.js';
import { registerExport } from './commands/export/index.js';
import { registerBackup } from './commands/backup/index.js';
import { registerGraph } from './commands/graph/index.js';
import { registerItems } from './commands/items/index.js';
import { registerLint } from './commands/lint/index.js';
import { registerLogin } from './commands/login/index.js';
import { registerPull } from './commands/pull/index.js';
import { registerPush } from './commands/push/index.js';
import { registerResolve } from './commands/resolve/index.js';
import { registerMcp } from './commands/mcp/index.js';
import { registerMigrate } from './commands/migrate/index.js';
import { registerNext } from './commands/next/index.js';
import { registerRestore } from './commands/restore/index.js';
import { registerServe } from './commands/serve/index.js';
import { registerSet } from './commands/set/index.js';
import { registerShow } from './commands/show/index.js';
import { registerSprint } from './commands/sprint/index.js';
import { registerStandup } from './commands/standup/index.js';
import { registerReport } from './commands/report/index.js';
import { registerStatus } from './commands/status/index.js';
import { registerHistory } from './commands/history/index.js';
import { registerBurndown } from './commands/burndown/index.js';
import { registerVelocity } from './commands/velocity/index.js';
import { registerWatch } from './commands/watch/index.js';
import { registerCycleTime } from './commands/cycle-time/index.js';
import { packageVersion } from './version.js';

function createProgram(): Command {
  const program = new Command('scrumdown');
  program
    .description('Scrum planning and tracking on plain Markdown plans: progress, next work, lint, sprints and in-place status edits.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--no-color', 'print without colours (also when NO_COLOR is set)')
    .helpOption('-h, --help', 'show help')
    // Our own help command, so that `help <typo>` says which commands exist.
    .helpCommand(false)
    .showSuggestionAfterError()
    .exitOverride()
    // Error messages are printed by exit.ts; help and version text are commander's.
    .configureOutput({ outputError: () => undefined })
    .addHelpText(
      'after',
      `
Examples:
  $ scrumdown status plan.md             progress per section and overall
  $ scrumdown next plan.md -n 3          what to pick up next
  $ scrumdown lint plan.md               the plan's own mistakes (exit 1 on errors)
  $ scrumdown set plan.md T004 done      tick T004 in the file and show the diff

Exit codes: 0 ok, 1 lint found errors, 2 bad input or usage, 3 internal error.`,
    );
  registerStatus(program);
  registerItems(program);
  registerShow(program);
  registerNext(program);
  registerGraph(program);
  registerLint(program);
  registerSet(program);
  registerSprint(program);
  registerStandup(program);
  registerReport(program);
  registerHistory(program);
  registerBurndown(program);
  registerVelocity(program);
  registerCycleTime(program);
  registerServe(program);
  registerMcp(program);
  registerConvert(program);
  registerExport(program);
  registerLogin(program);
  registerPush(program);
  registerPull(program);
  registerWatch(program);
  registerResolve(program);
  registerMigrate(program);
  registerBackup(program);
  registerRestore(program);
  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command to explain')
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const command = program.commands.find((candidate) => candidate.name() === name);
      if (!command) {
        const names = program.commands.map((candidate) => candidate.name()).join(', ');
        throw new ScrumdownError('invalid_argument', `Unknown command "${name}". The commands are: ${names}.`, { command: name });
      }
      command.outputHelp();
    });
  return program;
}

async function main(argv: string[]): Promise<void> {
  // A closed pipe (`scrumdown items plan.md | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await createProgram().parseAsync(argv);
  } catch (error) {
    reportError(error);
  }
}

await main(process.argv);
