// Integration tests in a real VS Code extension host, launched through @vscode/test-electron's
// runTests. Where VS Code can be downloaded (MCP_DEVTOOLS_VSCODE=download) runTests does so as usual;
// otherwise (these machines) the harness's code-shim runs them in code-server's node extension host.
// Expects `npm run build` and `node scripts/build.mjs --tests` to have run (npm test does both).
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

/** One runTests run: a suite (its extensionTestsPath) on a fresh copy of the fixture workspace. */
async function suite(name, testsPath, extraArgs = []) {
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
      extensionTestsEnv: { MCP_DEVTOOLS_TEST_ROOT: root, HOME: home, MCP_DEVTOOLS_CACHE: CACHE },
    });
    return 0;
  } catch (e) {
    console.error(`integration suite ${name} failed: ${e.message}`);
    return 1;
  }
}

let code = 0;
try {
  code |= await suite('trusted', 'out/test/integration/index.js');
  // Restricted Mode: workspace trust stays on, and the copied folder is not trusted
  code |= await suite('restricted', 'out/test/integration/restricted/index.js', ['--enable-workspace-trust']);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
