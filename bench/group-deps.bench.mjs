// Group dependencies at scale: N backlog items in 20 phases, each after the first phase waiting
// for "All previous phases". Expanded item by item that is about N²/2 "waits for" pairs; the
// engine keeps a group as one edge, so build, analysis and lint should grow linearly with N.
// Run: npm run bench:groups [-- --items=10000]
import { argv } from 'node:process';
import { performance } from 'node:perf_hooks';
import { buildPlan } from '../dist/engine/build.js';
import { indexPlan } from '../dist/engine/model.js';
import { analyzePlan } from '../dist/engine/analyze/index.js';
import { lintPlan } from '../dist/engine/lint/index.js';
import { showItem } from '../dist/services/show.js';

const option = (name, fallback) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const sizes = String(option('items', '2000,10000')).split(',').map(Number);

function phasedPlan(items) {
  const lines = ['# Rollout', ''];
  const perPhase = Math.ceil(items / 20);
  let k = 0;
  for (let p = 1; p <= 20; p++) {
    lines.push(`## Phase ${p}: Stage ${p}`, '');
    for (let j = 0; j < perPhase && k < items; j++) {
      k++;
      lines.push(`### OPS-${String(k).padStart(5, '0')}: Item ${k}`, `**Points:** 3 | **Status:** ${k <= 3 ? 'Done' : 'Todo'}`, '');
      lines.push(`**Dependencies:** ${p === 1 ? 'None' : 'All previous phases'}`, '');
    }
  }
  return lines.join('\n');
}

console.log(`group dependencies: 20 phases, every item after phase 1 waits for all previous phases; Node ${process.version}, ${new Date().toISOString()}`);
for (const items of sizes) {
  const text = phasedPlan(items);
  let started = performance.now();
  const plan = buildPlan(text);
  const index = indexPlan(plan);
  const build = performance.now() - started;
  started = performance.now();
  const analysis = analyzePlan(plan, { index, seed: 1 });
  const analyze = performance.now() - started;
  started = performance.now();
  lintPlan(plan, index);
  const lint = performance.now() - started;
  // The first item is the one most others wait for: its `show` lists them all.
  started = performance.now();
  const shown = showItem(plan, index, plan.items.find((item) => item.kind !== 'phase').id);
  const show = performance.now() - started;
  const last = analysis.graph.nodes[analysis.graph.nodes.length - 1];
  console.log(
    `${String(items).padStart(6)} items: build ${build.toFixed(0).padStart(5)} ms, analyse ${analyze.toFixed(0).padStart(6)} ms, lint ${lint.toFixed(0).padStart(5)} ms, show ${show.toFixed(0).padStart(5)} ms` +
      ` (ready ${analysis.graph.ready.length}, waves ${analysis.graph.waves.length}, ${last} waits for ${analysis.graph.edges.get(last)?.length ?? 0}, first next unblocks ${analysis.next[0]?.unblocks ?? 0}, shown item unblocks ${shown.critical.unblocks.length})`,
  );
}
