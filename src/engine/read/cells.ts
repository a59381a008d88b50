// Small readers for the values plans write in fields and table cells: numbers with units
// ("~120", "8 hrs", "**52 hrs**", "21 pts"), and cells stripped of emphasis.

export interface ParsedNumber {
  value: number;
  /** Written as an estimate: "~120", "about 120", "approximately 120". */
  approximate: boolean;
  /** The unit word that follows, lower-cased ("hrs", "points", "%"), or ''. */
  unit: string;
}

const NUMBER = /^\s*(~|≈|about\s+|approx(?:imately|\.)?\s+|around\s+)?(-?\d+(?:[.,]\d+)?)\s*(%|[A-Za-z]+)?/i;

/** Reads the first number of a value, with its unit; null when the value does not start with one. */
export function parseNumber(text: string): ParsedNumber | null {
  const match = NUMBER.exec(cleanCell(text).slice(0, 200));
  if (!match) return null;
  const value = Number(match[2].replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  return { value, approximate: match[1] !== undefined, unit: (match[3] ?? '').toLowerCase() };
}

/** A cell or value without surrounding emphasis, code marks and whitespace. */
export function cleanCell(text: string): string {
  return text.replace(/\*\*|__|`/g, '').trim();
}

const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const POINT_UNITS = new Set(['pt', 'pts', 'point', 'points', 'sp', 'story']);

export function isHourUnit(unit: string): boolean {
  return HOUR_UNITS.has(unit);
}

export function isPointUnit(unit: string): boolean {
  return POINT_UNITS.has(unit);
}

/** Hours from a value such as "6 hours", "1.5h", "2 days" (a day counts as 8 hours). */
export function parseHours(text: string): number | undefined {
  const parsed = parseNumber(text);
  if (!parsed) return undefined;
  if (parsed.unit === '' || isHourUnit(parsed.unit)) return parsed.value;
  if (parsed.unit === 'd' || parsed.unit === 'day' || parsed.unit === 'days') return parsed.value * 8;
  if (parsed.unit === 'm' || parsed.unit === 'min' || parsed.unit === 'mins' || parsed.unit === 'minutes') return parsed.value / 60;
  return undefined;
}
