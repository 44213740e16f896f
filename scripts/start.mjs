// `npm start`: build, then open the extension on the demo workspace (demo/).
//  - with a `code` executable on PATH: `code --extensionDevelopmentPath=<repo> demo`;
//  - otherwise: a real VS Code (code-server, cached under ~/.cache/mcp-devtools) on 127.0.0.1, with the
//    extension loaded in development mode and esbuild watching src/; prints the URL to open.
// Ctrl-C stops everything it started. Env: PORT (default 8080; 0 = any free port).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import which from 'which';
import { startCodeServer } from '../test/harness/codeServer.mjs';
import { spawnGroup } from '../test/harness/processes.mjs';
import { CACHE } from '../test/harness/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, 'demo');

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const code = process.env.MCP_DEVTOOLS_NO_CODE ? null : which.sync('code', { nothrow: true });
if (code) {
  console.log(`Opening ${demo} in ${code} with the extension in development mode…`);
  const child = spawn(code, [`--extensionDevelopmentPath=${root}`, demo], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
} else {
  const dataDir = path.join(CACHE, 'start');
  mkdirSync(dataDir, { recursive: true });
  console.log('No `code` on PATH: starting a real VS Code (code-server) on 127.0.0.1 (the first run installs it: a few minutes)…');
  const server = await startCodeServer({
    dataDir,
    port: Number(process.env.PORT ?? 8080),
    testDriver: true, // honours the `payload` URL parameter: loads this repo as a development extension
    settings: { 'workbench.startupEditor': 'none' },
  });
  const watcher = spawnGroup(process.execPath, [path.join(root, 'scripts/build.mjs'), '--watch'], { cwd: root, stdio: 'inherit' });
  const host = new URL(server.url).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${root}`]];
  const url = `${server.url}/?folder=${encodeURIComponent(demo)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nMCP DevTools is running in a real VS Code at:\n\n  ${url}\n\nOpen it in a browser, then click the MCP entry in the activity bar.`);
  console.log('esbuild is watching src/: run "Developer: Reload Window" after a change. Ctrl-C stops everything.');
  // Ctrl-C: the harness kills every process group it started (code-server and its helpers, esbuild).
  void watcher;
}
