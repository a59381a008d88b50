// Engine benchmark: how fast scrumdown reads a plan compared with general Markdown parsers, how
// its time grows with the plan, and what the `items --json` command costs end to end.
//
//   npm run bench:engine                       # 1k, 10k and 100k items
//   node --expose-gc bench/engine.bench.mjs --sizes=1000,10000 --full --peak=preload
//   node bench/engine.bench.mjs --sizes=10000 --cli-only
//
// Every parser runs on the same generated text in the same process: a warm-up, then several
// timed repetitions, reporting the median. micromark and mdast-util-from-markdown take time
// quadratic in the length of these plans; where that would take minutes they are skipped with
// the estimate printed, and `--full` runs them anyway.
// This reports; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import MarkdownIt from 'markdown-it';
import { parse as micromarkParse, postprocess, preprocess } from 'micromark';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

import { generatePlan } from './generate-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const SIZES = (args.get('sizes') ?? '1000,10000,100000').split(',').map(Number);
const SEED = Number(args.get('seed') ?? 20261122);
const FULL = args.has('full');
/** `--cli-only`: just the end-to-end command runs. */
const CLI_ONLY = args.has('cli-only');
/** Estimated seconds above which a quadratic reader is skipped (unless --full). */
const QUADRATIC_LIMIT_SECONDS = 120;

const { scan } = await import(join(root, 'dist/engine/scan.js'));
const buildModule = join(root, 'dist/engine/build.js');
/** @type {((text: string, path?: string) => unknown) | null} */
const buildPlan = existsSync(buildModule) ? (await import(buildModule)).buildPlan : null;
const cliPath = join(root, 'dist/cli/main.js');

/** @param {number} ms */
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
/** @param {number} x */
const fmt1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function collect() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/**
 * Times `fn`: warm-up runs (two when quick, one when slow), then repetitions until at least
 * three are in and a time budget is spent, at most nine. A first run over ten seconds is the
 * only one: at that length warm-up no longer matters and repeating would take minutes.
 * @param {() => unknown} fn
 * @returns {{ median: number, reps: number }}
 */
function measure(fn) {
  collect();
  let start = performance.now();
  fn();
  const first = performance.now() - start;
  if (first > 10_000) return { median: first, reps: 1 };
  if (first < 2000) {
    collect();
    fn();
  }
  const times = [];
  const budget = Math.max(1000, first * 3);
  let spent = 0;
  while (times.length < 9 && (times.length < 3 || spent < budget)) {
    collect();
    start = performance.now();
    fn();
    const t = performance.now() - start;
    times.push(t);
    spent += t;
  }
  return { median: median(times), reps: times.length };
}

const gfmSyntax = [gfm()];
const gfmTree = [gfmFromMarkdown()];
const markdownIt = new MarkdownIt();

/**
 * The readers compared. `quadratic` marks those whose time grows with the square of the plan
 * (micromark's event handling and mdast's list preparation on long documents); they are skipped
 * where that would take minutes, unless --full.
 * @type {Array<{ name: string, ours: boolean, quadratic?: boolean, run: (text: string) => unknown }>}
 */
const parsers = [
  { name: 'scrumdown scan', ours: true, run: (text) => scan(text) },
  ...(buildPlan ? [{ name: 'scrumdown buildPlan (scan+build)', ours: true, run: (text) => buildPlan(text, 'plan.md') }] : []),
  {
    name: 'micromark+gfm (events only)',
    ours: false,
    quadratic: true,
    run: (text) => postprocess(micromarkParse({ extensions: gfmSyntax }).document().write(preprocess()(text, undefined, true))),
  },
  {
    name: 'mdast-util-from-markdown+gfm',
    ours: false,
    quadratic: true,
    run: (text) => fromMarkdown(text, { extensions: gfmSyntax, mdastExtensions: gfmTree }),
  },
  { name: 'markdown-it (parse)', ours: false, run: (text) => markdownIt.parse(text, {}) },
];
const headline = parsers.filter((p) => p.ours).at(-1);

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${new Date().toISOString()}`;
}

console.log(`scrumdown engine benchmark — ${machine()}`);
console.log(`seed ${SEED}; MB = 10^6 bytes of UTF-8; median of the timed repetitions after warm-up`);
if (!buildPlan) console.log('note: dist/engine/build.js not found — timing the scanner alone');
if (typeof globalThis.gc !== 'function') console.log('note: run with --expose-gc for steadier numbers');
console.log('');

/** @type {Map<number, { text: string, bytes: number }>} */
const plans = new Map();
/** @type {Map<string, Map<number, { median: number, reps: number } | { skipped: string }>>} */
const results = new Map(parsers.map((p) => [p.name, new Map()]));

for (const items of SIZES) {
  const text = generatePlan({ items, seed: SEED });
  const bytes = Buffer.byteLength(text, 'utf8');
  plans.set(items, { text, bytes });
  for (const parser of CLI_ONLY ? [] : parsers) {
    const byName = results.get(parser.name);
    if (parser.quadratic && !FULL) {
      const previous = [...byName.entries()].filter(([, r]) => 'median' in r).at(-1);
      if (previous) {
        const [prevItems, prev] = previous;
        const estimate = (prev.median * (bytes / plans.get(prevItems).bytes) ** 2) / 1000;
        if (estimate > QUADRATIC_LIMIT_SECONDS) {
          byName.set(items, { skipped: `skipped: ~${Math.round(estimate / 60)} min estimated (quadratic); --full runs it` });
          continue;
        }
      }
    }
    process.stderr.write(`  ${items} items: ${parser.name}…\n`);
    try {
      byName.set(items, measure(() => parser.run(text)));
    } catch (error) {
      byName.set(items, { skipped: `threw: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

