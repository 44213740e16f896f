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
const workspace = path.join(work, 'workspace');
cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
// A home of its own: the tests see these user-scope configs, never the developer's real ones.
const home = path.join(work, 'home');
mkdirSync(path.join(home, '.cursor'), { recursive: true });
writeFileSync(path.join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { 'home-server': { command: 'node', args: ['server.js'] } } }, null, 2));

let code = 0;
try {
  await runTests({
    vscodeExecutablePath: process.env.MCP_DEVTOOLS_VSCODE === 'download' ? undefined : path.join(root, 'test/harness/code-shim.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    // HOME reaches the extension host through code-server (or Electron VS Code); the runtime cache stays the real one
    extensionTestsEnv: { MCP_DEVTOOLS_TEST_ROOT: root, HOME: home, MCP_DEVTOOLS_CACHE: CACHE },
  });
} catch (e) {
  console.error(`integration tests failed: ${e.message}`);
  code = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
