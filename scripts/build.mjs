// Builds with esbuild. Type checking is separate: `npm run typecheck`.
//   node scripts/build.mjs               dist/extension.js + dist/cli.js (bundled, CommonJS, `vscode` external)
//   node scripts/build.mjs --production  the same, minified, no source maps (used by `npm run package`)
//   node scripts/build.mjs --watch       rebuild on change
//   node scripts/build.mjs --tests       also transpile src/, test/ and bench/ one file each into out/ (for mocha)
//   node scripts/build.mjs --outdir=DIR  the bundles go to DIR instead of dist/ (the benchmark builds a copy)
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';
const define = { __MCP_DEVTOOLS_VERSION__: JSON.stringify(version) };

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD main hides its requires from esbuild; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define,
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: join(outdir, 'extension.js') },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];

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
