// `scrumdown standup --project P`: writes today's standup on the server. On a terminal it asks for
// what the flags leave out; otherwise it takes flags only.

import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ScrumdownError } from '../../../errors.js';
import { print, printJson } from '../../output.js';
import { projectClient } from '../sprint/remote.js';

interface StandupOptions {
  project: string;
  server?: string;
  day?: string;
  done?: string;
  next?: string;
  blockers?: string;
  mood?: string;
  items?: string;
  json?: boolean;
}

async function ask(options: StandupOptions): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    options.done ??= await rl.question('What did you do? ');
    options.next ??= await rl.question('What will you do next? ');
    options.blockers ??= await rl.question('Anything blocking you? (empty: no) ');
    options.mood ??= (await rl.question('Mood, 1 (bad) to 5 (great)? (empty: skip) ')) || undefined;
    options.items ??= (await rl.question('Items you worked on (comma-separated, empty: none)? ')) || undefined;
  } finally {
    rl.close();
  }
}

export function registerStandup(program: Command): void {
  program
    .command('standup')
    .description("write today's standup entry on the server (asks on a terminal, else takes flags)")
    .requiredOption('--project <key>', 'the project on the server')
    .option('--server <url>', 'the server (default: the one you logged in to last)')
    .option('--day <day>', 'YYYY-MM-DD (default today)')
    .option('--done <text>', 'what you did')
    .option('--next <text>', 'what you will do next')
    .option('--blockers <text>', 'what blocks you')
    .option('--mood <n>', '1 (bad) to 5 (great)')
    .option('--items <ids>', 'items you worked on, comma-separated')
    .option('--json', "print the server's JSON")
    .addHelpText('after', '\nExamples:\n  $ scrumdown standup --project shop\n  $ scrumdown standup --project shop --done "Cart" --next "Checkout" --mood 4 --items T1,T2')
    .action(async (options: StandupOptions) => {
      const given = [options.done, options.next, options.blockers].some((value) => value !== undefined);
      if (!given && process.stdin.isTTY === true) await ask(options);
      if (options.mood !== undefined && !/^\d+$/.test(options.mood)) throw new ScrumdownError('invalid_argument', `--mood takes a whole number from 1 to 5 (got ${options.mood}).`, {});
      const { client, base } = await projectClient(options);
      const entry = await client.json<{ id: string; day: string; user: { name: string } }>('POST', `${base}/standups`, {
        day: options.day,
        done: options.done,
        next: options.next,
        blockers: options.blockers,
        mood: options.mood === undefined ? undefined : Number(options.mood),
        items: options.items === undefined ? undefined : options.items.split(',').map((id) => id.trim()).filter((id) => id !== ''),
      });
      if (options.json) printJson('standup', entry);
      else print(`Wrote ${entry.user.name}'s standup for ${entry.day} in ${options.project} (${entry.id}).`);
    });
}
