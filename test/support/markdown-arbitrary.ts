// fast-check arbitraries for Markdown documents built from the pieces real plans use: headings
// (ATX and setext), nested bullet and ordered lists indented by two or four spaces or tabs,
// checkboxes, paragraphs with lazy and indented continuation lines, fenced code with tasks
// inside, tables, blockquotes, HTML comments and blocks, thematic breaks, LF or CRLF endings.
import fc from 'fast-check';

/** Words of plan prose; none of them starts a block when it begins a continuation line. */
const WORDS = [
  'Deploy', 'the', 'api', 'T001', 'T014', '[P]', '[US2]', '1.2', 'DEVOPS-004', '**Status**:', '`kubectl`',
  'review', 'tests', '(depends on T003)', '_Requirements: 2.1_', '**Points:** 3', '🟡', 'done', 'x', '[x]',
  'migrate', 'fix', 'docs', 'Helm', 'chart',
] as const;

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((ws) => ws.join(' '));

/**
 * A list's indentation step: the text of one nesting level. Lists with numbered items indent by
 * three or more columns, as their authors do, so each level nests under the one above it.
 */
const indentUnit = fc.integer({ min: 0, max: 2 });
const BULLET_UNITS = ['  ', '    ', '\t'];
const ORDERED_UNITS = ['   ', '    ', '\t'];
const bulletMarker = fc.constantFrom('-', '*', '+');
/** `#` stands for the item's number, counted from 1 within its list as authors number them. */
const orderedMarker = fc.constantFrom('#.', '#)');
const marker = fc.oneof({ weight: 4, arbitrary: bulletMarker }, { weight: 1, arbitrary: orderedMarker });
/** Checkboxes as plans write them; Kiro's `[-]`, `[~]` and `[ ]*` are not GFM tasks but appear. */
const box = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('[ ] ', '[x] ', '[X] ') },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('[-] ', '[~] ', '[ ]* ', '[x]', '[ ]x ', '[  ] ') },
);

interface ListItemPiece {
  /** Change of nesting from the previous item: deeper by one, same, or up by some levels. */
  move: number;
  marker: string;
  box: string;
  text: string;
  /** Extra lines inside the item: continuation text, or a fenced block with tasks in it. */
  extra: 'none' | 'continuation' | 'lazy' | 'fence';
  /** A blank line before the item (a loose list); one item in six. */
  blankBefore: boolean;
}

const listItemPiece: fc.Arbitrary<ListItemPiece> = fc.record({
  move: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) }),
  marker,
  box,
  text: words,
  extra: fc.oneof(
    { weight: 8, arbitrary: fc.constant('none' as const) },
    { weight: 1, arbitrary: fc.constantFrom('continuation' as const, 'lazy' as const, 'fence' as const) },
  ),
  blankBefore: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
});

/** Options of the document arbitrary. */
export interface MarkdownDocumentOptions {
  /** Put fenced blocks inside list items whose content starts at column 4 or beyond. */
  deepFences?: boolean;
}

/** A list: items nested by a fixed step per level, as a plan's author would write them. */
const listBlock = (options: MarkdownDocumentOptions) => fc
  .tuple(indentUnit, fc.array(listItemPiece, { minLength: 1, maxLength: 14 }))
  .map(([unitChoice, items]) => {
    const unit = (items.some((item) => item.marker.includes('#')) ? ORDERED_UNITS : BULLET_UNITS)[unitChoice];
    const lines: string[] = [];
    let depth = 0;
    const numbers: number[] = [];
    items.forEach((item, i) => {
      depth = i === 0 ? 0 : Math.max(0, Math.min(depth + item.move, depth + 1));
      numbers.length = depth + 1;
      numbers[depth] = (numbers[depth] ?? 0) + 1;
      const indent = unit.repeat(depth);
      if (i > 0 && item.blankBefore) lines.push('');
      const markerText = item.marker.replace('#', String(numbers[depth]));
      const head = `${indent}${markerText} `;
      const first = `${head}${item.box}${item.text}`;
      lines.push(first);
      // A box closing the line and continued on the next one is left out: see the differential test.
      const bareBox = /\[[ xX]\]$/.test(first);
      const inner = indent + ' '.repeat(markerText.length + 1);
      if (item.extra === 'continuation' && !bareBox) lines.push(`${inner}${item.text}`);
      else if (item.extra === 'lazy' && !bareBox) lines.push(item.text);
      else if (item.extra === 'fence' && (options.deepFences || inner.replace(/\t/g, '    ').length < 4)) lines.push(`${inner}\`\`\`bash`, `${inner}- [ ] T999 not a task`, `${inner}\`\`\``);
    });
    return lines;
  });

