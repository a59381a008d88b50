#!/usr/bin/env node
// The scrumdown command line: wires each command (one folder per command under commands/) into
// commander and hands every failure to exit.ts. Start-up stays light: command folders only
// declare arguments and help here (commands.ts; only the command being run, unless help or an
// unknown name needs them all); their work, and the engine, load when the command runs.

import { Command } from 'commander';
import { ScrumdownError } from '../errors.js';
import { reportError } from './exit.js';
import { COMMANDS, commandNamed } from './commands.js';
import { packageVersion } from './version.js';

/** The program for this command line (argv as process.argv: node, script, then the arguments). */
function createProgram(argv: readonly string[]): Command {
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
  // Running a command needs its own declaration only; help and an unknown name need them all.
  const named = commandNamed(argv[2]);
  if (named) {
    named(program);
    return program;
  }
  for (const [, register] of COMMANDS) register(program);
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
    await createProgram(argv).parseAsync(argv);
  } catch (error) {
    reportError(error);
  }
}

await main(process.argv);
