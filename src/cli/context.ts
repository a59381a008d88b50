// What every command's action receives besides its own arguments: the colour palette, decided
// once from --no-color, NO_COLOR and whether stdout is a terminal.

import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { palette, wantsColor } from './output.js';
import type { Palette } from './output.js';

export interface CommandContext {
  color: Palette;
}

export function contextOf(command: Command): CommandContext {
  const globals = command.optsWithGlobals<{ color?: boolean }>();
  return { color: palette(wantsColor({ color: globals.color })) };
}

/** Parses a whole number option (`-n 5`), refusing anything else with the option's name. */
export function wholeNumber(name: string, min: number): (value: string) => number {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < min) {
      throw new InvalidArgumentError(`${name} takes a whole number of at least ${min}.`);
    }
    return number;
  };
}
