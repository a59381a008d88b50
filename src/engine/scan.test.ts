// Tests of the line scanner: line kinds, list nesting, checkboxes, line endings, fences, and
// property tests that it never throws, covers the text exactly, and stays linear on hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isGfmTask, isGfmTaskAt, K, kindOf, lineText, markerStart, scan, textOf, type ScanResult } from './scan.js';

/** Kinds of every line, for compact expectations. */
function kinds(text: string): string[] {
  return scan(text).lines.map((line) => line.kind);
}

/** [depth, parent line number or 0] of every list line. */
function nesting(text: string): Array<[number, number, number]> {
  return scan(text)
    .lines.filter((line) => line.kind === 'list')
    .map((line) => [line.lineNo, line.depth, line.parent + 1]);
}

describe('line kinds', () => {
  it('classifies each kind of line', () => {
    const text = [
      '# Plan', //                    1 heading
      '', //                          2 blank
      'Some prose.', //               3 text
      '- [ ] T001 Set up', //         4 list
      '', //                          5 blank
      '| Role | Hours |', //          6 table
      '|------|-------|', //          7 table
      '> A quoted note', //           8 quote
      '', //                          9 blank
      '***', //                      10 hr
      '<!-- hidden -->', //          11 html
      '```bash', //                  12 fence (delimiter)
      '- [ ] not a task', //         13 fence
      '```', //                      14 fence (delimiter)
      '', //                         15 blank
      '    indented code', //        16 code
    ].join('\n');
    expect(kinds(text)).toEqual([
      'heading', 'blank', 'text', 'list', 'blank', 'table', 'table', 'quote', 'blank', 'hr', 'html',
      'fence', 'fence', 'fence', 'blank', 'code',
    ]);
    const s = scan(text);
    expect([11, 12, 13].map((i) => s.lines[i].delimiter)).toEqual([true, false, true]);
    expect(kindOf(s, 3)).toBe('list');
    expect(s.kind[3]).toBe(K.list);
  });

  it('reads heading levels and text without closing hashes', () => {
    const text = '# One\n### Three ###\n###### Six\n####### seven is text\n#no-space';
    const s = scan(text);
    expect(s.lines.map((l) => [l.kind, l.level])).toEqual([
      ['heading', 1], ['heading', 3], ['heading', 6], ['text', 0], ['text', 0],
    ]);
    expect(textOf(text, s, 1)).toBe('Three');
    expect(lineText(text, s.lines[2])).toBe('Six');
  });

  it('turns a paragraph over === or --- into a setext heading', () => {
    const s = scan('Release plan\n===\n\nRisks\n---\n\n---');
    expect(s.lines.map((l) => [l.kind, l.level])).toEqual([
      ['heading', 1], ['hr', 0], ['blank', 0], ['heading', 2], ['hr', 0], ['blank', 0], ['hr', 0],
    ]);
  });

  it('keeps a multi-line HTML comment as html until -->', () => {
    expect(kinds('<!--\n- [ ] T001 hidden\n-->\n- [ ] T002 shown')).toEqual(['html', 'html', 'html', 'list']);
  });

  it('treats a thematic break made of list markers as a break, not a list', () => {
    expect(kinds('- - -\n* * *\n- [ ] a')).toEqual(['hr', 'hr', 'list']);
  });

  it('continues a paragraph lazily but lets a list item interrupt it', () => {
    expect(kinds('Intro text\nmore text\n- [ ] T001 task\n  wrapped line')).toEqual(['text', 'text', 'list', 'text']);
    // An ordered item numbered other than 1 cannot interrupt a paragraph.
    expect(kinds('Intro text\n2. not a list')).toEqual(['text', 'text']);
    expect(kinds('Intro text\n1. a list')).toEqual(['text', 'list']);
  });
});