/** @param {string[][]} rows */
function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r) => r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

if (!CLI_ONLY) printReaders();

/** The readers' table and how our time grows with the plan. */
function printReaders() {
  const rows = [['items (MB)', 'parser', 'median ms', 'MB/s', 'reps', `speed ${headline.name.replace('scrumdown ', '')} / this`]];
  for (const [items, { bytes }] of plans) {
    const ours = results.get(headline.name).get(items);
    for (const parser of parsers) {
      const r = results.get(parser.name).get(items);
      const label = `${items} (${(bytes / 1e6).toFixed(2)})`;
      if ('skipped' in r) {
        rows.push([label, parser.name, '—', '—', '0', r.skipped]);
        continue;
      }
      const mbps = bytes / 1e6 / (r.median / 1000);
      // Speed of ours over this parser's speed on the same text: above 1 means ours is faster.
      const ratio = parser === headline ? '1' : 'median' in ours ? (r.median / ours.median).toFixed(2) : '—';
      rows.push([label, parser.name, fmtMs(r.median), fmt1(mbps), String(r.reps), ratio]);
    }
  }
  printTable(rows);
  console.log('');

  /** How our time grows from one size to the next (the target: ten times the items in at most twelve times the time). */
  for (const parser of parsers.filter((p) => p.ours)) {
    const times = results.get(parser.name);
    for (let i = 1; i < SIZES.length; i++) {
      const a = times.get(SIZES[i - 1]);
      const b = times.get(SIZES[i]);
      if (!('median' in a) || !('median' in b)) continue;
      const bytesRatio = plans.get(SIZES[i]).bytes / plans.get(SIZES[i - 1]).bytes;
      console.log(
        `scaling, ${parser.name}: time(${SIZES[i]})/time(${SIZES[i - 1]}) = ${(b.median / a.median).toFixed(2)} ` +
          `for ${(SIZES[i] / SIZES[i - 1]).toFixed(0)}× the items and ${bytesRatio.toFixed(2)}× the bytes ` +
          `(target ≤ ${((1.2 * SIZES[i]) / SIZES[i - 1]).toFixed(0)})`,
      );
    }
  }
  console.log('');
}

// End to end: the real CLI, one process per run, peak memory from the kernel.
if (!existsSync(cliPath)) {
  console.log('CLI: dist/cli/main.js not found — skipping `items --json`');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'scrumdown-bench-'));
  // `--peak=preload` measures with the preload even where /usr/bin/time exists.
  const useTime = existsSync('/usr/bin/time') && args.get('peak') !== 'preload';
  const cliRows = [['items (MB)', 'command', 'median wall ms', 'peak RSS MB', 'runs', 'exit', 'stdout MB']];
  try {
    for (const [items, { text, bytes }] of plans) {
      const file = join(dir, `plan-${items}.md`);
      writeFileSync(file, text);
      const out = join(dir, `out-${items}.json`);
      const rssFile = join(dir, `rss-${items}.txt`);
      const walls = [];
      const peaks = [];
      let status = 0;
      for (let run = 0; run < 6; run++) {
        const nodeArgs = useTime ? [] : ['--import', join(root, 'bench/report-peak-rss.mjs')];
        const command = useTime
          ? ['/usr/bin/time', ['-f', 'peak-rss-kib=%M', process.execPath, cliPath, 'items', file, '--json']]
          : [process.execPath, [...nodeArgs, cliPath, 'items', file, '--json']];
        const start = performance.now();
        const result = spawnSync(command[0], command[1], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 1 << 30,
          env: { ...process.env, SCRUMDOWN_PEAK_RSS_FILE: rssFile },
        });
        const wall = performance.now() - start;
        status = result.status ?? -1;
        const peakKiB = useTime
          ? Number(/peak-rss-kib=(\d+)/.exec(result.stderr.toString())?.[1] ?? NaN)
          : Number(existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : NaN);
        if (run === 0) {
          writeFileSync(out, result.stdout);
          continue; // the first run warms the file cache and is not counted
        }
        walls.push(wall);
        peaks.push(peakKiB / 1024);
      }
      cliRows.push([
        `${items} (${(bytes / 1e6).toFixed(2)})`,
        'items FILE --json',
        fmtMs(median(walls)),
        fmt1(Math.max(...peaks)),
        String(walls.length),
        String(status),
        (statSync(out).size / 1e6).toFixed(2),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(cliRows);
  console.log(`(peak RSS is the largest of the runs, measured by ${useTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit'}; targets at 10k items: < 300 ms, < 150 MB)`);
}
