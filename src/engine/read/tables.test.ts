import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRow } from './tables.js';

/** The rule written out a character at a time: what splitRow must agree with. */
function referenceSplit(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      current += c;
    } else if (c === '|' && !inCode) {
      cells.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  cells.push(current.trim());
  return cells;
}

describe('splitRow', () => {
  it('splits cells, unescapes \\| and keeps pipes inside code spans', () => {
    expect(splitRow('| Role | Hours \\| week | `a|b` |')).toEqual(['Role', 'Hours | week', '`a|b`']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
    expect(splitRow('| x \\|')).toEqual(['x |']);
    expect(splitRow('||')).toEqual(['']);
  });

  it('agrees with the character-by-character rule on any row', () => {
    const row = fc.array(fc.constantFrom('|', '\\', '`', ' ', 'a', 'B', '1', '\t', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(row, (text) => {
        expect(splitRow(text)).toEqual(referenceSplit(text));
      }),
      { numRuns: 2000 },
    );
  });
});
