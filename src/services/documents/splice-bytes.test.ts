import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeWithEdits } from '../../engine/decode.js';
import { spliceEdits } from '../../engine/edit/apply.js';
import type { TextEdit } from '../../engine/edit/types.js';
import { contentHash } from '../../engine/hash.js';
import { spliceBytes } from './splice-bytes.js';

/** Sorted, non-overlapping edits of `text`, none starting or ending inside a surrogate pair. */
function editsArbitrary(text: string): fc.Arbitrary<TextEdit[]> {
  const boundaries: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i - 1);
    if (!(c >= 0xd800 && c <= 0xdbff)) boundaries.push(i);
  }
  return fc
    .array(fc.tuple(fc.constantFrom(...boundaries), fc.constantFrom(...boundaries), fc.constantFrom('x', ' ', '', '✓', '🟢 Done', 'Ã©')), { maxLength: 6 })
    .map((raw) => {
      const spans = raw.map(([a, b, insert]) => ({ start: Math.min(a, b), end: Math.max(a, b), text: insert })).sort((a, b) => a.start - b.start || a.end - b.end);
      const edits: TextEdit[] = [];
      let end = 0;
      for (const span of spans) {
        if (span.start < end) continue;
        edits.push({ ...span, itemId: 'T1', line: 1 });
        end = Math.max(end, span.end);
      }
      return edits;
    });
}

const TEXTS = ['', '- [ ] T1 plain ascii\n', '\uFEFF# Plan\n- [x] émoji 🟡 In Progress\r\n- [ ] 中文 task\n', '- [ ] 🚀🚀 ünïcödé\n  - **Status**: ✅ Done\n'];

describe('spliceBytes', () => {
  it('gives the bytes of the edited text for valid UTF-8, BOM and multi-byte characters included', () => {
    for (const text of TEXTS) {
      const bytes = new TextEncoder().encode(text);
      const decoded = decodeBytes(bytes);
      fc.assert(
        fc.property(editsArbitrary(decoded.text), (edits) => {
          const spliced = spliceBytes(decoded, bytes, contentHash(decoded.text), edits);
          expect(Buffer.from(spliced).equals(Buffer.from(new TextEncoder().encode(spliceEdits(decoded.text, edits))))).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('keeps invalid bytes outside the edits, as the engine splices them', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('- [ ] T1 caf'), 0xe9, ...new TextEncoder().encode(' 🟡\n- [ ] T2 '), 0xff, 0x0a]);
    const decoded = decodeBytes(bytes);
    expect(decoded.valid).toBe(false);
    const hash = contentHash(decoded.text);
    fc.assert(
      fc.property(editsArbitrary(decoded.text), (edits) => {
        const spliced = spliceBytes(decoded, bytes, hash, edits);
        expect(Buffer.from(spliced).equals(Buffer.from(encodeWithEdits(decoded, { hash, edits })))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
