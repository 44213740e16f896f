import * as os from 'node:os';
import * as path from 'node:path';

/**
 * What user-scope discovery depends on, passed explicitly so path rules are pure and testable for
 * every platform on any platform.
 * - `platform`: decides path syntax and per-OS locations;
 * - `home`: the user's home directory;
 * - `appData`: `%APPDATA%` (Windows; default `<home>\AppData\Roaming`);
 * - `xdgConfigHome`: `$XDG_CONFIG_HOME` (Linux; default `<home>/.config`);
 * - `codexHome`: `$CODEX_HOME` (Codex; default `<home>/.codex`);
 * - `copilotHome`: `$COPILOT_HOME` (GitHub Copilot CLI; default `<home>/.copilot`).
 */
export interface DiscoveryEnv {
  platform: 'linux' | 'darwin' | 'win32';
  home: string;
  appData?: string;
  xdgConfigHome?: string;
  codexHome?: string;
  copilotHome?: string;
}

/** The {@link DiscoveryEnv} of this process (other Unixes count as `linux`; empty variables as unset). */
export function discoveryEnvFromProcess(): DiscoveryEnv {
  const platform = process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
  const env: DiscoveryEnv = { platform, home: os.homedir() };
  if (process.env.APPDATA) env.appData = process.env.APPDATA;
  if (process.env.XDG_CONFIG_HOME) env.xdgConfigHome = process.env.XDG_CONFIG_HOME;
  if (process.env.CODEX_HOME) env.codexHome = process.env.CODEX_HOME;
  if (process.env.COPILOT_HOME) env.copilotHome = process.env.COPILOT_HOME;
  return env;
}

/** Node's path functions for the env's platform (`path.win32` for Windows, else `path.posix`). */
export function pathApi(env: Pick<DiscoveryEnv, 'platform'>): path.PlatformPath {
  return env.platform === 'win32' ? path.win32 : path.posix;
}

/**
 * A path in a form for comparing: `/` separators, no trailing separator, and lower case on Windows
 * and macOS (their default file systems ignore case).
 */
export function comparablePath(p: string, platform: DiscoveryEnv['platform']): string {
  let s = p.replace(/\\/g, '/');
  if (s.length > 1) s = s.replace(/\/+$/, '');
  return platform === 'linux' ? s : s.toLowerCase();
}
