// Writing a status value the way the document writes status values: its own words when it
// already uses them (emoji and mojibake included), else a default word shaped like the value
// being replaced (an emoji in front, bold, capitalisation, mojibake for mojibake).

import type { PlanStyle, Status } from '../model.js';
import { parseStatus } from '../read/status.js';

export const DEFAULT_STATUS_WORDS: Readonly<Record<Status, string>> = {
  todo: 'Todo',
  in_progress: 'In Progress',
  review: 'In Review',
  done: 'Done',
  blocked: 'Blocked',
  deferred: 'Icebox',
  cancelled: 'Cancelled',
};

const STATUS_EMOJI: Readonly<Record<Status, string>> = {
  todo: '📋',
  in_progress: '🟡',
  review: '👀',
  done: '✅',
  blocked: '⛔',
  deferred: '🧊',
  cancelled: '❌',
};

// Windows-1252's characters for bytes 0x80–0x9F; the five bytes it leaves undefined decode to the
// C1 control of the same number (as the WHATWG decoder does). Bytes 0xA0–0xFF are Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CP1252_BYTE = new Map<number, number>(CP1252_HIGH.map((code, i) => [code, 0x80 + i]));

/** The text as it looks when its UTF-8 bytes are read as Windows-1252 ("✅" → "âœ…"). */
export function toMojibake(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (const byte of bytes) {
    out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte);
  }
  return out;
}

/** True when the text is UTF-8 read as Windows-1252: every character maps back to a byte, and the bytes are valid UTF-8 beyond ASCII. */
export function isMojibake(text: string): boolean {
  const bytes = new Uint8Array(text.length);
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let byte: number | undefined;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) byte = code;
    else byte = CP1252_BYTE.get(code);
    if (byte === undefined) return false;
    if (byte >= 0x80) high = true;
    bytes[i] = byte;
  }
  if (!high) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The plan's own word for a status, when it writes one that reads back as that status. */
export function documentWord(style: PlanStyle, status: Status): string | null {
  const word = style.statusWords[status];
  if (word === undefined || word.trim() === '' || /[\r\n]/.test(word)) return null;
  return parseStatus(word) === status ? word : null;
}

const EMOJI_LIKE = /[\u2300-\u2bff\u3030\u303d\ud83c-\ud83e]/;

/** True when the decoration holds an emoji (symbols from U+2300 up, astral pictographs), plain or as mojibake. */
function hasEmoji(decoration: string): boolean {
  const core = decoration.replace(/[\s*_]/g, '');
  return core !== '' && (EMOJI_LIKE.test(core) || isMojibake(core));
}

/** Replaces the emoji in a run of decoration (spaces kept), in plain or mojibake form. */
function replaceEmoji(decoration: string, status: Status): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(decoration);
  if (!match) return decoration;
  const [, before, emoji, after] = match;
  const fresh = isMojibake(emoji) ? toMojibake(STATUS_EMOJI[status]) : STATUS_EMOJI[status];
  return before + fresh + after;
}

function caseLike(word: string, example: string): string {
  const letters = example.replace(/[^A-Za-z]/g, '');
  let result = word;
  if (letters.length > 1 && letters === letters.toUpperCase()) result = word.toUpperCase();
  else if (letters.length > 0 && letters === letters.toLowerCase()) result = word.toLowerCase();
  // "in_progress", "In-Progress": keep the separator the document uses between words.
  if (!/\s/.test(example)) {
    const separator = /[A-Za-z]([_-])[A-Za-z]/.exec(example)?.[1];
    if (separator) result = result.replace(/ /g, separator);
  }
  return result;
}

// decoration, opening emphasis, the words, closing emphasis, decoration.
const VALUE_SHAPE = /^([^A-Za-z]*?)(\*\*|__|\*|_)?([A-Za-z](?:.*?[A-Za-z])?)(\*\*|__|\*|_)?([^A-Za-z]*)$/s;

/** A default status word written in the shape of `current` (the value it replaces). */
export function shapeLike(current: string, status: Status): string {
  const word = DEFAULT_STATUS_WORDS[status];
  const match = current.length <= 200 ? VALUE_SHAPE.exec(current) : null;
  if (!match) return hasEmoji(current) && current.trim().length <= 16 ? replaceEmoji(current.trim(), status) + ' ' + word : word;
  const [, lead, open = '', words, close = '', tail] = match;
  const newLead = hasEmoji(lead) ? replaceEmoji(lead, status) : lead;
  const newTail = hasEmoji(tail) ? replaceEmoji(tail, status) : tail;
  return newLead + open + caseLike(word, words) + close + newTail;
}

/** The status value to write in place of `current` (or, with `current` null, into a new field). */
export function statusValue(style: PlanStyle, status: Status, current: string | null): string {
  const own = documentWord(style, status);
  if (own !== null) return own;
  if (current === null) return DEFAULT_STATUS_WORDS[status];
  const shaped = shapeLike(current, status);
  return parseStatus(shaped) === status ? shaped : DEFAULT_STATUS_WORDS[status];
}
