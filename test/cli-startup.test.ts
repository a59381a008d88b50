// What the built CLI loads to start: every file the process reads as a module (ES modules through
// a loader hook, CommonJS from require's cache) is logged, and the test holds the start to the
// bundle npm run build makes (scripts/bundle-commands.mjs). A command that only declares itself
// must not pull in the engine, the services, the server or a package; a read command loads its
// one run module besides. Counting files, not milliseconds, keeps the test steady on a busy machine.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const fixtures = join(root, 'test', 'fixtures', 'cli');
/** The start: the bundled entry and the modules every bundle shares. */
const START = ['dist/cli/exit.js', 'dist/cli/main.js', 'dist/cli/output.js', 'dist/errors.js'];

const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(log, url + '\\n');
  return nextLoad(url, context);
}
`;
const REGISTER = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
const log = process.env.STARTUP_LOAD_LOG;
register(new URL('./hooks.mjs', import.meta.url), { data: { log } });
process.on('exit', () => {
  for (const file of Object.keys(createRequire(import.meta.url).cache)) appendFileSync(log, pathToFileURL(file).href + '\\n');
});
`;

let scratch: string;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('The CLI is not built (dist/cli/main.js): run npm run build first.');
  scratch = mkdtempSync(join(tmpdir(), 'scrumdown-startup-'));
  writeFileSync(join(scratch, 'hooks.mjs'), HOOKS);
  writeFileSync(join(scratch, 'register.mjs'), REGISTER);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let runs = 0;

/** Runs the CLI and returns the project files it loaded, relative to the project, sorted. */
function loaded(args: string[], cwd = fixtures): { code: number | null; stderr: string; files: string[] } {
  const log = join(scratch, `loaded-${++runs}.txt`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', join(scratch, 'register.mjs'), cli, ...args], {
    cwd,
    // Only this test's hook: a preload from the environment would load files of its own.
    env: { ...process.env, NODE_OPTIONS: undefined, STARTUP_LOAD_LOG: log, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const files = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const path = relative(root, fileURLToPath(url));
    if (!path.startsWith('..')) files.add(path.split('\\').join('/'));
  }
  return { code: result.status, stderr: result.stderr, files: [...files].sort() };
}

describe('CLI start-up', () => {
  it('is bundled: main.js holds the commands and commander', () => {
    const main = readFileSync(cli, 'utf8');
    expect(main.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(main.split('\n')[1], 'dist/cli/main.js is not bundled: npm run build bundles it (with esbuild)').toBe('// Joined by scripts/bundle-commands.mjs from the modules tsc compiled.');
    expect(main).not.toMatch(/from ["']commander["']/);
    expect(main).not.toMatch(/from ["']\.\/commands\//);
  });

  it('--version and --help load the bundled entry and the shared modules only', () => {
    for (const args of [['--version'], ['--help'], ['serve', '--help'], ['mcp', '--help']]) {
      const run = loaded(args);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.files, args.join(' ')).toEqual(START);
    }
  });

  it('an error on the command line loads nothing more', () => {
    const run = loaded(['stauts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'stauts'");
    expect(run.files).toEqual(START);
  });

  it('each read command loads its run module besides, with the engine and services inside it', () => {
    const work = mkdtempSync(join(scratch, 'plans-'));
    for (const name of ['tracker.md', 'sprints.md']) copyFileSync(join(fixtures, name), join(work, name));
    const commands: Array<[string, string[]]> = [
      ['status', ['status', 'tracker.md']],
      ['items', ['items', 'tracker.md', '--json']],
      ['show', ['show', 'tracker.md', 'TASK-101']],
      ['next', ['next', 'tracker.md']],
      ['graph', ['graph', 'tracker.md']],
      ['lint', ['lint', 'tracker.md']],
      ['set', ['set', 'tracker.md', 'TASK-101', 'done']],
      ['sprint', ['sprint', 'sprints.md', '--seed', '1']],
    ];
    for (const [name, args] of commands) {
      const run = loaded(args, work);
      expect(run.stderr, name).toBe('');
      expect(run.code, name).toBeLessThanOrEqual(1);
      const extra = run.files.filter((file) => !START.includes(file));
      expect(extra, name).toContain(`dist/cli/commands/${name}/run.js`);
      // lint also reads the package version for SARIF (version.js finds package.json from its folder).
      expect(extra.filter((file) => file !== 'dist/cli/version.js'), name).toEqual([`dist/cli/commands/${name}/run.js`]);
    }
  });
});
