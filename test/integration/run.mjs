// Integration tests in a real VS Code extension host, launched through @vscode/test-electron's
// runTests. Where VS Code can be downloaded (MCP_DEVTOOLS_VSCODE=download) runTests does so as usual;
// otherwise (these machines) the harness's code-shim runs them in code-server's node extension host.
// Expects `npm run build` and `node scripts/build.mjs --tests` to have run (npm test does both).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-ws-'));
const workspace = path.join(work, 'workspace');
cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });

let code = 0;
try {
  await runTests({
    vscodeExecutablePath: process.env.MCP_DEVTOOLS_VSCODE === 'download' ? undefined : path.join(root, 'test/harness/code-shim.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { MCP_DEVTOOLS_TEST_ROOT: root },
  });
} catch (e) {
  console.error(`integration tests failed: ${e.message}`);
  code = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
