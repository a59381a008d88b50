// The container recipe (deploy/Dockerfile, .dockerignore, deploy/healthcheck.mjs): linted, and
// checked for what the image promises. No Docker engine runs here, so the runtime stage is
// simulated: the compiled program is run against only the production dependencies, which is
// what `npm prune --omit=dev` leaves for the runtime stage to copy.

import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run as dockerfilelint } from 'dockerfilelint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/config.js';
import { dockerignoreMatcher, execForm, keyValues, parseDockerfile, shellWords, stagesOf, type Instruction } from './dockerfile-parse.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dockerfilePath = join(root, 'deploy', 'Dockerfile');
const dockerfileText = readFileSync(dockerfilePath, 'utf8');
const instructions = parseDockerfile(dockerfileText);
const stages = stagesOf(instructions);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  engines: { node: string };
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

function stageNamed(name: string) {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`deploy/Dockerfile has no stage named ${name}`);
  return stage;
}
const build = stageNamed('build');
const runtime = stageNamed('runtime');

function all(list: Instruction[], keyword: string): Instruction[] {
  return list.filter((instruction) => instruction.keyword === keyword);
}
function last(list: Instruction[], keyword: string): Instruction {
  const found = all(list, keyword);
  if (found.length === 0) throw new Error(`no ${keyword} instruction`);
  return found[found.length - 1];
}
function runtimeEnv(): Map<string, string> {
  const env = new Map<string, string>();
  for (const instruction of all(runtime.instructions, 'ENV')) {
    for (const [key, value] of keyValues(instruction.args)) env.set(key, value);
  }
  return env;
}

describe('deploy/Dockerfile: lint', () => {
  it('passes dockerfilelint with no findings', () => {
    const findings = dockerfilelint(join(root, 'deploy'), dockerfileText);
    expect(findings.map((finding) => `line ${finding.line}: ${finding.title}`)).toEqual([]);
  });

  it('dockerfilelint does flag a recipe with the usual mistakes (the check is live)', () => {
    const bad = 'FROM node:latest\nRUN apt-get install python3\nADD . /app\nCMD node app.js\n';
    const rules = dockerfilelint(join(root, 'deploy'), bad).map((finding) => finding.rule);
    expect(rules).toContain('latest_tag');
    expect(rules).toContain('apt-get_missing_param');
  });
});

