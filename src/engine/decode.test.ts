import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOffsetAt, decodeBytes, encodeWithEdits, looksBinary } from './decode.js';
import type { EditSet } from './edit/types.js';
import { contentHash } from './hash.js';

const bytesOf = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

describe('looksBinary', () => {
  it('finds a NUL byte in the first 8,000 bytes only', () => {
    const early = new Uint8Array(100).fill(65);
    early[50] = 0;
    expect(looksBinary(early)).toBe(true);
    const late = new Uint8Array(9000).fill(65);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false);
    late[7999] = 0;
    expect(looksBinary(late)).toBe(true);
    expect(looksBinary(new TextEncoder().encode('- [ ] T001 ✅\r\n'))).toBe(false);
  });
});

describe('decodeBytes', () => {
  it('keeps a BOM as U+FEFF at offset 0', () => {
    const decoded = decodeBytes(bytesOf(0xef, 0xbb, 0xbf, ...ascii('# Plan\n')));
    expect(decoded.text).toBe('\uFEFF# Plan\n');
    expect(decoded.valid).toBe(true);
    expect(decoded.bom).toBe(true);
    expect(decoded.original).toBeUndefined();
  });

  it('keeps the BOM in invalid input too, with offsets after it', () => {
    const decoded = decodeBytes(bytesOf(0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62));
    expect(decoded.text).toBe('\uFEFFa\uFFFDb');
    expect(decoded.bom).toBe(true);
    expect([0, 1, 2, 3, 4].map((offset) => byteOffsetAt(decoded, offset))).toEqual([0, 3, 4, 5, 6]);
  });

  it('replaces each maximal subpart of an ill-formed sequence with one U+FFFD, as TextDecoder does', () => {
    const cases: number[][] = [
      [0x61, 0xff, 0x62], // a byte that never starts a sequence
      [0x61, 0xe2, 0x9c, 0x62], // truncated 3-byte sequence: one replacement
      [0xf0, 0x9f, 0x9f], // truncated at the end
      [0xed, 0xa0, 0x80], // a surrogate: three replacements
      [0xc0, 0xaf], // overlong: two replacements
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe0, 0x80, 0x41], // E0 needs A0..BF next
      [0x80, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xc3], // stray continuations, an emoji, a lone lead byte
    ];
    for (const bytes of cases) {
      const decoded = decodeBytes(new Uint8Array(bytes));
      expect(decoded.valid).toBe(false);
      expect(decoded.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes)));
    }
    expect(decodeBytes(bytesOf(0x61, 0xe2, 0x9c, 0x62)).invalidSequences).toBe(1);
    expect(decodeBytes(bytesOf(0xed, 0xa0, 0x80)).invalidSequences).toBe(3);
  });

  it('maps every UTF-16 offset back to the byte where its character starts', () => {
    // "a", invalid FF, "é" (2 bytes), "😀" (4 bytes, 2 units), "b"
    const decoded = decodeBytes(bytesOf(0x61, 0xff, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x62));
    expect(decoded.text).toBe('a\uFFFDé😀b');
    expect([0, 1, 2, 3, 5, 6].map((offset) => byteOffsetAt(decoded, offset))).toEqual([0, 1, 2, 4, 8, 9]);
  });

  it('counts bytes for offsets of valid text too', () => {
    const decoded = decodeBytes(new TextEncoder().encode('aé😀b'));
    expect([0, 1, 2, 4, 5].map((offset) => byteOffsetAt(decoded, offset))).toEqual([0, 1, 3, 7, 8]);
  });

  it('agrees with TextDecoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (tail, bom) => {
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...tail]) : tail;
        const decoded = decodeBytes(bytes);
        expect(decoded.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
        if (decoded.original) expect(decoded.original.byteOffsets[decoded.text.length]).toBe(bytes.length);
      }),
      { numRuns: 2000 },
    );
  });
});

function setOf(text: string, edits: Array<[number, number, string]>): EditSet {
  return { hash: contentHash(text), edits: edits.map(([start, end, replacement]) => ({ start, end, text: replacement, itemId: 'X', line: 1 })) };
}

describe('encodeWithEdits', () => {
  it('re-encodes valid text with the edits, BOM and CRLF included', () => {
    const original = new TextEncoder().encode('\uFEFF- [ ] one\r\n- [ ] two\r\n');
    const decoded = decodeBytes(original);
    const out = encodeWithEdits(decoded, setOf(decoded.text, [[4, 5, 'x']]));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(out)).toBe('\uFEFF- [x] one\r\n- [ ] two\r\n');
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('splices edits into the original bytes when they are not valid UTF-8', () => {
    // "- [ ] caf\xE9 \xF0\x9F\x9F" then "\n- [ ] two\n": Latin-1 é and a truncated emoji.
    const original = bytesOf(...ascii('- [ ] caf'), 0xe9, 0x20, 0xf0, 0x9f, 0x9f, ...ascii('\n- [ ] two\n'));
    const decoded = decodeBytes(original);
    expect(decoded.valid).toBe(false);
    const second = decoded.text.indexOf('[ ] two') + 1;
    const out = encodeWithEdits(decoded, setOf(decoded.text, [[3, 4, 'x'], [second, second + 1, 'X']]));
    const expected = original.slice();
    expected[3] = 0x78;
    expected[original.length - 7] = 0x58;
    expect([...out]).toEqual([...expected]);
  });

  it('writes multi-byte replacements and insertions byte-exactly around invalid bytes', () => {
    const original = bytesOf(0xff, ...ascii('Status: Todo'), 0xfe, 0x0a);
    const decoded = decodeBytes(original);
    const valueStart = decoded.text.indexOf('Todo');
    const out = encodeWithEdits(decoded, setOf(decoded.text, [[valueStart, valueStart + 4, '✅ Done'], [decoded.text.length, decoded.text.length, 'é']]));
    expect([...out]).toEqual([0xff, ...ascii('Status: '), 0xe2, 0x9c, 0x85, ...ascii(' Done'), 0xfe, 0x0a, 0xc3, 0xa9]);
  });

  it('keeps every byte outside the edits for random invalid input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), fc.nat(), fc.string({ maxLength: 4 }), (bytes, seed, replacement) => {
        const decoded = decodeBytes(bytes);
        const at = seed % (decoded.text.length + 1);
        // Never split a surrogate pair.
        const start = at > 0 && /[\uDC00-\uDFFF]/.test(decoded.text[at] ?? '') ? at - 1 : at;
        const end = Math.min(decoded.text.length, start + 1 + (/[\uD800-\uDBFF]/.test(decoded.text[start] ?? '') ? 1 : 0));
        const out = encodeWithEdits(decoded, setOf(decoded.text, [[start, end, replacement]]));
        const byteStart = byteOffsetAt(decoded, start);
        const byteEnd = byteOffsetAt(decoded, end);
        const inserted = new TextEncoder().encode(replacement);
        expect([...out.subarray(0, byteStart)]).toEqual([...bytes.subarray(0, byteStart)]);
        expect([...out.subarray(byteStart, byteStart + inserted.length)]).toEqual([...inserted]);
        expect([...out.subarray(byteStart + inserted.length)]).toEqual([...bytes.subarray(byteEnd)]);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses an edit set made against other text', () => {
    const decoded = decodeBytes(new TextEncoder().encode('- [ ] one\n'));
    expect(() => encodeWithEdits(decoded, setOf('- [ ] two\n', [[3, 4, 'x']]))).toThrowError(expect.objectContaining({ code: 'stale_edit' }));
  });
});
