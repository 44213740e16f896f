// Builds with esbuild. Type checking is separate: `npm run typecheck`.
//   node scripts/build.mjs               dist/extension.js, its lazy modules dist/{live,linter,readers,yaml}.js, and
//                                        dist/cli.js (bundled, CommonJS, `vscode` external; see bundles.mjs)
//   node scripts/build.mjs --production  the same, minified, no source maps (used by `npm run package`)
//   node scripts/build.mjs --watch       rebuild on change
//   node scripts/build.mjs --tests       also transpile src/, test/ and bench/ one file each into out/ (for mocha)
//   node scripts/build.mjs --outdir=DIR  the bundles go to DIR instead of dist/ (the benchmark builds a copy)
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundles, define } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

// the bundles' options are in bundles.mjs (a unit test checks what the activation bundle holds)
const builds = bundles({ outdir: resolve(outdir), production });

/** Every .ts file under `dir`, recursively. */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

// Tests are built into a fresh folder that then replaces out/ in one rename, so a test run that is
// reading out/ meanwhile (another terminal, a watcher) never sees it half-deleted.
const outTmp = `out.tmp-${process.pid}`;
if (tests) {
  rmSync(outTmp, { recursive: true, force: true });
  builds.push({
    entryPoints: [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('bench')],
    outdir: outTmp,
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    define,
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching …');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync(join(outdir, 'cli.js'), 0o755); // the `bin`: runnable as ./dist/cli.js and through its npm link
  if (tests) {
    const old = `out.old-${process.pid}`;
    try { renameSync('out', old); } catch { /* no out/ yet */ }
    renameSync(outTmp, 'out');
    rmSync(old, { recursive: true, force: true });
  }
}
