import type { ClientId, ConfigFile, Scope } from './model';
import { readJsonServers } from './jsonReader';
import { readCodexToml } from './tomlReader';
import { readContinueYaml } from './yamlReader';
import type { DiscoveryEnv } from './env';
import { formatIdForPath } from './formatForPath';

/** How a file is written, and how strictly its client parses it. */
export type Syntax =
  /** JSON with comments and trailing commas (VS Code). */
  | 'jsonc'
  /** JSON; the client parses with a tolerant parser or its tolerance is undocumented. */
  | 'json'
  /** Strict JSON: comments or trailing commas make the client reject the file (Claude Desktop, Cline). */
  | 'json-strict'
  | 'toml'
  | 'yaml';

/**
 * A kind of config file: which client owns it, how it is written, where its servers live, and how
 * to read it. Sources: ../shared/mcp-clients.md (each client's documentation, Nov 2026).
 */
export interface ConfigFormat {
  /** Unique id of the format, e.g. `vscode-workspace`, `claude-code-user`. */
  id: string;
  client: ClientId;
  scope: Scope;
  syntax: Syntax;
  /**
   * Where servers live: a top-level key (`servers`, `mcpServers`, `mcp_servers`), or a dotted JSON
   * path for nested ones (`settings.mcp.servers` in `.code-workspace` files; see {@link serversPath}).
   */
  topLevelKey: string;
  /** {@link topLevelKey} as a key path: `['servers']`, `['settings', 'mcp', 'servers']`. */
  serversPath: string[];
  /**
   * Paths relative to a workspace folder, `/`-separated (workspace scope only). The last segment
   * may hold a `*` (`.continue/mcpServers/*.yaml`), usable as a glob by file watchers.
   */
  workspacePaths?: string[];
  /** Reads a file of this format. Never throws; see {@link ConfigFile.error}. */
  read(text: string, path: string): ConfigFile;
}

interface Spec {
  id: string;
  client: ClientId;
  scope: Scope;
  syntax: Syntax;
  topLevelKey: string;
  workspacePaths?: string[];
}

/** A JSON format. VS Code formats also read the deprecated `mcpServers` alias; `~/.claude.json` its `projects`. */
function json(spec: Spec): ConfigFormat {
  const serversPath = spec.topLevelKey.split('.');
  const aliasPaths = spec.client === 'vscode' ? [[...serversPath.slice(0, -1), 'mcpServers']] : undefined;
  const projects = spec.id === 'claude-code-user';
  return {
    ...spec,
    serversPath,
    read: (text, path) => readJsonServers(text, { path, client: spec.client, scope: spec.scope, format: spec.id, serversPath, aliasPaths, projects }),
  };
}

function toml(spec: Spec): ConfigFormat {
  return { ...spec, serversPath: [spec.topLevelKey], read: (text, path) => readCodexToml(text, { path, client: spec.client, scope: spec.scope, format: spec.id }) };
}

function yaml(spec: Spec): ConfigFormat {
  return { ...spec, serversPath: [spec.topLevelKey], read: (text, path) => readContinueYaml(text, { path, client: spec.client, scope: spec.scope, format: spec.id }) };
}

const W = 'workspace';
const U = 'user';

/** The workspace-scope formats read by the Servers view, in display order. */
export const WORKSPACE_FORMATS: ConfigFormat[] = [
  json({ id: 'vscode-workspace', client: 'vscode', scope: W, syntax: 'jsonc', topLevelKey: 'servers', workspacePaths: ['.vscode/mcp.json'] }),
  json({ id: 'vscode-code-workspace', client: 'vscode', scope: W, syntax: 'jsonc', topLevelKey: 'settings.mcp.servers', workspacePaths: ['*.code-workspace'] }),
  json({ id: 'claude-code-project', client: 'claude-code', scope: W, syntax: 'json', topLevelKey: 'mcpServers', workspacePaths: ['.mcp.json'] }),
  json({ id: 'cursor-project', client: 'cursor', scope: W, syntax: 'json', topLevelKey: 'mcpServers', workspacePaths: ['.cursor/mcp.json'] }),
  json({ id: 'gemini-project', client: 'gemini', scope: W, syntax: 'json', topLevelKey: 'mcpServers', workspacePaths: ['.gemini/settings.json'] }),
  toml({ id: 'codex-project', client: 'codex', scope: W, syntax: 'toml', topLevelKey: 'mcp_servers', workspacePaths: ['.codex/config.toml'] }),
  yaml({ id: 'continue-project', client: 'continue', scope: W, syntax: 'yaml', topLevelKey: 'mcpServers', workspacePaths: ['.continue/mcpServers/*.yaml', '.continue/mcpServers/*.yml'] }),
  json({ id: 'continue-project-json', client: 'continue', scope: W, syntax: 'json', topLevelKey: 'mcpServers', workspacePaths: ['.continue/mcpServers/*.json'] }),
];

/** The user-scope formats; their per-platform locations are in userPaths.ts. */
export const USER_FORMATS: ConfigFormat[] = [
  json({ id: 'vscode-user', client: 'vscode', scope: U, syntax: 'jsonc', topLevelKey: 'servers' }),
  json({ id: 'claude-desktop', client: 'claude-desktop', scope: U, syntax: 'json-strict', topLevelKey: 'mcpServers' }),
  json({ id: 'claude-code-user', client: 'claude-code', scope: U, syntax: 'json', topLevelKey: 'mcpServers' }),
  json({ id: 'claude-code-managed', client: 'claude-code', scope: U, syntax: 'json', topLevelKey: 'mcpServers' }),
  json({ id: 'cursor-user', client: 'cursor', scope: U, syntax: 'json', topLevelKey: 'mcpServers' }),
  json({ id: 'windsurf', client: 'windsurf', scope: U, syntax: 'json', topLevelKey: 'mcpServers' }),
  json({ id: 'cline', client: 'cline', scope: U, syntax: 'json-strict', topLevelKey: 'mcpServers' }),
  json({ id: 'gemini-user', client: 'gemini', scope: U, syntax: 'json', topLevelKey: 'mcpServers' }),
  toml({ id: 'codex-user', client: 'codex', scope: U, syntax: 'toml', topLevelKey: 'mcp_servers' }),
  yaml({ id: 'continue-user', client: 'continue', scope: U, syntax: 'yaml', topLevelKey: 'mcpServers' }),
];

/** Every format, workspace scope first. */
export const ALL_FORMATS: ConfigFormat[] = [...WORKSPACE_FORMATS, ...USER_FORMATS];

/** The format with this id (throws on an unknown id: ids are constants of this file). */
export function formatById(id: string): ConfigFormat {
  const f = ALL_FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown config format "${id}"`);
  return f;
}

/**
 * The format of a config file, recognized by its path alone (see {@link formatIdForPath} for the
 * rules), or `undefined` for a file no client reads. `env` (default: this process's) decides
 * whether e.g. `.cursor/mcp.json` is the user's (in the home directory) or a project's.
 */
export function formatForPath(absPath: string, env?: DiscoveryEnv): ConfigFormat | undefined {
  const id = formatIdForPath(absPath, env);
  return id === undefined ? undefined : formatById(id);
}

/** Every relative path of {@link WORKSPACE_FORMATS}, for file watchers and activation. */
export function workspaceConfigPaths(): string[] {
  return WORKSPACE_FORMATS.flatMap((f) => f.workspacePaths ?? []);
}
