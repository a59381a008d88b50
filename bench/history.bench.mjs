// Plan-history benchmark: a repository holding a ~100 KB plan changed by 2,000 commits (made in
// one go with `git fast-import`), then `scrumdown history` timed cold (no cache: every revision
// parsed) and warm (the cache under .git/scrumdown/ from the cold run), against the targets
// (< 5 s cold, < 1 s cached).
//
//   npm run bench:history
//   node bench/history.bench.mjs --commits=2000 --kb=100 --warm-runs=5 --keep
//
// Each commit is what a team's plan sees day to day: a box ticked or unticked, an item started
// (`[-]`), now and then an item added or one removed. Dates advance an hour per commit from a
// fixed start and authors rotate, so the history is the same on every run. This reports; it
// asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRandom, generatePlan } from './generate-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const COMMITS = Number(args.get('commits') ?? 2000);
const TARGET_KB = Number(args.get('kb') ?? 100);
const WARM_RUNS = Number(args.get('warm-runs') ?? 5);
const COLD_RUNS = Number(args.get('cold-runs') ?? 1);
const SEED = Number(args.get('seed') ?? 20261122);
const KEEP = args.has('keep');
const TARGET_COLD_MS = 5000;
const TARGET_WARM_MS = 1000;

const home = mkdtempSync(join(tmpdir(), 'scrumdown-bench-history-'));
const repo = join(home, 'repo');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(home, 'no-gitconfig'),
  LANG: 'C',
  TZ: 'UTC',
  NO_COLOR: '1',
};

function git(...gitArgs) {
  const result = spawnSync('git', gitArgs, { cwd: repo, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${gitArgs.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A generated plan of about TARGET_KB kilobytes. */
function basePlan() {
  let items = Math.round(TARGET_KB * 7.5);
  let text = generatePlan({ items, seed: SEED });
  // One correction from the measured size gets within a few percent.
  items = Math.round((items * TARGET_KB * 1024) / Buffer.byteLength(text));
  text = generatePlan({ items, seed: SEED });
  return { text, items };
}

/** The revisions: each a small edit of the one before. */
function* revisions(text) {
  const random = createRandom(SEED + 1);
  const lines = text.split('\n');
  let added = 0;
  for (let n = 0; n < COMMITS; n++) {
    if (n > 0) {
      const roll = random();
      const boxes = [];
      for (let i = 0; i < lines.length; i++) if (/^\s*- \[[ xX-]\] /.test(lines[i])) boxes.push(i);
      const at = boxes[Math.floor(random() * boxes.length)];
      if (roll < 0.04 && at !== undefined) {
        // A new item right after an existing one, at the same depth.
        const indent = /^\s*/.exec(lines[at])[0];
        lines.splice(at + 1, 0, `${indent}- [ ] Follow-up task ${++added} for the rollout`);
      } else if (roll < 0.06 && at !== undefined && !/^\s+- /.test(lines[at + 1] ?? '')) {
        lines.splice(at, 1);
      } else if (at !== undefined) {
        const box = /- \[(.)\]/.exec(lines[at])[1];
        const next = box === ' ' ? (random() < 0.3 ? '-' : 'x') : box === '-' ? 'x' : ' ';
        lines[at] = lines[at].replace(/- \[.\]/, `- [${next}]`);
      }
    }
    yield lines.join('\n');
  }
}

const AUTHORS = [
  ['Ana Lima', 'ana@example.com'],
  ['Ben Okafor', 'ben@example.com'],
  ['Cem Aydin', 'cem@example.com'],
];

/** Writes every commit through one `git fast-import`. */
async function makeHistory(text) {
  git('init', '-q', '-b', 'main');
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const closed = new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`)))));
  const write = (chunk) => (child.stdin.write(chunk) ? Promise.resolve() : new Promise((resolve) => child.stdin.once('drain', resolve)));
  const start = Date.parse('2026-01-05T08:00:00Z') / 1000;
  let n = 0;
  for (const revision of revisions(text)) {
    const body = Buffer.from(revision);
    const [name, email] = AUTHORS[n % AUTHORS.length];
    const message = `Update the plan (${n + 1})`;
    const when = `${start + n * 3600} +0000`;
    await write(
      Buffer.concat([
        Buffer.from(`blob\nmark :${2 * n + 1}\ndata ${body.length}\n`),
        body,
        Buffer.from(
          `\ncommit refs/heads/main\nmark :${2 * n + 2}\nauthor ${name} <${email}> ${when}\ncommitter ${name} <${email}> ${when}\ndata ${Buffer.byteLength(message)}\n${message}\n` +
            (n > 0 ? `from :${2 * n}\n` : '') +
            `M 100644 :${2 * n + 1} plan.md\n\n`,
        ),
      ]),
    );
    n++;
  }
  await write('done\n');
  child.stdin.end();
  await closed;
  git('reset', '-q', '--hard', 'main');
}

/** `/usr/bin/time` gives the CPU time too, which a machine shared with other work does not inflate. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function timeHistory() {
  const command = [process.execPath, cli, 'history', 'plan.md'];
  const started = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', 'cpu %U %S', ...command], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
    : spawnSync(command[0], command.slice(1), { cwd: repo, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`scrumdown history failed (${result.status}): ${result.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, lines: result.stdout.split('\n').length };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

try {
  const { text, items } = basePlan();
  const made = Date.now();
  await (async () => {
    spawnSync('mkdir', [repo]);
    await makeHistory(text);
  })();
  const size = statSync(join(repo, 'plan.md')).size;
  console.log(
    `plan history benchmark: ${COMMITS} commits of a ${(size / 1024).toFixed(0)} KB plan (${items} generated items, seed ${SEED}); repository made in ${((Date.now() - made) / 1000).toFixed(1)} s`,
  );
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${git('--version').trim()}`);

  const cold = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    rmSync(join(repo, '.git', 'scrumdown'), { recursive: true, force: true });
    cold.push(timeHistory());
  }
  const warm = [];
  for (let run = 0; run < WARM_RUNS; run++) warm.push(timeHistory());
  const coldMs = median(cold.map((r) => r.ms));
  const warmMs = median(warm.map((r) => r.ms));
  const verdict = (ms, target) => (ms < target ? 'yes' : 'no');
  const coldCpu = median(cold.map((r) => r.cpuMs));
  const warmCpu = median(warm.map((r) => r.cpuMs));
  console.log('');
  console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (${cpus().length} CPUs)`);
  console.log('run                       median wall ms  median CPU ms  runs  target      met (wall)');
  console.log(`history, cold (no cache)  ${coldMs.toFixed(0).padStart(14)}  ${coldCpu.toFixed(0).padStart(13)}  ${String(COLD_RUNS).padStart(4)}  < ${TARGET_COLD_MS} ms  ${verdict(coldMs, TARGET_COLD_MS)}`);
  console.log(`history, warm (cached)    ${warmMs.toFixed(0).padStart(14)}  ${warmCpu.toFixed(0).padStart(13)}  ${String(WARM_RUNS).padStart(4)}  < ${TARGET_WARM_MS} ms  ${verdict(warmMs, TARGET_WARM_MS)}`);
  console.log(`cold / warm: ${(coldMs / warmMs).toFixed(1)}× wall, ${(coldCpu / warmCpu).toFixed(1)}× CPU; output ${warm[0].lines} lines; per commit cold ${(coldMs / COMMITS).toFixed(2)} ms wall`);
} finally {
  if (KEEP) console.log(`repository kept in ${repo}`);
  else rmSync(home, { recursive: true, force: true });
}
