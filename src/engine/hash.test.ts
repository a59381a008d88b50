import { describe, expect, it } from 'vitest';
import { contentHash } from './hash.js';

describe('contentHash', () => {
  it('is stable and sixteen hex digits', () => {
    expect(contentHash('- [ ] a\n')).toBe(contentHash('- [ ] a\n'));
    expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any single character changes, including the last of an odd length', () => {
    const text = '# Plan\n- [ ] First\n- [x] Second\n';
    const base = contentHash(text);
    for (let i = 0; i < text.length; i++) {
      const changed = text.slice(0, i) + (text[i] === 'x' ? ' ' : 'x') + text.slice(i + 1);
      expect(contentHash(changed), `position ${i}`).not.toBe(base);
    }
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
  });

  it('tells apart texts that differ only by a line ending or a trailing newline', () => {
    expect(contentHash('a\nb')).not.toBe(contentHash('a\r\nb'));
    expect(contentHash('a')).not.toBe(contentHash('a\n'));
  });
});
