// The line scanner's speed beside a baseline build of it, on the same generated plan in one
// process: runs alternate between the two (a gc before each), and each is timed in CPU time of
// the process, so a busy machine shifts both alike. Prints the medians, MB/s and their ratio.
//   npm run build && node --expose-gc bench/scan.bench.mjs --baseline=/tmp/baseline/engine/scan.js
//   [--candidate=dist/engine/scan.js] [--items=100000] [--seed=20261122] [--runs=15] [--eol=crlf] [--ascii]
// --ascii replaces the generated plan's few non-ASCII characters, so V8 keeps the text one byte a
// character (its two-byte strings are slower to search).
// Without --baseline it times the candidate alone. This reports; it asserts nothing.
import { argv, cpuUsage } from 'node:process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { generatePlan } from './generate-plan.mjs';

const option = (name, fallback) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const items = Number(option('items', 100_000));
const seed = Number(option('seed', 20261122));
const runs = Number(option('runs', 15));
const eol = option('eol', 'lf') === 'crlf' ? '\r\n' : '\n';
const load = async (path) => (await import(pathToFileURL(resolve(path)).href)).scan;
const candidatePath = option('candidate', new URL('../dist/engine/scan.js', import.meta.url).pathname);
const baselinePath = option('baseline', '');
const scanners = [['candidate', await load(candidatePath)]];
if (baselinePath) scanners.unshift(['baseline', await load(baselinePath)]);

const ascii = argv.includes('--ascii');
const generated = generatePlan({ items, seed, eol });
// Through latin1 bytes: a string made by replace() keeps the two-byte form of its source.
const text = ascii ? Buffer.from(generated.replace(/[^\0-\x7f]/g, '?'), 'latin1').toString('latin1') : generated;
const mb = Buffer.byteLength(text) / 1e6;

/** CPU milliseconds (user + system, all threads) of one call. */
function cpuMs(run) {
  globalThis.gc?.();
  const before = cpuUsage();
  run(text);
  const used = cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const times = new Map(scanners.map(([name]) => [name, []]));
for (const [, run] of scanners) cpuMs(run);
for (let r = 0; r < runs; r++) {
  for (const [name, run] of r % 2 === 0 ? scanners : [...scanners].reverse()) times.get(name).push(cpuMs(run));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`scan benchmark: ${items} items, ${mb.toFixed(2)} MB, seed ${seed}${eol === '\r\n' ? ', CRLF' : ''}${ascii ? ', ASCII' : ''}, ${runs} runs each, Node ${process.version}${globalThis.gc ? '' : ' (no --expose-gc)'}`);
for (const [name] of scanners) {
  const ms = median(times.get(name));
  console.log(`${name.padEnd(10)} ${ms.toFixed(1).padStart(7)} ms CPU ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s   (min ${Math.min(...times.get(name)).toFixed(1)}, max ${Math.max(...times.get(name)).toFixed(1)})`);
}
if (baselinePath) console.log(`speed-up: ${(median(times.get('baseline')) / median(times.get('candidate'))).toFixed(2)}×`);
