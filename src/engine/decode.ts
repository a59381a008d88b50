// Byte-exact decoding of plan files. The engine works on text, but the file on disk is bytes and
// must survive an edit byte for byte: a BOM, and even bytes that are not valid UTF-8. Valid input
// decodes natively; invalid input goes through a small WHATWG-style decoder that also records,
// for every UTF-16 offset of the text, the byte offset it came from, so edits can be spliced into
// the original bytes.

import { ScrumdownError } from '../errors.js';
import { contentHash } from './hash.js';
import type { EditSet } from './edit/types.js';
import { sortedCheckedEdits, spliceEdits } from './edit/apply.js';

export interface DecodedText {
  /** The text to parse. A BOM stays as U+FEFF at offset 0 (the scanner skips it). */
  text: string;
  /** True when the bytes were well-formed UTF-8. */
  valid: boolean;
  bom: boolean;
  /** Number of U+FFFD replacement characters that stand for invalid byte sequences. */
  invalidSequences: number;
  /**
   * Only for invalid input: the original bytes, and for each UTF-16 offset 0..text.length the
   * byte offset where the character at that offset starts (the last entry is bytes.length).
   */
  original?: { bytes: Uint8Array; byteOffsets: Uint32Array };
}

const BINARY_SNIFF_LENGTH = 8000;
const REPLACEMENT = 0xfffd;

/** A NUL byte in the first 8,000 bytes marks a binary file, the way git decides. */
export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, BINARY_SNIFF_LENGTH);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0) return true;
  }
  return false;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = hasBom(bytes);
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text !== null) return { text, valid: true, bom, invalidSequences: 0 };
  return decodeInvalid(bytes, bom);
}

/**
 * The WHATWG UTF-8 decoder (U+FFFD for each maximal subpart of an ill-formed sequence), written
 * out so it can record where every character came from. One pass, no backtracking.
 */
function decodeInvalid(bytes: Uint8Array, bom: boolean): DecodedText {
  const n = bytes.length;
  // Each byte yields at most one UTF-16 unit (a 4-byte sequence yields two).
  const units = new Uint16Array(n);
  const offsets = new Uint32Array(n + 1);
  let length = 0;
  let invalidSequences = 0;

  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let codePoint = 0;
  let sequenceStart = 0;

  let i = 0;
  while (i < n) {
    const byte = bytes[i];
    if (needed === 0) {
      sequenceStart = i;
      if (byte <= 0x7f) {
        units[length] = byte;
        offsets[length++] = i;
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x07;
      } else {
        units[length] = REPLACEMENT;
        offsets[length++] = i;
        invalidSequences++;
      }
      i++;
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is a maximal subpart: one U+FFFD, then this byte starts afresh.
      units[length] = REPLACEMENT;
      offsets[length++] = sequenceStart;
      invalidSequences++;
      needed = 0;
      seen = 0;
      codePoint = 0;
      lower = 0x80;
      upper = 0xbf;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    seen++;
    i++;
    if (seen === needed) {
      if (codePoint > 0xffff) {
        const v = codePoint - 0x10000;
        units[length] = 0xd800 + (v >> 10);
        offsets[length++] = sequenceStart;
        units[length] = 0xdc00 + (v & 0x3ff);
        offsets[length++] = sequenceStart;
      } else {
        units[length] = codePoint;
        offsets[length++] = sequenceStart;
      }
      needed = 0;
      seen = 0;
      codePoint = 0;
    }
  }
  if (needed !== 0) {
    units[length] = REPLACEMENT;
    offsets[length++] = sequenceStart;
    invalidSequences++;
  }
  offsets[length] = n;

  return {
    text: unitsToString(units, length),
    valid: false,
    bom,
    invalidSequences,
    original: { bytes, byteOffsets: offsets.slice(0, length + 1) },
  };
}

function unitsToString(units: Uint16Array, length: number): string {
  // UTF-16LE decoding of the code units is a copy, native and linear (lone surrogates cannot occur).
  const view = new Uint8Array(units.buffer, units.byteOffset, length * 2);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(view);
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) {
    parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192))));
  }
  return parts.join('');
}

/** The byte offset of a UTF-16 offset of the decoded text. */
export function byteOffsetAt(decoded: DecodedText, offset: number): number {
  if (offset < 0 || offset > decoded.text.length) {
    throw new ScrumdownError('invalid_argument', `Offset ${offset} is outside the text (0–${decoded.text.length}).`, { offset });
  }
  if (decoded.original) return decoded.original.byteOffsets[offset];
  // Valid UTF-8: count the bytes of the text before the offset.
  let bytes = 0;
  const text = decoded.text;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The file's bytes after the edits. For valid UTF-8 this is the edited text, encoded; for invalid
 * input the edits are spliced into the original bytes, so every byte outside them (invalid
 * sequences included) stays as it was. Refuses a set made against another text (`stale_edit`).
 * `textHash`, the text's content hash when the caller keeps it, saves hashing the text again.
 */
export function encodeWithEdits(decoded: DecodedText, set: EditSet, textHash?: string): Uint8Array {
  const hash = textHash ?? contentHash(decoded.text);
  const edits = sortedCheckedEdits(decoded.text, set, hash);
  const encoder = new TextEncoder();
  if (!decoded.original) {
    return encoder.encode(spliceEdits(decoded.text, edits));
  }
  const { bytes, byteOffsets } = decoded.original;
  const pieces: Uint8Array[] = [];
  let total = 0;
  let from = 0;
  for (const edit of edits) {
    const start = byteOffsets[edit.start];
    const end = byteOffsets[edit.end];
    const before = bytes.subarray(from, start);
    const inserted = encoder.encode(edit.text);
    pieces.push(before, inserted);
    total += before.length + inserted.length;
    from = end;
  }
  const rest = bytes.subarray(from);
  pieces.push(rest);
  total += rest.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
