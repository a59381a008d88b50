import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../engine/build.js';
import { hunksBetween, lineKeys, mergeTexts, splitLines, withoutChangesTo } from './merge.js';
import type { Side } from './merge.js';

const BASE = [
  '# Garden plan',
  '',
  '## Phase 1: Beds',
  '',
  '- [ ] T001 Dig the beds',
  '- [ ] T002 Buy compost',
  '- [ ] T003 Plant beans',
  '',
  '### GARD-010: Water butt',
  '**Priority:** HIGH | **Points:** 3',
  '',
  '**Acceptance Criteria:**',
  '- [ ] holds rain',
  '- [ ] has a tap',
  '',
].join('\n');

const plan = buildPlan(BASE, 'garden.md');

function side(text: string): Side {
  return { text, plan: buildPlan(text, 'garden.md') };
}

function merge(file: string, server: string, base = BASE) {
  return mergeTexts(side(base), side(file), side(server));
}

describe('splitLines and hunksBetween', () => {
  it('keeps line endings, so the lines join back into the text byte for byte', () => {
    const text = 'a\r\nb\n\nc';
    expect(splitLines(text)).toEqual(['a\r\n', 'b\n', '\n', 'c']);
    expect(splitLines(text).join('')).toBe(text);
  });

  it('splits lines rewritten one for one into a change each', () => {
    expect(hunksBetween(['a\n', 'b\n', 'c\n'], ['A\n', 'B\n', 'c\n'])).toEqual([
      { start: 0, end: 1, at: 0, lines: ['A\n'] },
      { start: 1, end: 2, at: 1, lines: ['B\n'] },
    ]);
  });

  it('names the base lines each change replaces', () => {
    expect(hunksBetween(['a\n', 'b\n', 'c\n'], ['a\n', 'B\n', 'c\n', 'd\n'])).toEqual([
      { start: 1, end: 2, at: 1, lines: ['B\n'] },
      { start: 3, end: 3, at: 3, lines: ['d\n'] },
    ]);
  });
});

describe('lineKeys', () => {
  it("charges a check's line to its item and other lines to the innermost item or section", () => {
    const keyOf = lineKeys(plan);
    expect(keyOf(5)).toBe('T001');
    expect(keyOf(13)).toBe('GARD-010');
    expect(keyOf(10)).toBe('GARD-010');
    expect(keyOf(1)).toMatch(/^section:/);
  });
});

describe('mergeTexts', () => {
  it('merges changes to different items, on neighbouring lines too', () => {
    const file = BASE.replace('- [ ] T001', '- [x] T001');
    const server = BASE.replace('- [ ] T002', '- [x] T002').replace('**Priority:** HIGH', '**Priority:** LOW');
    const result = merge(file, server);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(BASE.replace('- [ ] T001', '- [x] T001').replace('- [ ] T002', '- [x] T002').replace('**Priority:** HIGH', '**Priority:** LOW'));
    expect(result.merged.sort()).toEqual(['GARD-010', 'T002']);
  });

  it('keeps the file when both changed the same item, even on different lines of it, and reports the server side', () => {
    const file = BASE.replace('- [ ] holds rain', '- [x] holds rain');
    const server = BASE.replace('**Priority:** HIGH', '**Priority:** LOW').replace('- [ ] T003', '- [x] T003');
    const result = merge(file, server);
    expect(result.text).toBe(BASE.replace('- [ ] holds rain', '- [x] holds rain').replace('- [ ] T003', '- [x] T003'));
    expect(result.conflicts).toEqual([{ items: ['GARD-010'], line: 13, file: '- [x] holds rain\n', server: '**Priority:** LOW | **Points:** 3\n' }]);
    expect(result.merged).toEqual(['T003']);
  });

  it('is no conflict when both sides made the same change', () => {
    const both = BASE.replace('- [ ] T002', '- [x] T002');
    expect(merge(both, both)).toEqual({ text: both, merged: [], conflicts: [] });
  });

  it('merges a new item added on one side with an edit on the other', () => {
    const file = BASE.replace('- [ ] T003 Plant beans\n', '- [ ] T003 Plant beans\n- [ ] T004 Net the beans\n');
    const server = BASE.replace('- [ ] T003', '- [x] T003');
    const result = merge(file, server);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(BASE.replace('- [ ] T003 Plant beans\n', '- [x] T003 Plant beans\n- [ ] T004 Net the beans\n'));
  });

  it('conflicts when both sides insert at the same place, and keeps the file', () => {
    const file = BASE.replace('- [ ] T003 Plant beans\n', '- [ ] T003 Plant beans\n- [ ] T004 Mine\n');
    const server = BASE.replace('- [ ] T003 Plant beans\n', '- [ ] T003 Plant beans\n- [ ] T004 Theirs\n');
    const result = merge(file, server);
    expect(result.text).toBe(file);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toEqual({ items: ['T004'], line: 8, file: '- [ ] T004 Mine\n', server: '- [ ] T004 Theirs\n' });
  });

  it('conflicts when the server removed an item the file changed, and the file can take the removal back', () => {
    const file = BASE.replace('- [ ] T002', '- [x] T002');
    const server = BASE.replace('- [ ] T002 Buy compost\n', '');
    const result = merge(file, server);
    expect(result.text).toBe(file);
    expect(result.conflicts).toEqual([{ items: ['T002'], line: 6, file: '- [x] T002 Buy compost\n', server: '' }]);
    // Once the server's text is the base, the file's difference is charged to the same item.
    expect(withoutChangesTo(side(server), side(file), new Set(result.conflicts[0].items))).toBe(server);
  });

  it('puts the whole text in conflict when there is no base and the two sides differ', () => {
    const server = BASE.replace('- [ ] T002', '- [x] T002');
    const result = merge(BASE, server, '');
    expect(result.text).toBe(BASE);
    expect(result.conflicts).toHaveLength(1);
    const items = new Set(result.conflicts[0].items);
    expect(items).toContain('T002');
    expect(withoutChangesTo(side(server), side(BASE), items)).toBe(server);
    expect(merge(BASE, BASE, '')).toEqual({ text: BASE, merged: [], conflicts: [] });
  });

  it('gives the merged line of a conflict after the lines merged above it', () => {
    const file = BASE.replace('- [ ] has a tap', '- [x] has a tap');
    const server = BASE.replace('# Garden plan\n', '# Garden plan\n\nA note.\n').replace('- [ ] has a tap', '- [ ] has a tap (brass)');
    const result = merge(file, server);
    expect(result.conflicts.map((conflict) => conflict.line)).toEqual([16]);
    expect(splitLines(result.text)[15]).toBe('- [x] has a tap\n');
  });
});

describe('withoutChangesTo', () => {
  it("takes back the file's changes to the items named and keeps the rest", () => {
    const file = BASE.replace('- [ ] T001', '- [x] T001').replace('- [ ] holds rain', '- [x] holds rain');
    expect(withoutChangesTo(side(BASE), side(file), new Set(['GARD-010']))).toBe(BASE.replace('- [ ] T001', '- [x] T001'));
    expect(withoutChangesTo(side(BASE), side(file), new Set())).toBe(file);
  });
});
