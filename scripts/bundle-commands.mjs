// After `tsc`, joins the run module of the commands that print large plans fast (`items`) with the
// engine and services it uses into one file, in place. Node's ES module loader costs a couple of
// milliseconds per file at start; `scrumdown items` loads one module instead of about twenty.
// Everything outside dist/engine and dist/services stays an import of the compiled file, so
// modules whose identity matters (ScrumdownError for instanceof, the CLI's output helpers) exist
// once per process. When esbuild is missing or fails, the compiled files are left as they are:
// the CLI works the same, only its start is slower.
import { rename, rm } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const BUNDLED = [resolve(dist, 'engine') + sep, resolve(dist, 'services') + sep];
const ENTRIES = ['cli/commands/items/run.js'];

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('bundle-commands: esbuild is not installed; the CLI runs from the unbundled build.');
  process.exit(0);
}

/** Keeps imports outside the bundled folders as imports, re-pointed from the output's folder. */
function keepOutside(outDir) {
  return {
    name: 'keep-outside',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (args.kind === 'entry-point' || BUNDLED.some((folder) => target.startsWith(folder))) return undefined;
        let path = relative(outDir, target).split(sep).join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

for (const entry of ENTRIES) {
  const file = resolve(dist, entry);
  const temporary = `${file}.bundle-${process.pid}.js`;
  try {
    await esbuild.build({
      entryPoints: [file],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      plugins: [keepOutside(dirname(file))],
    });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    console.warn(`bundle-commands: left ${entry} unbundled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}
// A failed bundle is not a failed build: the unbundled modules work.