describe('deploy/Dockerfile: stages and base images', () => {
  it('has exactly a build stage and a runtime stage, the runtime one last', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
  });

  it('pins every base image to a Node 20 minor release of the slim Debian image, never latest', () => {
    const minimumMinor = Number(/^>=20\.(\d+)/.exec(manifest.engines.node)?.[1]);
    for (const stage of stages) {
      const match = /^node:20\.(\d+)-bookworm-slim$/.exec(stage.image);
      expect(match, `${stage.name} uses ${stage.image}`).not.toBeNull();
      expect(Number(match?.[1])).toBeGreaterThanOrEqual(minimumMinor);
      expect(stage.image).not.toMatch(/latest/);
    }
  });

  it('builds and runs on the same base, so the natively compiled better-sqlite3 fits the runtime', () => {
    expect(build.image).toBe(runtime.image);
    expect(keyValues(last(runtime.instructions, 'LABEL').args).get('org.opencontainers.image.base.name')).toBe(`docker.io/library/${runtime.image}`);
  });

  it('build stage: a C++ tool chain, every dependency from the lock file, the compile, then a prune to production dependencies', () => {
    const runs = all(build.instructions, 'RUN').map((instruction) => instruction.args);
    const toolchain = runs.find((args) => args.includes('apt-get install'));
    expect(toolchain).toBeDefined();
    for (const tool of ['python3', 'make', 'g++']) expect(shellWords(toolchain ?? '')).toContain(tool);
    const joined = runs.join(' && ');
    const install = joined.search(/npm (install|ci)\b/);
    const compile = joined.indexOf('npm run build');
    const prune = joined.indexOf('npm prune --omit=dev');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(compile).toBeGreaterThan(install);
    expect(prune).toBeGreaterThan(compile);
    // The install sees the lock file: it is copied before the install runs.
    const copyLock = build.instructions.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args.includes('package-lock.json'));
    const installAt = build.instructions.findIndex((instruction) => instruction.keyword === 'RUN' && /npm (install|ci)\b/.test(instruction.args));
    expect(copyLock).toBeGreaterThanOrEqual(0);
    expect(copyLock).toBeLessThan(installAt);
  });

  it('build stage: every file `npm run build` uses is copied in before it runs', () => {
    // Files named in the build script, and the compiler settings they extend.
    const named = [...(manifest.scripts.build.matchAll(/[\w./-]+\.(?:mjs|cjs|js|json)\b/g) ?? [])].map((match) => match[0]);
    const needed = new Set(named);
    for (const file of named.filter((path) => path.endsWith('.json'))) {
      const extended = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { extends?: string }).extends;
      if (extended) needed.add(extended.replace(/^\.\//, ''));
    }
    expect(needed).toContain('tsconfig.build.json');
    const buildAt = build.instructions.findIndex((instruction) => instruction.keyword === 'RUN' && instruction.args.includes('npm run build'));
    const copiedBefore = build.instructions
      .slice(0, buildAt)
      .filter((instruction) => instruction.keyword === 'COPY')
      .flatMap((instruction) => shellWords(instruction.args).slice(0, -1));
    for (const file of needed) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(copiedBefore.some((source) => source === file || file.startsWith(`${source.replace(/\/$/, '')}/`)), `${file} is not copied before the build`).toBe(true);
    }
  });

  it('runtime stage: installs nothing from npm and copies the pruned node_modules and the compiled program from the build stage', () => {
    const runs = all(runtime.instructions, 'RUN').map((instruction) => instruction.args);
    expect(runs.some((args) => /\bnpm\b|\bnpx\b/.test(args))).toBe(false);
    const fromBuild = all(runtime.instructions, 'COPY')
      .map((instruction) => shellWords(instruction.args))
      .filter((words) => words.includes('--from=build'))
      .map((words) => words.filter((word) => !word.startsWith('--'))[0]);
    expect(fromBuild).toEqual(expect.arrayContaining(['/app/node_modules', '/app/dist', '/app/package.json']));
    // From the context only the package's other shipped files and the health check script: no
    // sources, no dev tooling.
    const fromContext = all(runtime.instructions, 'COPY')
      .map((instruction) => shellWords(instruction.args))
      .filter((words) => !words.some((word) => word.startsWith('--from=')))
      .map((words) => words[0]);
    expect(fromContext).toEqual(['examples', 'deploy/healthcheck.mjs']);
    // Everything package.json ships, but the README, is in the image.
    const shipped = manifest.files.filter((path) => path !== 'README.md');
    expect(shipped.filter((path) => !fromBuild.includes(`/app/${path}`) && !fromContext.includes(path))).toEqual([]);
  });
});