describe('list nesting', () => {
  it('nests by two spaces', () => {
    const text = '- [ ] a\n  - [x] b\n    - [ ] c\n  - [ ] d\n- [ ] e';
    expect(nesting(text)).toEqual([[1, 0, 0], [2, 1, 1], [3, 2, 2], [4, 1, 1], [5, 0, 0]]);
  });

  it('nests by four spaces', () => {
    const text = '- [ ] a\n    - [x] b\n        - [ ] c\n    - [ ] d\n- [ ] e';
    expect(nesting(text)).toEqual([[1, 0, 0], [2, 1, 1], [3, 2, 2], [4, 1, 1], [5, 0, 0]]);
  });

  it('nests by tabs, counting a tab to the next multiple of four columns', () => {
    const text = '- [ ] a\n\t- [x] b\n\t\t- [ ] c\n- [ ] d';
    expect(nesting(text)).toEqual([[1, 0, 0], [2, 1, 1], [3, 2, 2], [4, 0, 0]]);
    expect(scan(text).lines.map((l) => l.indent)).toEqual([0, 4, 8, 0]);
    // Two spaces then a tab reach column 4, not 6.
    expect(scan('  \t- x').indent[0]).toBe(4);
  });

  it('nests under an ordered item by its content column', () => {
    // `1. ` puts content at column 3: two spaces are not enough to nest, three are.
    expect(nesting('1. a\n  - b')).toEqual([[1, 0, 0], [2, 0, 0]]);
    expect(nesting('1. a\n   - b\n10. c\n    - d')).toEqual([[1, 0, 0], [2, 1, 1], [3, 0, 0], [4, 1, 3]]);
    const s = scan('1. a\n2) b\n10. c\n- d\n* e\n+ f');
    expect(s.lines.map((l) => l.marker)).toEqual(['1.', '2)', '10.', '-', '*', '+']);
    expect(markerStart('  7. x', scan('  7. x'), 0)).toBe(2);
  });

  it('keeps nesting across a blank line and a continuation paragraph', () => {
    const text = '- [ ] a\n\n  Notes for a.\n\n  - [ ] b\n- [ ] c';
    expect(kinds(text)).toEqual(['list', 'blank', 'text', 'blank', 'list', 'list']);
    expect(nesting(text)).toEqual([[1, 0, 0], [5, 1, 1], [6, 0, 0]]);
  });

  it('closes items under a heading', () => {
    expect(nesting('- a\n  - b\n## Next\n  - c')).toEqual([[1, 0, 0], [2, 1, 1], [4, 0, 0]]);
  });
});

describe('checkboxes', () => {
  const text = [
    '- [ ] open',
    '- [x] done',
    '- [X] done too',
    '- [-] in progress',
    '- [~] in progress too',
    '- [ ]* optional',
    '- [ ]x glued',
    '- [?] unknown',
    '- [ ]',
    '* [x] star',
    '1. [ ] numbered',
  ].join('\n');
  const s = scan(text);

  it('reads the character between the brackets and its offset', () => {
    // `- [ ]` with nothing after it and no paragraph line below is not a task (as in GFM).
    expect(s.lines.map((l) => l.box)).toEqual([' ', 'x', 'X', '-', '~', ' ', '', '', '', 'x', ' ']);
    for (const line of s.lines) {
      if (line.box !== '') {
        expect(text[line.boxOffset - 1]).toBe('[');
        expect(text[line.boxOffset]).toBe(line.box);
        expect(text[line.boxOffset + 1]).toBe(']');
      } else {
        expect(line.boxOffset).toBe(-1);
      }
    }
    expect(s.lines[0].boxOffset).toBe(3);
    expect(s.lines[10].boxOffset - s.lines[10].start).toBe(4);
  });

  it('marks `[ ]*` as optional and starts the text after the box', () => {
    expect(s.lines.map((l) => l.optional)).toEqual([false, false, false, false, false, true, false, false, false, false, false]);
    expect(lineText(text, s.lines[5])).toBe('optional');
    expect(lineText(text, s.lines[0])).toBe('open');
    expect(lineText(text, s.lines[6])).toBe('[ ]x glued');
  });

  it('counts as GFM tasks only [ ], [x] and [X] followed by text', () => {
    const expected = [true, true, true, false, false, false, false, false, false, true, true];
    expect(s.lines.map((l) => isGfmTask(text, l))).toEqual(expected);
    expect(s.lines.map((_, i) => isGfmTaskAt(text, s, i))).toEqual(expected);
  });
});

