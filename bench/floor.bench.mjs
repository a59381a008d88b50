// How far buildPlan is from the least a builder could do on this machine: the scanner followed
// by one small object per checkbox line and heading (no fields, references or ids), and the
// model's floor (an Item of the full model shape per checkbox line, with its id checked in a
// Map), beside buildPlan on the same generated text. Prints the speeds and their ratios.
// Run: npm run bench:floor [-- --items=100000 --seed=20261122]
import { argv } from 'node:process';
import { performance } from 'node:perf_hooks';
import { buildPlan } from '../dist/engine/build.js';
import { K, scan } from '../dist/engine/scan.js';
import { generatePlan } from './generate-plan.mjs';

const option = (name, fallback) => Number(argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const items = option('items', 100_000);
const seed = option('seed', 20261122);
const text = generatePlan({ items, seed });
const mb = Buffer.byteLength(text) / 1e6;

/** The floor: every checkbox line and heading becomes a minimal object, nothing more. */
function minimalBuild(source) {
  const lines = scan(source);
  const out = [];
  for (let i = 0; i < lines.count; i++) {
    const kind = lines.kind[i];
    if ((kind === K.list && lines.box[i] !== 0) || kind === K.heading) {
      out.push({
        id: `L${i + 1}`,
        title: source.slice(lines.textStart[i], lines.end[i]).trim(),
        kind: kind === K.heading ? 'story' : 'task',
        status: lines.box[i] === 120 || lines.box[i] === 88 ? 'done' : 'todo',
        line: i + 1,
        parent: lines.parent[i],
        children: [],
        deps: [],
        tags: [],
        fields: {},
      });
    }
  }
  return out;
}

const NONE = Object.freeze([]);
const NO_FIELDS = Object.freeze({});

/**
 * The model's floor: each checkbox line becomes an Item of the model's full shape, with its
 * title cleaned as buildPlan cleans it, a checkbox, an id derived from its parent or section and
 * checked for uniqueness in a Map by its upper-case key. No fields, dialects, references or
 * roll-ups: the least any builder producing the current model's objects must do.
 */
function modelFloor(source) {
  const lines = scan(source);
  const built = [];
  const taken = new Map();
  const itemAt = new Int32Array(lines.count).fill(-1);
  let section = 'plan';
  let n = 0;
  for (let i = 0; i < lines.count; i++) {
    const kind = lines.kind[i];
    if (kind === K.heading) {
      section = source.slice(lines.textStart[i], lines.end[i]).toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 32);
      continue;
    }
    if (kind !== K.list || lines.box[i] === 0) continue;
    const parent = lines.parent[i] >= 0 ? itemAt[lines.parent[i]] : -1;
    const raw = source.slice(lines.textStart[i], lines.end[i]);
    const title = !raw.includes('*') && !raw.includes('_') && !raw.includes('\t') && !raw.includes('  ') ? raw.trim() : raw.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
    const id = `${parent >= 0 ? built[parent].id : section}.${++n}`;
    const key = id.toUpperCase();
    if (taken.has(key)) continue;
    taken.set(key, built.length);
    itemAt[i] = built.length;
    const box = lines.box[i];
    built.push({
      id, aliases: NONE, title, kind: parent >= 0 ? 'subtask' : 'task', status: box === 120 || box === 88 ? 'done' : 'todo', statusSource: 'checkbox',
      checkbox: { char: String.fromCharCode(box), offset: lines.boxOffset[i], optional: false }, statusField: undefined,
      points: undefined, hours: undefined, priority: undefined, assignee: undefined, roles: NONE, tags: NONE, deps: NONE,
      parent: parent >= 0 ? built[parent].id : null, children: NONE, checklist: undefined, section, line: i + 1, endLine: i + 1,
      headerEnd: lines.end[i], dialect: 'checklist', fields: NO_FIELDS, hasAcceptance: false,
    });
  }
  return built;
}

function median(run, reps) {
  const times = [];
  for (let r = 0; r < reps + 1; r++) {
    globalThis.gc?.();
    const started = performance.now();
    run();
    if (r > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const reps = items >= 100_000 ? 3 : 7;
const scanMs = median(() => scan(text), reps);
const floorMs = median(() => minimalBuild(text), reps);
const modelMs = median(() => modelFloor(text), reps);
const buildMs = median(() => buildPlan(text), reps);
const row = (name, ms) => `${name.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s`;
console.log(`floor benchmark: ${items} items, ${mb.toFixed(2)} MB, seed ${seed}, Node ${process.version}, ${new Date().toISOString()}`);
console.log(row('scan', scanMs));
console.log(row('floor (scan + one object per item)', floorMs));
console.log(row('model floor (Item objects, ids)', modelMs));
console.log(row('buildPlan (scan + build)', buildMs));
console.log(`buildPlan / floor time: ${(buildMs / floorMs).toFixed(2)}×; buildPlan / model floor: ${(buildMs / modelMs).toFixed(2)}×; target 50 MB/s needs ${((mb / 50) * 1000).toFixed(0)} ms`);