describe('deploy/Dockerfile: what the running container promises', () => {
  it('runs as a numeric non-root user created in the image, from before the program starts', () => {
    const user = last(runtime.instructions, 'USER');
    const match = /^(\d+)(?::(\d+))?$/.exec(user.args);
    expect(match, `USER ${user.args} should be numeric so runAsNonRoot can verify it`).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThan(0);
    expect(Number(match?.[2] ?? 1)).toBeGreaterThan(0);
    const userAt = runtime.instructions.indexOf(user);
    const entrypointAt = runtime.instructions.indexOf(last(runtime.instructions, 'ENTRYPOINT'));
    expect(userAt).toBeLessThan(entrypointAt);
    // Nothing after USER switches back or runs commands as that user.
    expect(runtime.instructions.slice(userAt + 1).map((instruction) => instruction.keyword)).not.toContain('RUN');
    const setup = all(runtime.instructions, 'RUN').map((instruction) => instruction.args).join(' ');
    expect(setup).toContain(`--uid ${match?.[1]}`);
    expect(setup).toContain(`--gid ${match?.[2] ?? match?.[1]}`);
  });

  it('declares /data as the one volume, owned by that user, and keeps the SQLite database in it', () => {
    const volumes = all(runtime.instructions, 'VOLUME');
    expect(volumes).toHaveLength(1);
    expect(execForm(volumes[0].args)).toEqual(['/data']);
    const setup = all(runtime.instructions, 'RUN').map((instruction) => instruction.args).join(' ');
    expect(setup).toMatch(/chown [^&]*\/data/);
    // /data is the only folder handed to the user: nothing else in the image is writable by it.
    const chowned = [...setup.matchAll(/chown(?: -R)? \S+ (\S+)/g)].map((match) => match[1]);
    expect(chowned).toEqual(['/data']);
    expect(runtimeEnv().get('SCRUMDOWN_DATABASE_URL')).toBe('sqlite:/data/scrumdown.db');
  });

  it('its settings pass the server’s own check without any secret: embedded mode, secret generated into /data', () => {
    const env = Object.fromEntries(runtimeEnv());
    expect(env.NODE_ENV).toBeUndefined();
    const checked = checkConfig({ host: '0.0.0.0' }, env);
    expect(checked.production).toBe(false);
    expect(checked.database).toEqual({ dialect: 'sqlite', target: '/data/scrumdown.db' });
    expect(checked.port).toBe(8080);
  });

  it('exposes the port the server listens on', () => {
    const exposed = all(runtime.instructions, 'EXPOSE').flatMap((instruction) => instruction.args.split(/\s+/));
    expect(exposed).toEqual(['8080']);
    expect(runtimeEnv().get('SCRUMDOWN_PORT')).toBe('8080');
  });

  it('starts `scrumdown serve --host 0.0.0.0` under tini, with the package’s own bin file', () => {
    const entrypoint = execForm(last(runtime.instructions, 'ENTRYPOINT').args);
    const command = execForm(last(runtime.instructions, 'CMD').args);
    expect(entrypoint).toEqual(['/usr/bin/tini', '--', 'node', `/app/${manifest.bin.scrumdown.replace(/^\.\//, '')}`]);
    expect(command).toEqual(['serve', '--host', '0.0.0.0']);
    expect(runtimeEnv().get('SCRUMDOWN_HOST')).toBe('0.0.0.0');
  });

  it('checks its health with node against /healthz (the slim image has no curl)', () => {
    const healthcheck = all(runtime.instructions, 'HEALTHCHECK');
    expect(healthcheck).toHaveLength(1);
    const [options, command] = healthcheck[0].args.split(/\s+CMD\s+/);
    expect(options).toMatch(/--interval=\d+s/);
    expect(options).toMatch(/--timeout=\d+s/);
    expect(options).toMatch(/--retries=\d+/);
    expect(execForm(command)).toEqual(['node', '/app/deploy/healthcheck.mjs']);
    expect(readFileSync(join(root, 'deploy', 'healthcheck.mjs'), 'utf8')).toContain('/healthz');
  });

  it('carries the OCI labels, with the package’s version and licence', () => {
    const labels = keyValues(last(runtime.instructions, 'LABEL').args);
    for (const key of ['title', 'description', 'version', 'revision', 'created', 'licenses']) {
      expect(labels.has(`org.opencontainers.image.${key}`), key).toBe(true);
    }
    expect(labels.get('org.opencontainers.image.title')).toBe('scrumdown');
    expect(labels.get('org.opencontainers.image.licenses')).toBe(manifest.license);
    expect(labels.get('org.opencontainers.image.version')).toBe('${VERSION}');
    const args = new Map(all(runtime.instructions, 'ARG').flatMap((instruction) => [...keyValues(instruction.args)]));
    expect(args.get('VERSION')).toBe(manifest.version);
  });
});

