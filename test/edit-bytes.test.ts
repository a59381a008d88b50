// From file bytes to file bytes: decode, build, set a status, write back. Every byte outside the
// edits survives, including a BOM, CRLF line endings and bytes that are not valid UTF-8.

import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import { decodeBytes, encodeWithEdits } from '../src/engine/decode.js';
import { setStatus } from '../src/engine/edit/index.js';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('byte-exact status edits', () => {
  it('keeps invalid UTF-8 (Latin-1 bytes, a truncated emoji) byte for byte around an edit', () => {
    const bytes = new Uint8Array([
      0xef, 0xbb, 0xbf,
      ...ascii('# Caf'), 0xe9, ...ascii(' tasks\r\n\r\n'),
      ...ascii('- [ ] T001 Build the caf'), 0xe9, ...ascii(' menu \t\r\n'),
      ...ascii('- [x] T002 Ship '), 0xf0, 0x9f, 0x9f, ...ascii(' badge\r\n'),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.valid).toBe(false);
    const plan = buildPlan(decoded.text, 'plan.md');
    const out = encodeWithEdits(decoded, setStatus(plan, decoded.text, ['T001', 'T002'], 'done'));
    const expected = bytes.slice();
    // T001's box turns to `x`; T002 is done already.
    expected[bytes.indexOf(0x5b, 20) + 1] = 0x78;
    expect([...out]).toEqual([...expected]);

    const back = encodeWithEdits(decoded, setStatus(plan, decoded.text, ['T002'], 'todo'));
    const reopened = bytes.slice();
    const secondBox = bytes.lastIndexOf(0x5b) + 1;
    reopened[secondBox] = 0x20;
    expect([...back]).toEqual([...reopened]);
  });

  it('writes a multi-byte status value into a file with invalid bytes elsewhere', () => {
    const bytes = new Uint8Array([
      ...ascii('#### TASK-001: Ship'), 0xff, ...ascii('\n'),
      ...ascii('- **Status**: '), ...utf8('🟡 In Progress'), ...ascii('\n'),
      ...ascii('- **Story Points**: 5 '), 0xc3, ...ascii('\n'),
    ]);
    const decoded = decodeBytes(bytes);
    const plan = buildPlan(decoded.text, 'plan.md');
    const out = encodeWithEdits(decoded, setStatus(plan, decoded.text, ['TASK-001'], 'done'));
    const expected = [
      ...ascii('#### TASK-001: Ship'), 0xff, ...ascii('\n'),
      ...ascii('- **Status**: '), ...utf8('✅ Done'), ...ascii('\n'),
      ...ascii('- **Story Points**: 5 '), 0xc3, ...ascii('\n'),
    ];
    expect([...out]).toEqual(expected);
  });

  it('re-encodes valid files exactly, BOM and CRLF included', () => {
    const text = '\uFEFF### OPS-001: Cache\r\n**Priority:** HIGH | **Points:** 3\r\n';
    const decoded = decodeBytes(new TextEncoder().encode(text));
    const plan = buildPlan(decoded.text, 'plan.md');
    const out = encodeWithEdits(decoded, setStatus(plan, decoded.text, ['OPS-001'], 'done'));
    expect([...out]).toEqual(utf8('\uFEFF### OPS-001: Cache\r\n**Priority:** HIGH | **Points:** 3 | **Status:** Done\r\n'));
  });
});
