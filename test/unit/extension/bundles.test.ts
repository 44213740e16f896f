/**
 * What the activation bundle holds (scripts/bundles.mjs, built in memory with esbuild's metafile):
 * the parts loaded on first use (src/core/lazy.ts: the connection layer with the MCP SDK, zod and
 * ws; forms with Ajv; the linter; the config readers; the `yaml` package) stay out of
 * dist/extension.js, which keeps within its size budget; and the package (.vscodeignore, read by vsce itself) ships every bundle.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../../..');
/** Issue 9's budget for dist/extension.js, minified (KB = 1,000 bytes). */
const ACTIVATION_BUNDLE_MAX_BYTES = 350_000;

interface Bundles {
  bundles(opts: { outdir: string; production: boolean }): BuildOptions[];
  LAZY: string[];
}

const load = async (): Promise<Bundles> => import(pathToFileURL(path.join(ROOT, 'scripts/bundles.mjs')).href);

/** The production bundle with this entry point, built in memory: its size and what went into it. */
async function build(entry: string): Promise<{ bytes: number; inputs: string[]; externals: string[] }> {
  const esbuild = await import('esbuild');
  const { bundles } = await load();
  const options = bundles({ outdir: path.join(ROOT, 'dist'), production: true }).find((b) => (b.entryPoints as string[])[0] === entry);
  assert.ok(options, `a bundle with the entry point ${entry}`);
  const result = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const [output] = Object.values((result.metafile as Metafile).outputs);
  return {
    bytes: output.bytes,
    inputs: Object.keys(output.inputs).map((f) => f.split(path.sep).join('/')),
    externals: output.imports.filter((i) => i.external && i.path.startsWith('.')).map((i) => i.path),
  };
}

/** The inputs from a package (`node_modules/<name>/`) or from a folder or file of ours. */
const from = (inputs: string[], ...parts: string[]) => inputs.filter((f) => parts.some((p) => (p.startsWith('src/') ? f.startsWith(p) : f.includes(`node_modules/${p}/`))));

describe('bundles: what loads at activation', function () {
  // esbuild keeps its service process alive after a build: stop it, or the next suite that checks
  // for processes left behind (assertNoChildren) finds it
  after(async () => (await import('esbuild')).stop());
  this.timeout(120000);

  it('dist/extension.js holds none of the parts loaded on first use, and fits its budget', async () => {
    const { bytes, inputs } = await build('src/extension.ts');
    // not one dependency: the SDK, zod, ws, Ajv, yaml, jsonc-parser, smol-toml, which all load on first use
    assert.deepEqual(inputs.filter((f) => f.includes('node_modules/')), [], 'packages loaded at activation');
    assert.deepEqual(from(inputs, 'src/core/lint/', 'src/core/connection/registry.ts', 'src/core/connection/connect.ts', 'src/core/forms/driver.ts', 'src/core/forms/plan.ts', 'src/core/results/render.ts', 'src/core/config/jsonReader.ts', 'src/core/config/tomlReader.ts'), [], 'core modules loaded at activation');
    assert.ok(inputs.includes('src/core/lazy.ts'), 'the lazy loader is in the activation bundle');
    assert.ok(bytes <= ACTIVATION_BUNDLE_MAX_BYTES, `dist/extension.js is ${bytes} bytes minified, over the ${ACTIVATION_BUNDLE_MAX_BYTES} budget`);
  });

  it('each lazy module is a bundle of its own that leaves the others external', async () => {
    const live = await build('src/core/live.ts');
    assert.ok(from(live.inputs, '@modelcontextprotocol/sdk').length, 'dist/live.js has the SDK');
    const linter = await build('src/core/linter.ts');
    assert.ok(from(linter.inputs, 'ajv').length, 'dist/linter.js has Ajv');
    for (const b of [live, linter]) assert.deepEqual(from(b.inputs, 'yaml'), [], 'the yaml package is left to dist/yaml.js');
    assert.deepEqual(from(linter.inputs, '@modelcontextprotocol/sdk'), [], 'the linter does not load the SDK');
  });

  it('the extension requires its lazy modules beside it; the CLI is one file', async () => {
    const { LAZY } = await load();
    // what the extension and its lazy modules require beside them: every lazy module, nothing else
    const required = new Set<string>();
    for (const entry of ['src/extension.ts', ...LAZY.map((n) => `src/core/${n}.ts`)]) for (const e of (await build(entry)).externals) required.add(e);
    assert.deepEqual([...required].sort(), LAZY.map((n) => `./${n}.js`).sort());
    const cli = await build('src/cli/main.ts');
    assert.deepEqual(cli.externals, [], 'dist/cli.js requires no file beside it');
    assert.ok(cli.inputs.includes('src/core/yaml.ts'), 'dist/cli.js bundles what it loads lazily');
  });

  it('each webview page script is a browser bundle of its own with its components; the extension holds none of it', async () => {
    const { WEBVIEWS } = (await load()) as Bundles & { WEBVIEWS: string[] };
    const extension = await build('src/extension.ts');
    for (const name of WEBVIEWS) {
      const page = await build(`src/webview/${name}.ts`);
      assert.ok(from(page.inputs, '@vscode-elements/elements').length, `dist/${name}.js has its @vscode-elements components`);
      assert.deepEqual(page.externals, [], `dist/${name}.js requires nothing beside it`);
      assert.ok(!extension.inputs.includes(`src/webview/${name}.ts`), `the activation bundle does not hold ${name}`);
    }
  });

  it('the package ships every bundle the extension loads (.vscodeignore, as vsce reads it)', async () => {
    const { bundles } = await load();
    // vsce lists only files that exist: the bundles as `npm run build` left them (the CLI tests need them too)
    const { listFiles, PackageManager } = await import('@vscode/vsce');
    const files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
    for (const b of bundles({ outdir: 'dist', production: true })) {
      const file = path.posix.join('dist', path.basename(b.outfile as string));
      assert.ok(files.includes(file), `${file} is in the package (.vscodeignore)`);
    }
  });
});
