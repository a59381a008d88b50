// Charts drawn in the terminal with Unicode block characters: horizontal bars with eighth-width
// ends, and sparklines. Plain characters, so they survive --no-color and a pipe.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A bar `width` cells long at `max`, drawn to an eighth of a cell. */
export function blockBar(value: number, max: number, width = 30): string {
  if (!(max > 0) || !(value > 0)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * One character per value, from ▁ (the smallest, or `floor` when given) to █ (the largest); a
 * flat series is all ▁.
 */
export function sparkline(values: readonly number[], floor?: number): string {
  if (values.length === 0) return '';
  let low = floor ?? Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low;
  return values.map((value) => SPARKS[span === 0 ? 0 : Math.round(((value - low) / span) * (SPARKS.length - 1))]).join('');
}
