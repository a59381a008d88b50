// Small rules the converters share: reading status and priority words, and capitalising.

import type { Status } from '../../engine/model.js';
import { parseStatus } from '../../engine/read/status.js';

/** "high" → "High", "p1" → "P1", "CRITICAL" → "Critical". */
export function priorityWord(value: string): string {
  const word = value.trim();
  if (/^p\d$/i.test(word)) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A status in the source's words, or null when the words mean nothing scrumdown knows. */
export function statusFromWords(value: string): Status | null {
  return parseStatus(value);
}

/** Labels without repeats, in order, trimmed, empty ones dropped. */
export function uniqueLabels(labels: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of labels) {
    const clean = label.trim();
    if (clean === '' || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}
