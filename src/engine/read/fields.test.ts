import { describe, expect, it } from 'vitest';
import { isWhitespaceCode, readBoldFields } from './fields.js';

describe('isWhitespaceCode', () => {
  it('agrees with the regex class \\s on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c)) !== isWhitespaceCode(c)) disagreements.push(c);
    expect(disagreements).toEqual([]);
  });
});

describe('readBoldFields', () => {
  it('trims values of any whitespace, no-break spaces included, and keeps their spans', () => {
    const text = '**Points:**\u00a0 5\u3000| **Owner:** Ada\t';
    const fields = readBoldFields(text, 0, text.length);
    expect(fields.map((field) => [field.key, field.value, text.slice(field.valueStart, field.valueEnd)])).toEqual([
      ['points', '5', '5'],
      ['assignee', 'Ada', 'Ada'],
    ]);
  });
});
