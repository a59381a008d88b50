// Every command of the CLI under the name that runs it, in the order help lists them. main.ts
// declares them all for help and for a name it does not know, and only the one named otherwise:
// declaring all of them costs more at start than anything else the CLI does before its work.

import type { Command } from 'commander';
import { registerAdmin } from './commands/admin/index.js';
import { registerBackup } from './commands/backup/index.js';
import { registerBurndown } from './commands/burndown/index.js';
import { registerConvert } from './commands/convert/index.js';
import { registerCycleTime } from './commands/cycle-time/index.js';
import { registerExport } from './commands/export/index.js';
import { registerGraph } from './commands/graph/index.js';
import { registerHistory } from './commands/history/index.js';
import { registerItems } from './commands/items/index.js';
import { registerLint } from './commands/lint/index.js';
import { registerLogin } from './commands/login/index.js';
import { registerMcp } from './commands/mcp/index.js';
import { registerMigrate } from './commands/migrate/index.js';
import { registerNext } from './commands/next/index.js';
import { registerPull } from './commands/pull/index.js';
import { registerPush } from './commands/push/index.js';
import { registerReport } from './commands/report/index.js';
import { registerResolve } from './commands/resolve/index.js';
import { registerRestore } from './commands/restore/index.js';
import { registerServe } from './commands/serve/index.js';
import { registerSet } from './commands/set/index.js';
import { registerShow } from './commands/show/index.js';
import { registerSprint } from './commands/sprint/index.js';
import { registerStandup } from './commands/standup/index.js';
import { registerStatus } from './commands/status/index.js';
import { registerVelocity } from './commands/velocity/index.js';
import { registerWatch } from './commands/watch/index.js';

export type Register = (program: Command) => void;

export const COMMANDS: ReadonlyArray<readonly [name: string, register: Register]> = [
  ['status', registerStatus],
  ['items', registerItems],
  ['show', registerShow],
  ['next', registerNext],
  ['graph', registerGraph],
  ['lint', registerLint],
  ['set', registerSet],
  ['sprint', registerSprint],
  ['standup', registerStandup],
  ['report', registerReport],
  ['history', registerHistory],
  ['burndown', registerBurndown],
  ['velocity', registerVelocity],
  ['cycle-time', registerCycleTime],
  ['serve', registerServe],
  ['mcp', registerMcp],
  ['convert', registerConvert],
  ['export', registerExport],
  ['login', registerLogin],
  ['push', registerPush],
  ['pull', registerPull],
  ['watch', registerWatch],
  ['resolve', registerResolve],
  ['migrate', registerMigrate],
  ['backup', registerBackup],
  ['restore', registerRestore],
  ['admin', registerAdmin],
];

/** The declaration of the command with this name, if there is one. */
export function commandNamed(name: string | undefined): Register | undefined {
  return COMMANDS.find(([candidate]) => candidate === name)?.[1];
}