describe('line endings and byte-order mark', () => {
  it('ends lines at \\r\\n and \\n and keeps the \\r out of the line', () => {
    const text = '# A\r\n- [x] b\r\n\r\nc\nd';
    const s = scan(text);
    expect(s.lines.map((l) => [l.start, l.end])).toEqual([[0, 3], [5, 12], [14, 14], [16, 17], [18, 19]]);
    expect(kinds(text)).toEqual(['heading', 'list', 'blank', 'text', 'text']);
    expect(s.lines[1].box).toBe('x');
  });

  it('skips a byte-order mark', () => {
    const text = '\uFEFF# Plan\n- [ ] a';
    const s = scan(text);
    expect(s.contentStart).toBe(1);
    expect(s.lines[0]).toMatchObject({ kind: 'heading', start: 1, end: 7 });
    expect(textOf(text, s, 0)).toBe('Plan');
    expect(s.lines[1].boxOffset).toBe(11);
  });

  it('does not count an empty last line after a final newline', () => {
    expect(scan('a\n').count).toBe(1);
    expect(scan('a\n\n').count).toBe(2);
    expect(scan('').count).toBe(0);
    expect(scan('\uFEFF').count).toBe(0);
  });
});

describe('fenced code', () => {
  it('never reads tasks, headings or lists inside a fence', () => {
    const text = '```markdown\n# Not a heading\n- [ ] T001 not a task\n  - [x] nor this\n```\n- [ ] T002 a task';
    const s = scan(text);
    expect(kinds(text)).toEqual(['fence', 'fence', 'fence', 'fence', 'fence', 'list']);
    expect(s.lines.map((l) => isGfmTask(text, l))).toEqual([false, false, false, false, false, true]);
    expect(s.lines.slice(0, 5).map((l) => l.box)).toEqual(['', '', '', '', '']);
    expect(s.unterminatedFence).toBeNull();
  });

  it('closes a fence only with the same character, at least as long', () => {
    expect(kinds('````\n```\n~~~\n````\nafter')).toEqual(['fence', 'fence', 'fence', 'fence', 'text']);
    expect(kinds('~~~\n```\n~~~~\n- a')).toEqual(['fence', 'fence', 'fence', 'list']);
  });

  it('does not open a backtick fence whose info string holds a backtick', () => {
    expect(kinds('``` a`b\n- [ ] a')).toEqual(['text', 'list']);
  });

  it('reports an unterminated fence and reads everything after it as code', () => {
    const text = '- [ ] a\n```yaml\nkey: value\n- [ ] not a task\n';
    const s = scan(text);
    expect(s.unterminatedFence).toBe(2);
    expect(kinds(text)).toEqual(['list', 'fence', 'fence', 'fence']);
    expect(s.lines.filter((l) => isGfmTask(text, l)).map((l) => l.lineNo)).toEqual([1]);
  });

  it('opens a fence inside a list item', () => {
    const text = '- [ ] a\n  ```\n  - [ ] code\n  ```\n- [ ] b';
    expect(kinds(text)).toEqual(['list', 'fence', 'fence', 'fence', 'list']);
  });
});

/**
 * Line boundaries: lines follow each other separated by \n or \r\n; a \r ending the text
 * ends the last line. (A lone \r elsewhere is line content: plans do not use old Mac endings.)
 */
function expectExactCover(text: string, s: ScanResult): void {
  let pos = s.contentStart;
  for (let i = 0; i < s.count; i++) {
    expect(s.start[i]).toBe(pos);
    expect(s.end[i]).toBeGreaterThanOrEqual(s.start[i]);
    const content = text.slice(s.start[i], s.end[i]);
    expect(content.includes('\n')).toBe(false);
    pos = s.end[i];
    if (text.startsWith('\r\n', pos)) pos += 2;
    else if (text[pos] === '\n') pos += 1;
    else if (text[pos] === '\r' && pos === text.length - 1) pos += 1;
    else expect(pos).toBe(text.length);
  }
  expect(pos).toBe(text.length);
}

