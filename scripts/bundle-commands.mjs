// After `tsc`, joins the CLI's start and the commands that read plans into a few files, in place.
// Node's ES module loader costs a couple of milliseconds per file at start: unbundled, `scrumdown
// --version` loads about forty modules and `scrumdown items` about sixty.
//
// - dist/cli/main.js takes in every command's declaration module (commands/*/index.js), the
//   helpers they use and commander, so the CLI starts from one file plus the shared ones.
// - The run module of each read command (status, items, ...) takes in the engine and services it
//   uses, so running the command loads one more file.
//
// Three kinds of import stay imports of the compiled file: `import()`, so that what a command
// needs still loads only when it runs; the shared modules below, whose identity matters
// (ScrumdownError for instanceof, the CLI's output and exit helpers) and which must exist once
// per process; and modules of another folder that use import.meta (the package version read
// from ../../package.json), whose paths would be wrong from the bundle's folder. When esbuild
// is missing or fails, the compiled files are left as they are: the CLI works the same, only
// its start is slower.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const SHARED = new Set(['errors.js', 'cli/output.js', 'cli/exit.js'].map((path) => resolve(dist, path)));
const READ_COMMANDS = ['status', 'items', 'show', 'next', 'graph', 'lint', 'set', 'sprint'];
/** The first line of every bundle (after main's #!), so that running this again skips it. */
const MARK = '// Joined by scripts/bundle-commands.mjs from the modules tsc compiled.';
const BUNDLES = [
  // commander is CommonJS: inlined, its require() of node's modules needs a real require.
  {
    entry: 'cli/main.js',
    packages: ['commander'],
    banner: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  ...READ_COMMANDS.map((name) => ({ entry: `cli/commands/${name}/run.js`, packages: [] })),
];

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('bundle-commands: esbuild is not installed; the CLI runs from the unbundled build.');
  process.exit(0);
}

function usesImportMeta(file) {
  try {
    return /\bimport\.meta\b/.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether an import of `target` must stay an import of the compiled file in a bundle in `outDir`. */
function staysImport(kind, target, outDir) {
  if (kind === 'entry-point') return false;
  return kind === 'dynamic-import' || SHARED.has(target) || (dirname(target) !== outDir && usesImportMeta(target));
}

/**
 * Keeps the imports staysImport names as imports, re-pointed from the output's folder, and the
 * imports of every package but the ones named: a package that a declaration module comes to
 * import is then loaded at start, where test/cli-startup.test.ts sees it, not hidden in main.js.
 */
function keepImports(outDir, packages) {
  return {
    name: 'keep-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        // Node's own modules are left to esbuild, which drops the ones nothing uses.
        if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return packages.includes(name) ? undefined : { path: args.path, external: true };
      });
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (!staysImport(args.kind, target, outDir)) return undefined;
        let path = relative(outDir, target).split(sep).join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

async function bundle({ entry, packages, banner }) {
  const file = resolve(dist, entry);
  // Bundling a bundle would declare main's require twice.
  if ((await readFile(file, 'utf8')).slice(0, 200).includes(MARK)) return;
  const result = await esbuild.build({
    entryPoints: [file],
    outfile: file,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: banner === undefined ? MARK : `${MARK}\n${banner}` },
    // Chains tsc's maps, so a stack trace (node --enable-source-maps) still names the .ts sources.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [keepImports(dirname(file), packages)],
  });
  // The code and its map, each replaced whole: a stopped build leaves files that run.
  for (const output of result.outputFiles) {
    const temporary = `${output.path}.bundle-${process.pid}`;
    try {
      await writeFile(temporary, output.contents);
      await rename(temporary, output.path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

for (const target of BUNDLES) {
  try {
    await bundle(target);
  } catch (error) {
    console.warn(`bundle-commands: left ${target.entry} unbundled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}
// A failed bundle is not a failed build: the unbundled modules work.
