// Starts code-server (a real VS Code: server + node extension host + web workbench) on 127.0.0.1
// in its own process group, with a fresh, quiet user-data dir. Recipe: ../shared/vscode-runtime/README.md.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cleanEnv, freePort, spawnGroup, stopGroup, waitForHttp } from './processes.mjs';
import { ensureRuntime } from './runtime.mjs';

/** Settings that keep an offline workbench quiet: no gallery, update, telemetry or AI probing. */
export const QUIET_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * @param {object} o
 * @param {string} o.dataDir  a folder for this run: user data, extensions, config, logs go under it
 * @param {string} [o.userDataDir] @param {string} [o.extensionsDir] override the folders under dataDir
 * @param {boolean} [o.trust=false] keep workspace trust on (to test Restricted Mode); default disables it
 * @param {boolean} [o.testDriver=false] `enable-smoke-test-driver`: honour the `payload` URL parameter
 * @param {number} [o.port] default: a free port
 * @param {string[]} [o.args] extra code-server arguments (e.g. --install-extension x.vsix)
 * @param {number} [o.timeoutMs=60000] how long to wait for /healthz
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>, logFile: string}>}
 */
export async function startCodeServer(o) {
  const rt = await ensureRuntime();
  const port = o.port || (await freePort());
  const userDataDir = o.userDataDir ?? path.join(o.dataDir, 'user-data');
  const extensionsDir = o.extensionsDir ?? path.join(o.dataDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  const config = path.join(o.dataDir, 'config.yaml');
  writeFileSync(config, '');
  const logFile = path.join(o.dataDir, 'code-server.log');
  const out = createWriteStream(logFile);
  const args = [
    rt.codeServer, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(o.trust ? [] : ['--disable-workspace-trust']),
    ...(o.testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.args ?? []),
  ];
  // code-server reads $PORT and would listen there instead of --bind-addr's port
  const { PORT: _port, ...parentEnv } = process.env;
  const child = spawnGroup(rt.node, args, {
    env: parentEnv,
    extraEnv: {
      PATH: `${path.dirname(rt.node)}:${cleanEnv().PATH}`,
      EXTENSIONS_GALLERY: '{}', // no gallery at all (the default, open-vsx.org, is unreachable here)
      XDG_CONFIG_HOME: path.join(o.dataDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(o.dataDir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(o.dataDir, 'xdg-cache'),
      ...(o.env ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`code-server exited early (code ${code}); log: ${logFile}`))));
  try {
    await Promise.race([waitForHttp(`${url}/healthz`, o.timeoutMs ?? 60000, 'code-server'), exited]);
  } catch (e) {
    await stopGroup(child);
    throw e;
  }
  exited.catch(() => {});
  return { url, port, logFile, stop: () => stopGroup(child) };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (bounded). */
export async function installVsix(vsix, extensionsDir, dataDir) {
  const rt = await ensureRuntime();
  const { run } = await import('./processes.mjs');
  const { code, output } = await run(rt.node, [rt.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(dataDir, 'user-data'), '--config', path.join(dataDir, 'config.yaml'), '--install-extension', vsix], {
    extraEnv: { PATH: `${path.dirname(rt.node)}:${cleanEnv().PATH}`, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config') },
    timeoutMs: 120000,
  });
  if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code}):\n${output}`);
  return output;
}
