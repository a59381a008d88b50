import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandNamed } from './commands.js';

describe('the command table', () => {
  it('lists each command under the name it declares, once', () => {
    for (const [name, register] of COMMANDS) {
      const program = new Command('scrumdown');
      register(program);
      expect(program.commands.map((command) => command.name())).toEqual([name]);
    }
    expect(new Set(COMMANDS.map(([name]) => name)).size).toBe(COMMANDS.length);
  });

  it('finds a command by its exact name only', () => {
    expect(commandNamed('items')).toBe(COMMANDS.find(([name]) => name === 'items')?.[1]);
    for (const other of ['help', 'Items', 'stauts', '--help', '', undefined]) expect(commandNamed(other)).toBeUndefined();
  });
});
