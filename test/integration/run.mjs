// Integration tests in a real VS Code extension host, launched through @vscode/test-electron's
// runTests. Where VS Code can be downloaded (MCP_DEVTOOLS_VSCODE=download) runTests does so as usual;
// otherwise (these machines) the harness's code-shim runs them in code-server's node extension host.
// Expects `npm run build` and `node scripts/build.mjs --tests` to have run (npm test does both).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { CACHE } from '../harness/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-ws-'));
// A home of its own: the tests see these user-scope configs, never the developer's real ones.
const home = path.join(work, 'home');
mkdirSync(path.join(home, '.cursor'), { recursive: true });
writeFileSync(path.join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { 'home-server': { command: 'node', args: ['server.js'] } } }, null, 2));

// MCP_DEVTOOLS_TEST_SUITES=reload,trusted: run only these suites (for working on one).
const only = process.env.MCP_DEVTOOLS_TEST_SUITES?.split(',').map((s) => s.trim());

/** One runTests run: a suite (its extensionTestsPath) on a fresh copy of the fixture workspace. */
async function suite(name, testsPath, extraArgs = [], env = {}) {
  if (only && !only.includes(name)) return 0;
  const ws = path.join(work, name);
  cpSync(path.join(root, 'test/fixtures/workspace'), ws, { recursive: true });
  console.log(`\n--- integration suite: ${name}`);
  try {
    await runTests({
      vscodeExecutablePath: process.env.MCP_DEVTOOLS_VSCODE === 'download' ? undefined : path.join(root, 'test/harness/code-shim.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, testsPath),
      launchArgs: [ws, '--disable-extensions', ...extraArgs],
      // HOME reaches the extension host through code-server (or Electron VS Code); the runtime cache stays the real one
      extensionTestsEnv: { MCP_DEVTOOLS_TEST_ROOT: root, HOME: home, MCP_DEVTOOLS_CACHE: CACHE, ...env },
    });
    return 0;
  } catch (e) {
    console.error(`integration suite ${name} failed: ${e.message}`);
    return 1;
  }
}

/**
 * The OAuth fixture (oidc-provider in front of an MCP server) for the reload suite: it must outlive
 * one extension host. @returns its base URL and a stop function
 */
async function startOidc() {
  const child = spawn(process.execPath, [path.join(root, 'test/fixtures/servers/oidc.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => reject(new Error(`oidc.mjs exited (${c})`)));
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

let code = 0;
let oidc;
try {
  // with a probe extension installed that reads vscode.lm.mcpServerDefinitions (a proposed API, which
  // the extension itself cannot declare and still be published) for bridge.test.ts; installed, not a
  // second extensionDevelopmentPath: VS Code for the web keeps one of those only
  const extensions = path.join(work, 'extensions');
  cpSync(path.join(root, 'test/fixtures/extensions/mcp-probe'), path.join(extensions, 'mcp-devtools-test.mcp-probe-0.0.1'), { recursive: true });
  code |= await suite('trusted', 'out/test/integration/index.js', [`--extensions-dir=${extensions}`]);
  // Restricted Mode: workspace trust stays on, and the copied folder is not trusted
  code |= await suite('restricted', 'out/test/integration/restricted/index.js', ['--enable-workspace-trust']);
  // Reload Window: signed in in one extension host, still signed in in the next (issue 11)
  if (!only || only.includes('reload')) oidc = await startOidc();
  code |= await suite('reload', 'out/test/integration/reload/index.js', ['--reload-phases=2'], { MCP_DEVTOOLS_OIDC_BASE: oidc?.base });
} finally {
  oidc?.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
