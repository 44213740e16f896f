import type { ClientId, ConfigFile, Scope } from './model';
import { readJsonServers } from './jsonReader';

/**
 * A kind of config file: which client owns it, where it lives relative to a workspace folder, and
 * how to read it. Sources: ../shared/mcp-clients.md (each client's documentation, Nov 2026).
 */
export interface ConfigFormat {
  client: ClientId;
  /** Path relative to a workspace folder, `/`-separated. */
  workspacePath: string;
  read(text: string, path: string, scope: Scope): ConfigFile;
}

/** Workspace-scope files, in the order they are shown. */
export const WORKSPACE_FORMATS: ConfigFormat[] = [
  {
    client: 'vscode',
    workspacePath: '.vscode/mcp.json',
    read: (text, path, scope) => readJsonServers(text, { path, client: 'vscode', scope, topLevelKey: 'servers' }),
  },
  {
    client: 'claude-code',
    workspacePath: '.mcp.json',
    read: (text, path, scope) => readJsonServers(text, { path, client: 'claude-code', scope, topLevelKey: 'mcpServers' }),
  },
];
