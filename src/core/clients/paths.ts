/**
 * Helpers for the client modules' paths: per-OS config folders and path rules.
 *
 * Pure core: no `vscode` import.
 */
import { comparablePath, pathApi, type DiscoveryEnv } from '../config/env';
import type { PathRule } from './types';

/** The per-user config directory: `~/.config` (or `$XDG_CONFIG_HOME`), `~/Library/Application Support`, `%APPDATA%`. */
export function userConfigDir(env: DiscoveryEnv): string {
  const p = pathApi(env);
  if (env.platform === 'win32') return env.appData ?? p.join(env.home, 'AppData', 'Roaming');
  if (env.platform === 'darwin') return p.join(env.home, 'Library', 'Application Support');
  return env.xdgConfigHome ?? p.join(env.home, '.config');
}

/**
 * VS Code's user data directories, stable then Insiders: `<config dir>/Code` and
 * `<config dir>/Code - Insiders` (VS Code docs, "User and Workspace Settings").
 */
export function vscodeUserDataDirs(env: DiscoveryEnv): string[] {
  const p = pathApi(env);
  return ['Code', 'Code - Insiders'].map((name) => p.join(userConfigDir(env), name));
}

/** VS Code's user data folder names, as a regular expression group (for path rules). */
export const VSCODE_DATA_DIRS = '(?:code|code - insiders|code - oss|vscodium)';

/** {@link comparablePath}, always starting with `/` (so relative paths and `C:/…` match the rules too). */
export function rooted(p: string, env: DiscoveryEnv): string {
  const c = comparablePath(p, env.platform);
  return c.startsWith('/') ? c : `/${c}`;
}

/** For a path rule: `user` when the client's dot-directory sits in the home directory, else `project`. */
export const byHome = (user: string, project: string) => (dir: string, env: DiscoveryEnv) => (dir === rooted(env.home, env) ? user : project);

/**
 * A path rule from a pattern (matched case-insensitively against the `/`-separated path) and the
 * format id it means, or a function of group 1, the folder that holds the client's dot-directory.
 */
export function pathRule(pattern: RegExp, id: string | ((dir: string, env: DiscoveryEnv) => string)): PathRule {
  return (p, env) => {
    const m = pattern.exec(p);
    if (!m) return undefined;
    return typeof id === 'string' ? id : id(m[1] ?? '', env);
  };
}
