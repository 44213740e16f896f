import { pathApi, type DiscoveryEnv } from './env';
import { formatById, type ConfigFormat } from './formats';

/** A user-scope config file location: the format it is in and its absolute path. */
export interface UserConfigPath {
  format: ConfigFormat;
  path: string;
}

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

/**
 * The user-scope config files of every client on `env.platform`, whether or not they exist. A pure
 * function of `env`. Locations (../shared/mcp-clients.md, from each client's docs):
 * - VS Code: `<user data>/User/mcp.json` (profiles' `User/profiles/<id>/mcp.json` are found by discovery);
 * - Cline: `<user data>/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json`;
 * - Claude Desktop: `<config dir>/Claude/claude_desktop_config.json` (the Linux path is the one VS Code probes);
 * - Claude Code: `~/.claude.json`; managed `/etc/claude-code/managed-mcp.json` (Linux);
 * - Cursor `~/.cursor/mcp.json`; Windsurf `~/.codeium/windsurf/mcp_config.json`;
 *   Gemini CLI `~/.gemini/settings.json`; Codex `$CODEX_HOME/config.toml` or `~/.codex/config.toml`;
 *   Continue `~/.continue/config.yaml`.
 *
 * @returns `{format, path}` in a stable order (VS Code first), paths in the platform's syntax.
 */
export function userConfigPaths(env: DiscoveryEnv): UserConfigPath[] {
  const p = pathApi(env);
  const home = env.home;
  const out: UserConfigPath[] = [];
  const add = (id: string, path: string) => out.push({ format: formatById(id), path });
  for (const dir of vscodeUserDataDirs(env)) add('vscode-user', p.join(dir, 'User', 'mcp.json'));
  add('claude-desktop', p.join(userConfigDir(env), 'Claude', 'claude_desktop_config.json'));
  add('claude-code-user', p.join(home, '.claude.json'));
  if (env.platform === 'linux') add('claude-code-managed', '/etc/claude-code/managed-mcp.json');
  add('cursor-user', p.join(home, '.cursor', 'mcp.json'));
  add('windsurf', p.join(home, '.codeium', 'windsurf', 'mcp_config.json'));
  for (const dir of vscodeUserDataDirs(env)) {
    add('cline', p.join(dir, 'User', 'globalStorage', 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json'));
  }
  add('gemini-user', p.join(home, '.gemini', 'settings.json'));
  add('codex-user', p.join(env.codexHome ?? p.join(home, '.codex'), 'config.toml'));
  add('continue-user', p.join(home, '.continue', 'config.yaml'));
  return out;
}
