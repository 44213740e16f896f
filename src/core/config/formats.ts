import { FORMAT_SPECS, type FormatSpec, type Syntax } from '../clients';
import type { ClientId, ConfigFile, Scope } from './model';
import { loadReaders } from '../lazy';
import type { DiscoveryEnv } from './env';
import { formatIdForPath } from './formatForPath';

export type { Syntax } from '../clients';

/**
 * A kind of config file: which client owns it, how it is written, where its servers live, and how
 * to read it. The facts come from the client's module in src/core/clients/.
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
  /** A settings file with other keys too (see `FormatSpec.shared`): an MCP config file only when it has {@link topLevelKey}. */
  shared?: boolean;
  /** Reads a file of this format. Never throws; see {@link ConfigFile.error}. */
  read(text: string, path: string): ConfigFile;
}

/** The {@link ConfigFormat} of a client module's format: the reader is picked by syntax. */
function formatOf(spec: FormatSpec & { client: ClientId }): ConfigFormat {
  const serversPath = spec.serversKey.split('.');
  const file = (path: string) => ({ path, client: spec.client, scope: spec.scope, format: spec.id });
  const aliasPaths = spec.aliasKey ? [[...serversPath.slice(0, -1), spec.aliasKey]] : undefined;
  // the readers load on the first read (dist/readers.js), not with the format table
  const read: ConfigFormat['read'] =
    spec.syntax === 'toml' ? (text, path) => loadReaders().readCodexToml(text, file(path))
    : spec.syntax === 'yaml' ? (text, path) => loadReaders().readContinueYaml(text, file(path))
    : (text, path) => loadReaders().readJsonServers(text, { ...file(path), serversPath, aliasPaths, projects: !!spec.projects });
  const format: ConfigFormat = { id: spec.id, client: spec.client, scope: spec.scope, syntax: spec.syntax, topLevelKey: spec.serversKey, serversPath, read };
  if (spec.workspacePaths) format.workspacePaths = [...spec.workspacePaths];
  if (spec.shared) format.shared = true;
  return format;
}

const ALL = FORMAT_SPECS.map(formatOf);

/** The workspace-scope formats read by the Servers view, in display order (client registry order). */
export const WORKSPACE_FORMATS: ConfigFormat[] = ALL.filter((f) => f.scope === 'workspace');

/** The user-scope formats; their per-platform locations are in each client's module (`userPaths`). */
export const USER_FORMATS: ConfigFormat[] = ALL.filter((f) => f.scope === 'user');

/** Every format, workspace scope first. */
export const ALL_FORMATS: ConfigFormat[] = [...WORKSPACE_FORMATS, ...USER_FORMATS];

/** The format with this id (throws on an unknown id: ids are constants of the client modules). */
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

/** Whether a server can be written into files of this format ("Save to Config…", `serverEntry.ts`): JSON and JSONC only. */
export function canWriteServers(format: Pick<ConfigFormat, 'syntax'>): boolean {
  return format.syntax === 'json' || format.syntax === 'jsonc' || format.syntax === 'json-strict';
}

/** Every relative path of {@link WORKSPACE_FORMATS}, for file watchers and activation. */
export function workspaceConfigPaths(): string[] {
  return WORKSPACE_FORMATS.flatMap((f) => f.workspacePaths ?? []);
}

/**
 * Whether a file's text may hold MCP servers for its format: always, except for a shared settings
 * file ({@link ConfigFormat.shared}) without its servers key (`"context_servers"`, `"mcp"`) anywhere
 * in the text. A cheap test on the text, so a broken file that has the key still counts.
 */
export function mayHoldServers(format: Pick<ConfigFormat, 'shared' | 'serversPath'>, text: string): boolean {
  return !format.shared || text.includes(`"${format.serversPath[0]}"`);
}
