import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRefs, refKey } from './refs.js';

/** The normalisation written out in full, without the shortcut for tokens that are keys already. */
function referenceKey(token: string): string {
  const key = token.trim().replace(/\s+/g, ' ').toUpperCase();
  const story = /^USER STORY (\d+)$/.exec(key);
  return story ? `US${story[1]}` : key;
}

describe('refKey', () => {
  it('upper-cases, squeezes whitespace and names user stories by their short id', () => {
    expect(refKey('Phase 2')).toBe('PHASE 2');
    expect(refKey('  story   1.1 ')).toBe('STORY 1.1');
    expect(refKey('user story 3')).toBe('US3');
    expect(refKey('USER STORY 4')).toBe('US4');
    expect(refKey('DEVOPS-004')).toBe('DEVOPS-004');
    expect(refKey('straße')).toBe('STRASSE');
  });

  it('agrees with the full normalisation on any token', () => {
    const token = fc.array(fc.constantFrom('T', 'a', 'U', 'S', 'E', 'R', ' ', '  ', '\t', '1', '-', '.', 'ß', '\u00a0', 'USER STORY '), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(token, (text) => {
        expect(refKey(text)).toBe(referenceKey(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseRefs groups', () => {
  it('reads group phrases in any case, and nothing when there is no "all"', () => {
    expect(parseRefs('All Phase 2 items').group).toEqual({ kind: 'phase', unit: 'item', phase: '2' });
    expect(parseRefs('all previous phases').group).toEqual({ kind: 'previous', unit: 'phase' });
    expect(parseRefs('ALL STORIES').group).toEqual({ kind: 'all', unit: 'story' });
    expect(parseRefs('T001, T002').group).toBeUndefined();
    expect(parseRefs('T001, T002').tokens).toEqual(['T001', 'T002']);
    expect(parseRefs('None').none).toBe(true);
  });
});
