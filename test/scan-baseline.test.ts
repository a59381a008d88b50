// The scanner against a baseline of itself, array by array: a change made for speed must not
// change one value of a ScanResult. The baseline is the scanner as it was at BASELINE_COMMIT,
// read from git and compiled here; SCAN_BASELINE may name another compiled scan.js instead:
//   SCAN_BASELINE=/tmp/baseline/engine/scan.js npx vitest run test/scan-baseline.test.ts
// A change that means to read something differently moves BASELINE_COMMIT to the commit that
// made it. Without git history (an unpacked package) the file is skipped and says why. Inputs:
// every fixture, the example, the real plans when present (SCAN_CORPUS names another folder of
// them), generated plans (seeds, sizes, dialects, CRLF, a byte-order mark, mojibake), hostile
// shapes, and random documents, both plan-like and made of raw troublesome pieces.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import ts from 'typescript';

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { scan, type ScanResult } from '../src/engine/scan.js';
import { GENERATED_DIALECTS, generatePlan, mojibake } from './support/generate.js';
import { markdownDocument } from './support/markdown-arbitrary.js';

const root = join(import.meta.dirname, '..');
/** The last commit whose scanner reads every input as the scanner must today. */
const BASELINE_COMMIT = 'd7b0451238c235bf70be80a32bd88dd2b3ae7043';

/** The baseline scanner's source from git, or null (with the reason printed) when there is none. */
function baselineSource(): string | null {
  try {
    return execFileSync('git', ['show', `${BASELINE_COMMIT}:src/engine/scan.ts`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    console.warn(`scan-baseline: skipped, commit ${BASELINE_COMMIT} is not in this checkout (${(error as Error).message.split('\n')[0]}).`);
    return null;
  }
}

const source = process.env.SCAN_BASELINE ? null : baselineSource();
const baselinePath = process.env.SCAN_BASELINE ?? (source === null ? undefined : compiled(source));

/** `source` compiled to a module file of its own. */
function compiled(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-scan-baseline-'));
  const file = join(dir, 'scan.mjs');
  writeFileSync(file, ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return file;
}
const corpusDir = process.env.SCAN_CORPUS ?? join(root, '..', 'shared', 'corpus');

const COLUMNS = ['kind', 'start', 'end', 'indent', 'textStart', 'level', 'markerWidth', 'parent', 'depth', 'box', 'boxOffset', 'flags'] as const;

/** The first difference between two scans of `text`, described, or null when they agree. */
function difference(text: string, actual: ScanResult, expected: ScanResult): string | null {
  for (const field of ['count', 'unterminatedFence', 'contentStart'] as const) {
    if (actual[field] !== expected[field]) return `${field}: ${actual[field]} instead of ${expected[field]}`;
  }
  for (const column of COLUMNS) {
    const a = actual[column];
    const b = expected[column];
    if (a.constructor !== b.constructor) return `${column}: a ${a.constructor.name} instead of a ${b.constructor.name}`;
    if (a.length !== b.length) return `${column}: ${a.length} slots instead of ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        const line = text.slice(expected.start[i], expected.end[i]);
        return `${column}[${i}] (line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}): ${a[i]} instead of ${b[i]}`;
      }
    }
  }
  return null;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Pieces of Markdown and troublesome characters, joined at random into raw documents. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const piece = fc.oneof(
  fc.constantFrom(
    '\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '     ', '- ', '-', '* ', '+ ', '1. ', '01) ', '2. ', '12) ', '1234567890. ',
    '[ ] ', '[x] ', '[X]', '[-] ', '[~]', '[ ]* ', '[ ]*', '[\t] ', '```', '````', '~~~', '`', '>', '> ', '#', '## ',
    '####### ', '|', '<!--', '-->', '<div>', '</div>', '<br/>', '<a href="x">', '<script>', '</script>', '<PRE>', '</pre>',
    '<details>', '---', '===', '***', '_ _ _', '\0', '\uD800', '\uDFFF', '\uFFFD', '\uFEFF', 'T001', 'text',
  ),
  anyUnit,
);
const rawDocument = fc.array(piece, { maxLength: 300 }).map((pieces) => pieces.join(''));

describe.skipIf(!baselinePath)('the scanner against its baseline build', () => {
  let baseline: (text: string) => ScanResult;
  beforeAll(async () => {
    const module = (await import(pathToFileURL(baselinePath as string).href)) as { scan: (text: string) => ScanResult };
    baseline = module.scan;
  });
  const same = (text: string): void => {
    expect(difference(text, scan(text), baseline(text))).toBeNull();
  };

  it('fixtures and examples', () => {
    const files = [...filesUnder(join(root, 'test', 'fixtures')), ...filesUnder(join(root, 'examples'))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) same(readFileSync(file, 'utf8'));
  });

  it.skipIf(!existsSync(corpusDir))('real plans', () => {
    const files = filesUnder(corpusDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      same(text);
      same(text.replace(/\n/g, '\r\n'));
    }
  });

  it('generated plans: seeds, sizes, dialects, line endings, a byte-order mark, mojibake', () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const items of [1, 40, 600]) {
        const text = generatePlan({ items, seed, eol: seed % 2 === 0 ? '\r\n' : '\n' });
        same(text);
        same('\uFEFF' + text);
        same(text.trimEnd());
      }
    }
    for (const dialect of GENERATED_DIALECTS) same(generatePlan({ items: 400, seed: 3, dialects: [dialect] }));
    same(mojibake(generatePlan({ items: 300, seed: 4 })));
  });

  it('the benchmark plan, both line endings', () => {
    same(generatePlan({ items: 100_000, seed: 20261122 }));
    same(generatePlan({ items: 20_000, seed: 7, eol: '\r\n' }));
  });

  it('hostile shapes', () => {
    const staircase = (unit: string, depth: number): string => Array.from({ length: depth }, (_, i) => unit.repeat(i) + '- [ ] x').join('\n');
    for (const text of [
      '', '\n', '\r\n', '\uFEFF', '\uFEFF\n', '\r', '\n\n\n', ' \n\t\n',
      '- '.repeat(20_000) + '[ ] x',
      '>'.repeat(20_000) + ' - [ ] x\n' + '> '.repeat(20_000),
      staircase('\t', 2000) + '\n' + staircase('  ', 2000),
      '1. '.repeat(5000) + 'x',
      'a'.repeat(1_000_000),
      '- [ ] ' + 'x'.repeat(100_000),
      '`'.repeat(100_000),
      '<!--' + '-'.repeat(100_000),
      '#'.repeat(100_000),
      ' '.repeat(100_000) + '- x',
      '```\n' + '- [ ] T001 x\n'.repeat(5000),
      '- a\n  ```\n' + '  - [ ] x\n'.repeat(100) + '- [ ] y',
      '\0'.repeat(10_000) + '\n- [ ] \0\n\0\0\n',
      '\uD800\n- [ ] \uDFFF\n\uDFFF\uD800',
      '<script>\n- [ ] x\n</SCRIPT>\n- [ ] y',
      '<pre>' + 'x'.repeat(3000) + '</pre>\n- [ ] y',
    ]) {
      same(text);
    }
  });

  it('random plan-like documents', () => {
    fc.assert(fc.property(markdownDocument(), (text) => same(text)), { numRuns: 3000 });
    fc.assert(fc.property(markdownDocument({ deepFences: true }), (text) => same(text)), { numRuns: 1000 });
  });

  it('random raw documents', () => {
    fc.assert(fc.property(fc.oneof(rawDocument, fc.string({ unit: anyUnit, maxLength: 400 })), (text) => same(text)), { numRuns: 20_000 });
  });
});
