// The esbuild bundles the extension and the CLI ship, as options: scripts/build.mjs builds them,
// test/unit/extension/bundles.test.ts checks what the activation bundle holds.
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (entry points below are relative to it). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const define = { __MCP_DEVTOOLS_VERSION__: JSON.stringify(version) };

/**
 * The lazy modules of src/core/lazy.ts: in the extension each is a bundle of its own beside
 * dist/extension.js (dist/live.js, dist/linter.js, dist/readers.js, dist/yaml.js), loaded on first use by lazy.ts's
 * `require('./<name>.js')`, which {@link lazyModules} keeps external. The CLI has no such rule: it
 * bundles them like any other module.
 */
export const LAZY = ['live', 'linter', 'readers', 'yaml'];

/** The esbuild resolve rule that keeps lazy.ts's `require('./<lazy module>.js')` external. */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const loader = `${sep}src${sep}core${sep}lazy.ts`;
    build.onResolve({ filter: new RegExp(`^\\./(${LAZY.join('|')})\\.js$`) }, (args) => (args.importer.endsWith(loader) ? { path: args.path, external: true } : undefined));
  },
};

/**
 * Every bundle's esbuild options: dist/extension.js (loaded at activation), its lazy modules,
 * dist/cli.js, and the webview page scripts (WEBVIEWS, for a browser). CommonJS for node 20, `vscode` external; minified without source maps in production.
 * @param {{ outdir: string, production: boolean }} opts
 * @returns {import('esbuild').BuildOptions[]}
 */
export function bundles({ outdir, production }) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: ROOT,
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
  return [
    { ...common, entryPoints: ['src/extension.ts'], outfile: join(outdir, 'extension.js'), plugins: [lazyModules] },
    ...LAZY.map((name) => ({ ...common, entryPoints: [`src/core/${name}.ts`], outfile: join(outdir, `${name}.js`), plugins: [lazyModules] })),
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
    ...WEBVIEWS.map((name) => webviewBundle(name, { outdir, production })),
  ];
}

/**
 * The webview page scripts: each `src/webview/<name>.ts` becomes `dist/<name>.js`, one
 * browser file (IIFE, ES2022) with the @vscode-elements components it imports, loaded by its
 * panel's page from the extension's `dist/` folder (never by the extension host).
 */
export const WEBVIEWS = ['formView', 'protocolView'];

/** @returns {import('esbuild').BuildOptions} */
function webviewBundle(name, { outdir, production }) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [`src/webview/${name}.ts`],
    tsconfig: 'src/webview/tsconfig.json',
    outfile: join(outdir, `${name}.js`),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
}
