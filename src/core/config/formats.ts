import type { ClientId, ConfigFile, Scope } from './model';
import { readJsonServers } from './jsonReader';

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
  /** Where servers live: a top-level key (`servers`, `mcpServers`, `mcp_servers`), or a JSON path for nested ones. */
  topLevelKey: string;
  /** Paths relative to a workspace folder, `/`-separated (workspace scope only). */
  workspacePaths?: string[];
  read(text: string, path: string): ConfigFile;
}

const json = (id: string, client: ClientId, scope: Scope, syntax: Syntax, topLevelKey: string, workspacePaths?: string[]): ConfigFormat => ({
  id,
  client,
  scope,
  syntax,
  topLevelKey,
  workspacePaths,
  read: (text, path) => readJsonServers(text, { path, client, scope, topLevelKey }),
});

/** The workspace-scope formats read by the Servers view, in display order. */
export const WORKSPACE_FORMATS: ConfigFormat[] = [
  json('vscode-workspace', 'vscode', 'workspace', 'jsonc', 'servers', ['.vscode/mcp.json']),
  json('claude-code-project', 'claude-code', 'workspace', 'json', 'mcpServers', ['.mcp.json']),
];

/** Every relative path of {@link WORKSPACE_FORMATS}, for file watchers and activation. */
export function workspaceConfigPaths(): string[] {
  return WORKSPACE_FORMATS.flatMap((f) => f.workspacePaths ?? []);
}
