// Terminal output for the CLI: colour only when stdout is a terminal (never with --no-color or
// NO_COLOR), small helpers for aligned tables, and the JSON document every read command prints.
// No dependency: the few ANSI codes scrumdown uses are written out here.

export interface Palette {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

export interface ColorChoice {
  /** False when --no-color was given. */
  color?: boolean;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

/** Colour is on only for a terminal, and off whenever --no-color or NO_COLOR says so. */
export function wantsColor(choice: ColorChoice = {}): boolean {
  const env = choice.env ?? process.env;
  if (choice.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return choice.isTTY ?? process.stdout.isTTY === true;
}

function wrap(open: number, close: number, enabled: boolean): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

export function palette(enabled: boolean): Palette {
  return {
    enabled,
    bold: wrap(1, 22, enabled),
    dim: wrap(2, 22, enabled),
    red: wrap(31, 39, enabled),
    green: wrap(32, 39, enabled),
    yellow: wrap(33, 39, enabled),
    blue: wrap(34, 39, enabled),
    magenta: wrap(35, 39, enabled),
    cyan: wrap(36, 39, enabled),
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;
/** An escape code or half of a surrogate pair: the only reasons a width is not the length. */
const NOT_PLAIN = /[\u001b\ud800-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;

/** Visible width of a string: escape codes take no room, and wide characters are counted once. */
export function visibleLength(text: string): number {
  if (!NOT_PLAIN.test(text)) return text.length;
  const bare = text.replace(ANSI, '');
  return SURROGATE.test(bare) ? [...bare].length : bare.length;
}

export function padEnd(text: string, width: number): string {
  const length = visibleLength(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}

export function padStart(text: string, width: number): string {
  const length = visibleLength(text);
  return length >= width ? text : ' '.repeat(width - length) + text;
}

/** Rows as aligned columns; columns listed in `right` are right-aligned. Trailing spaces trimmed. */
export function table(rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  // Each width is measured once: a listing of a large plan has tens of thousands of cells.
  const lengths = rows.map((row) => row.map(visibleLength));
  const widths: number[] = [];
  for (const row of lengths) {
    row.forEach((length, i) => {
      widths[i] = Math.max(widths[i] ?? 0, length);
    });
  }
  return rows.map((row, r) =>
    row
      .map((cell, i) => {
        const gap = widths[i] - lengths[r][i];
        if (gap <= 0) return cell;
        if (right.has(i)) return ' '.repeat(gap) + cell;
        return i === row.length - 1 ? cell : cell + ' '.repeat(gap);
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Whole numbers print plainly, fractions with at most one decimal. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

const UNIT_WORDS: Readonly<Record<string, [string, string]>> = {
  items: ['item', 'items'],
  hours: ['hour', 'hours'],
  points: ['point', 'points'],
};

/** "1 item", "30 hours", "2.5 points". */
export function quantity(value: number, unit: string): string {
  const words = UNIT_WORDS[unit] ?? [unit, unit];
  return `${formatNumber(value)} ${value === 1 ? words[0] : words[1]}`;
}

export function percent(done: number, total: number): string {
  if (total === 0) return '-';
  return `${Math.floor((done / total) * 100)}%`;
}

/** A fixed-width bar such as `[######----]`. */
export function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** Writes text to stdout, adding the final newline. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function printLines(lines: readonly string[]): void {
  if (lines.length > 0) print(lines.join('\n'));
}

/**
 * The one JSON document a read command prints with --json, tagged with its schema: indented for
 * a person at a terminal, compact (and twice as fast to write) when piped to a program.
 */
export function printJson(command: string, body: object): void {
  printDocument({ schema: `scrumdown/${command}@1`, ...body });
}

export function printDocument(document: object): void {
  print(JSON.stringify(document, null, process.stdout.isTTY === true ? 2 : undefined));
}

const STATUS_COLOURS: Readonly<Record<string, keyof Omit<Palette, 'enabled'>>> = {
  done: 'green',
  in_progress: 'yellow',
  review: 'cyan',
  blocked: 'red',
  deferred: 'dim',
  cancelled: 'dim',
};

/** A status word, coloured by what it means. */
export function statusText(color: Palette, status: string): string {
  const colour = STATUS_COLOURS[status];
  return colour ? color[colour](status) : status;
}

/** An optional number, or a dash. */
export function optionalNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : formatNumber(value);
}