describe('.dockerignore', () => {
  const ignored = dockerignoreMatcher(readFileSync(join(root, '.dockerignore'), 'utf8'));
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((path) => path !== '' && existsSync(join(root, path)));
  const context = tracked.filter((path) => !ignored(path));

  it('the matcher follows Docker’s rules (last match wins, ! re-includes, folders cover their files)', () => {
    const matcher = dockerignoreMatcher('*\n!src/**\nsrc/**/*.test.ts\n!keep.md\n');
    expect(matcher('README.md')).toBe(true);
    expect(matcher('keep.md')).toBe(false);
    expect(matcher('src/engine/scan.ts')).toBe(false);
    expect(matcher('src/engine/scan.test.ts')).toBe(true);
    expect(matcher('node_modules/zod/index.js')).toBe(true);
    expect(dockerignoreMatcher('node_modules\n')('node_modules/zod/index.js')).toBe(true);
  });

  it('keeps out installed packages, build output, git data, tests, secrets and local databases', () => {
    for (const path of ['node_modules/zod/package.json', 'dist/cli/main.js', '.git/HEAD', '.env', 'test/cli.test.ts', 'scrumdown.db', 'src/engine/scan.test.ts', 'deploy/compose.yaml', 'test-results/vitest.json']) {
      expect(ignored(path), path).toBe(true);
    }
    expect(context.filter((path) => /(^|\/)(node_modules|dist|test|bench)\//.test(path) || /\.test\.ts$/.test(path))).toEqual([]);
  });

  it('sends everything the build stage compiles and every file the recipe copies from the context', () => {
    const sources = tracked.filter((path) => path.startsWith('src/') && path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('/testing.ts'));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((path) => ignored(path))).toEqual([]);
    const copied = stages
      .flatMap((stage) => all(stage.instructions, 'COPY'))
      .map((instruction) => shellWords(instruction.args))
      .filter((words) => !words.some((word) => word.startsWith('--from=')))
      .flatMap((words) => words.slice(0, -1));
    expect(copied.length).toBeGreaterThan(3);
    for (const source of copied) {
      const inContext = context.some((path) => path === source || path.startsWith(`${source.replace(/\/$/, '')}/`));
      expect(inContext, `${source} is copied but not in the build context`).toBe(true);
    }
  });
});

describe('deploy/healthcheck.mjs', () => {
  let server: Server;
  let port = 0;
  let answer: { status: number; delayMs: number } = { status: 200, delayMs: 0 };
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      setTimeout(() => response.writeHead(answer.status).end(), answer.delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function check(env: Record<string, string>): Promise<number> {
    return new Promise((resolve) => {
      execFile(process.execPath, [join(root, 'deploy', 'healthcheck.mjs')], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 }, (error) => {
        resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0);
      });
    });
  }

  it('exits 0 when /healthz answers 200, on the port from SCRUMDOWN_PORT', async () => {
    answer = { status: 200, delayMs: 0 };
    requested.length = 0;
    expect(await check({ SCRUMDOWN_PORT: String(port) })).toBe(0);
    expect(requested).toEqual(['/healthz']);
  });

  it('exits 1 when /healthz answers 503', async () => {
    answer = { status: 503, delayMs: 0 };
    expect(await check({ SCRUMDOWN_PORT: String(port) })).toBe(1);
  });

  it('exits 1 when the answer takes longer than the time limit', async () => {
    answer = { status: 200, delayMs: 10_000 };
    const started = Date.now();
    expect(await check({ SCRUMDOWN_PORT: String(port), HEALTHCHECK_TIMEOUT_MS: '300' })).toBe(1);
    // Well before the answer would come, with room for a slow process start on a busy machine.
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('exits 1 when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const closedPort = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await check({ SCRUMDOWN_PORT: String(closedPort) })).toBe(1);
  });
});

// The runtime stage gets node_modules after `npm prune --omit=dev`: exactly the lock file's
// packages not marked dev. The compiled program must need nothing else.
describe('runtime stage simulated: the compiled program with production dependencies only', () => {
  const distRoot = join(root, 'dist');
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const production = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !path.slice('node_modules/'.length).includes('/node_modules/') && entry.dev !== true)
    .map(([path]) => path.slice('node_modules/'.length))
    // Other platforms' optional builds (argon2 for macOS, …) are in the lock file but not installed.
    .filter((name) => existsSync(join(root, 'node_modules', name)));

  function distFiles(): string[] {
    const files: string[] = [];
    const pending = [distRoot];
    while (pending.length > 0) {
      const folder = pending.pop() as string;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) pending.push(path);
        else if (entry.name.endsWith('.js') && !entry.name.endsWith('.test.js')) files.push(path);
      }
    }
    return files;
  }

  function packageOf(specifier: string): string {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  }

  // Statement-level imports and re-exports as tsc writes them, and dynamic import() calls.
  function bareImports(): Map<string, string[]> {
    const builtins = new Set(builtinModules);
    const found = new Map<string, string[]>();
    for (const file of distFiles()) {
      const code = readFileSync(file, 'utf8');
      const specifiers = [
        ...[...code.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]),
        ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]),
        ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]),
      ];
      for (const specifier of specifiers) {
        if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const users = found.get(specifier) ?? [];
        users.push(relative(root, file));
        found.set(specifier, users);
      }
    }
    return found;
  }

  it('the build output exists (npm test builds first), and the CLI can run as `scrumdown` from the PATH link', () => {
    expect(existsSync(join(distRoot, 'cli', 'main.js'))).toBe(true);
    // /usr/local/bin/scrumdown links to it: only the interpreter line makes that runnable.
    expect(readFileSync(join(distRoot, 'cli', 'main.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const setup = all(runtime.instructions, 'RUN').map((instruction) => instruction.args).join(' ');
    expect(setup).toContain(`ln -s /app/${manifest.bin.scrumdown.replace(/^\.\//, '')} /usr/local/bin/scrumdown`);
    const buildRuns = all(build.instructions, 'RUN').map((instruction) => instruction.args).join(' ');
    expect(buildRuns).toContain(`chmod 0755 ${manifest.bin.scrumdown.replace(/^\.\//, '')}`);
  });

  it('every package the compiled program imports is a production dependency in package.json', () => {
    const imports = bareImports();
    expect(imports.size).toBeGreaterThan(0);
    const missing = [...imports].filter(([specifier]) => !(packageOf(specifier) in manifest.dependencies)).map(([specifier, users]) => `${specifier} (${users[0]})`);
    expect(missing).toEqual([]);
    for (const name of Object.keys(manifest.dependencies)) expect(production, name).toContain(name);
  });

  it('the CLI starts, every imported package loads (better-sqlite3 opens a database), and the server serves its demo, from a production-only node_modules', async () => {
    const work = mkdtempSync(join(tmpdir(), 'deploy-runtime-'));
    try {
      cpSync(join(root, 'package.json'), join(work, 'package.json'));
      cpSync(distRoot, join(work, 'dist'), { recursive: true });
      cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
      for (const name of production) {
        const target = join(work, 'node_modules', name);
        mkdirSync(dirname(target), { recursive: true });
        symlinkSync(join(root, 'node_modules', name), target, 'dir');
      }
      const specifiers = [...bareImports().keys()];
      writeFileSync(
        join(work, 'dist', 'load-dependencies.mjs'),
        `for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);\n` +
          `const { default: Database } = await import('better-sqlite3');\n` +
          `const db = new Database(':memory:');\n` +
          `console.log(db.prepare('select 40 + 2 as answer').get().answer);\n`,
      );
      const run = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile(process.execPath, args, { cwd: work, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
          });
        });
      const help = await run(['dist/cli/main.js', '--help']);
      expect(help.stderr).toBe('');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: scrumdown');
      const loaded = await run(['dist/load-dependencies.mjs']);
      expect(loaded.stderr).toBe('');
      expect(loaded.stdout.trim()).toBe('42');
      // The dev-only packages really are absent from this tree.
      const dev = await run(['--input-type=module', '-e', "await import('vitest')"]);
      expect(dev.code).not.toBe(0);
      // And the server itself runs from it, with the demo data the image ships.
      const server = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', '0', '--db', 'sqlite::memory:', '--demo'], {
        cwd: work,
        env: { PATH: process.env.PATH ?? '', SCRUMDOWN_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let stderr = '';
          const timer = setTimeout(() => reject(new Error(`no start within 30 s: ${stderr}`)), 30_000);
          server.stderr?.on('data', (chunk: Buffer) => {
            stderr += chunk.toString('utf8');
            const match = /is serving (http:\/\/\S+)/.exec(stderr);
            if (match && stderr.includes('demo sign-in')) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
          server.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
        });
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
      } finally {
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((resolve) => server.once('exit', resolve));
          server.kill('SIGTERM');
          await exited;
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