const headingBlock = fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([level, text]) => [`${'#'.repeat(level)} ${text}`]);
const setextBlock = fc.tuple(words, fc.constantFrom('===', '---', '------')).map(([text, underline]) => [text, underline]);
const paragraphBlock = fc.array(words, { minLength: 1, maxLength: 3 });
const thematicBreak = fc.constantFrom('---', '***', '___', '* * *', '- - -').map((line) => [line]);
const tableBlock = fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 4 }).map((rows) => [
  '| Task | Status |',
  '|------|:------:|',
  ...rows.map(([a, b]) => `| ${a} | ${b} |`),
]);
const fenceBlock = fc
  .tuple(fc.constantFrom('```', '````', '~~~'), fc.constantFrom('', 'bash', 'markdown', 'yaml'), fc.array(fc.constantFrom('- [ ] T100 inside code', '  - [x] nested inside code', 'echo done', '', '# not a heading'), { maxLength: 5 }))
  .map(([fence, info, body]) => [`${fence}${info}`, ...body, fence]);
const quoteBlock = fc
  .array(fc.oneof(words.map((w) => `> ${w}`), fc.constantFrom('> - [ ] quoted task', '> - [x] quoted done', '>', '> > - [ ] deeper')), { minLength: 1, maxLength: 4 });
const commentBlock = fc.oneof(
  words.map((w) => [`<!-- ${w} -->`]),
  fc.constant(['<!--', '- [ ] T200 commented out', '-->']),
);

/** HTML blocks other than comments; they run on to the next blank line, which always follows. */
const htmlBlock = fc.constantFrom(
  ['<details>', '<summary>Completed tasks</summary>'],
  ['</details>'],
  ['<br>'],
  ['<div align="center">', '<img src="burndown.png" alt="burndown">', '</div>'],
);

const block = (options: MarkdownDocumentOptions) => fc.oneof(
  { weight: 2, arbitrary: headingBlock },
  { weight: 1, arbitrary: setextBlock },
  { weight: 2, arbitrary: paragraphBlock },
  { weight: 6, arbitrary: listBlock(options) },
  { weight: 1, arbitrary: thematicBreak },
  { weight: 1, arbitrary: tableBlock },
  { weight: 1, arbitrary: fenceBlock },
  { weight: 1, arbitrary: quoteBlock },
  { weight: 1, arbitrary: commentBlock },
  { weight: 1, arbitrary: htmlBlock },
);

/** A whole document: blocks mostly separated by blank lines, sometimes directly adjacent. */
export const markdownDocument = (options: MarkdownDocumentOptions = {}): fc.Arbitrary<string> => fc
  .tuple(
    fc.array(fc.tuple(block(options), fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })), { minLength: 1, maxLength: 30 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([blocks, eol, finalNewline]) => {
    const lines: string[] = [];
    for (const [blockLines, blankAfter] of blocks) {
      lines.push(...blockLines);
      // A box closing the line is never followed directly by a paragraph, and an HTML block
      // always ends at a blank line: see the differential test.
      const last = blockLines[blockLines.length - 1];
      const htmlBlockEnds = /^<(?!!--)/.test(blockLines[0]);
      if (blankAfter || htmlBlockEnds || /^\s*([-*+]|\d+[.)])\s+\[[ xX]\]$/.test(last)) lines.push('');
    }
    return lines.join(eol) + (finalNewline ? eol : '');
  });