/** UTF-16 code units of every kind, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Pieces of Markdown and troublesome characters, to reach the scanner's branches often. */
const piece = fc.oneof(
  fc.constantFrom(
    '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '- ', '* ', '+ ', '1. ', '12) ', '[ ] ', '[x] ', '[X]', '[-] ', '[ ]* ',
    '```', '~~~', '`', '>', '> ', '#', '## ', '|', '<!--', '-->', '---', '===', '***', '\0', '\uD800', '\uDFFF',
    '\uFFFD', '\uFEFF', 'T001', 'text',
  ),
  anyUnit,
);
const markdownish = fc.array(piece, { maxLength: 200 }).map((pieces) => pieces.join(''));

describe('properties', () => {
  it('never throws, and lines cover the text exactly once in order', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: anyUnit, maxLength: 300 })), (text) => {
        const s = scan(text);
        expectExactCover(text, s);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps its per-line facts consistent', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const s = scan(text);
        const lines = s.lines;
        expect(lines.length).toBe(s.count);
        for (let i = 0; i < s.count; i++) {
          expect(s.textStart[i]).toBeGreaterThanOrEqual(s.start[i]);
          expect(s.textStart[i]).toBeLessThanOrEqual(s.end[i]);
          if (s.parent[i] !== -1) {
            expect(s.kind[i]).toBe(K.list);
            expect(s.parent[i]).toBeLessThan(i);
            expect(s.kind[s.parent[i]]).toBe(K.list);
            expect(s.depth[i]).toBe(s.depth[s.parent[i]] + 1);
          } else if (s.kind[i] === K.list) {
            expect(s.depth[i]).toBe(0);
          }
          if (s.boxOffset[i] !== -1) {
            expect(s.kind[i]).toBe(K.list);
            expect(s.boxOffset[i]).toBeGreaterThan(s.start[i]);
            expect(s.boxOffset[i] + 1).toBeLessThan(s.end[i]);
            expect(text.charCodeAt(s.boxOffset[i])).toBe(s.box[i]);
          }
          expect(isGfmTaskAt(text, s, i)).toBe(isGfmTask(text, lines[i]));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('long documents', () => {
  // The scanner works through the lines in runs of a few thousand; whatever is open when one
  // run ends (a list, a fence, an HTML block, a paragraph, a bare checkbox) goes on in the next.
  const body = [
    '- [ ] a', '  - [x] b', '    ```', '    - [ ] fenced', '    ```', '- [ ]', '  continued', '- [ ]', '- [ ] c',
    '<!--', '- [ ] commented', '-->', 'Title', '===', '<details>', '- [ ] hidden', '', '1. one', '   2) two',
    '      indented', '~~~', 'open',
  ].join('\n');
  /** Line `i` of a scan, every column, with offsets and line indexes less `shift`. */
  const row = (s: ScanResult, i: number, shift: number): number[] => {
    const back = (value: number): number => (value === -1 ? -1 : value - shift);
    return [
      s.kind[i], back(s.start[i]), back(s.end[i]), s.indent[i], back(s.textStart[i]), s.level[i], s.markerWidth[i],
      back(s.parent[i]), s.depth[i], s.box[i], back(s.boxOffset[i]), s.flags[i],
    ];
  };

  it('scans a document the same wherever the boundaries between runs fall', () => {
    const alone = scan(body);
    // Blank lines before the body (one character each) put each of its lines just before and
    // just after every multiple of 256 lines up to 4096.
    const edges = Array.from({ length: 16 }, (_, k) => 256 * (k + 1));
    for (const blanks of edges.flatMap((edge) => Array.from({ length: 24 }, (_, d) => edge - 22 + d))) {
      const s = scan('\n'.repeat(blanks) + body);
      expect(s.count).toBe(blanks + alone.count);
      expect(s.unterminatedFence).toBe(blanks + (alone.unterminatedFence ?? 0));
      for (let i = 0; i < alone.count; i++) expect(row(s, blanks + i, blanks)).toEqual(row(alone, i, 0));
    }
  });
});

describe('hostile input', () => {
  /** Scans and returns the elapsed milliseconds; every input here is at most ~10 MB. */
  function timed(text: string): { s: ScanResult; ms: number } {
    const started = performance.now();
    const s = scan(text);
    return { s, ms: performance.now() - started };
  }
  // Generous bounds: these catch quadratic time (minutes), not slow machines.
  const LIMIT_MS = 10_000;

  it('100,000 list markers on one line', () => {
    const { s, ms } = timed('- '.repeat(100_000) + 'x');
    expect(s.count).toBe(1);
    expect(s.kind[0]).toBe(K.list);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('100,000 blockquote markers', () => {
    const { s, ms } = timed('>'.repeat(100_000) + ' - [ ] x\n' + '> '.repeat(100_000));
    expect(s.count).toBe(2);
    expect(s.kind[0]).toBe(K.quote);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('100,000 task lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push('- [ ] x');
    const { s, ms } = timed(lines.join('\n'));
    expect(s.count).toBe(100_000);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a staircase 4,000 levels deep, down and back up', () => {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push('\t'.repeat(i) + '- x');
    for (let i = 3999; i >= 0; i--) lines.push('\t'.repeat(i) + '- y');
    const { s, ms } = timed(lines.join('\n'));
    expect(s.depth[3999]).toBe(3999);
    expect(s.parent[3999]).toBe(3998);
    // Going back up, each line is a sibling of its counterpart on the way down.
    expect(s.depth[4000]).toBe(3999);
    expect(s.depth[7999]).toBe(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a sawtooth of 1,000-level staircases', () => {
    const tooth: string[] = [];
    for (let i = 0; i < 1000; i++) tooth.push('  '.repeat(i) + '- [ ] x');
    const text = Array.from({ length: 10 }, () => tooth.join('\n')).join('\n');
    const { s, ms } = timed(text);
    expect(s.count).toBe(10_000);
    expect(s.depth[999]).toBe(999);
    expect(s.depth[1000]).toBe(0);
    expect(s.depth[9999]).toBe(999);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a 10 MB single line, in several shapes', () => {
    const size = 10_000_000;
    for (const text of [
      'a'.repeat(size),
      '- [ ] ' + 'x'.repeat(size),
      '`'.repeat(size),
      '<!--' + '-'.repeat(size),
      '#'.repeat(size),
      '|' + ' '.repeat(size) + '|',
      ' '.repeat(size) + '- x',
    ]) {
      const { s, ms } = timed(text);
      expect(s.count).toBe(1);
      expect(s.end[0]).toBe(text.length);
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('an unterminated fence over 100,000 task lines', () => {
    const text = '```\n' + '- [ ] T001 x\n'.repeat(100_000);
    const { s, ms } = timed(text);
    expect(s.unterminatedFence).toBe(1);
    let tasks = 0;
    for (let i = 0; i < s.count; i++) if (isGfmTaskAt(text, s, i)) tasks++;
    expect(tasks).toBe(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('1 MB of NUL bytes, and NULs between lines', () => {
    const nul = '\0'.repeat(1_000_000);
    expect(timed(nul).s.count).toBe(1);
    const text = '\0\n- [ ] \0\n\0\0\n';
    const s = scan(text);
    expect(kinds(text)).toEqual(['text', 'list', 'text']);
    expect(s.lines[1].box).toBe(' ');
  });

  it('a million empty lines', () => {
    const { s, ms } = timed('\n'.repeat(1_000_000));
    expect(s.count).toBe(1_000_000);
    expect(s.kind.every((k) => k === K.blank)).toBe(true);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
