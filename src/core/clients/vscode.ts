/**
 * VS Code: `.vscode/mcp.json`, `settings.mcp` of a `.code-workspace` file, and the profile's user
 * `mcp.json`. JSONC; `servers` (its source still reads `mcpServers` as a deprecated alias).
 * Also the legacy `"mcp": {"servers": {…}, "inputs": […]}` key of a `settings.json` (VS Code 1.99
 * to 1.101), user and workspace (`.vscode/settings.json`): read and linted like `mcp.json`, only
 * that key (the rest of the file is VS Code's settings). Since 1.102 VS Code moves the user
 * settings' servers into the profile's `mcp.json` at start and shows an error when some come back
 * (`McpConfigMigrationContribution`, `src/vs/workbench/contrib/mcp/browser/mcpMigration.ts`).
 * Source: VS Code's documentation "MCP servers" and its `src/vs/workbench/contrib/mcp` (microsoft/vscode).
 */
import { pathApi } from '../config/env';
import { pathRule, VSCODE_DATA_DIRS, vscodeUserDataDirs } from './paths';
import type { McpClient } from './types';

export const vscode: McpClient = {
  id: 'vscode',
  label: 'VS Code',
  schema: 'vscode-mcp.schema.json',
  formats: [
    { id: 'vscode-workspace', scope: 'workspace', syntax: 'jsonc', serversKey: 'servers', aliasKey: 'mcpServers', workspacePaths: ['.vscode/mcp.json'] },
    { id: 'vscode-code-workspace', scope: 'workspace', syntax: 'jsonc', serversKey: 'settings.mcp.servers', aliasKey: 'mcpServers', workspacePaths: ['*.code-workspace'] },
    { id: 'vscode-user', scope: 'user', syntax: 'jsonc', serversKey: 'servers', aliasKey: 'mcpServers' },
    { id: 'vscode-settings-workspace', scope: 'workspace', syntax: 'jsonc', serversKey: 'mcp.servers', workspacePaths: ['.vscode/settings.json'], shared: true },
    { id: 'vscode-settings-user', scope: 'user', syntax: 'jsonc', serversKey: 'mcp.servers', shared: true },
  ],
  // `<user data>/User/mcp.json`; profiles' `User/profiles/<id>/mcp.json` are found by discovery.
  userPaths: (env) => vscodeUserDataDirs(env).flatMap((dir) => [
    { format: 'vscode-user', path: pathApi(env).join(dir, 'User', 'mcp.json') },
    { format: 'vscode-settings-user', path: pathApi(env).join(dir, 'User', 'settings.json') },
  ]),
  pathRules: [
    pathRule(/\/\.vscode\/settings\.json$/i, 'vscode-settings-workspace'),
    pathRule(new RegExp(`/${VSCODE_DATA_DIRS}/user/(?:profiles/[^/]+/)?settings\\.json$`, 'i'), 'vscode-settings-user'),
    pathRule(/\.code-workspace$/i, 'vscode-code-workspace'),
    pathRule(/\/\.vscode\/mcp\.json$/i, 'vscode-workspace'),
    pathRule(new RegExp(`/${VSCODE_DATA_DIRS}/user/(?:profiles/[^/]+/)?mcp\\.json$`, 'i'), 'vscode-user'),
    pathRule(/\/user\/profiles\/[^/]+\/mcp\.json$/i, 'vscode-user'),
  ],
  typeKeys: ['type'],
  typeWords: ['stdio', 'http', 'sse'],
  // A bare `url` is Streamable HTTP; VS Code falls back to SSE.
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'vscode',
  writes: { stdioKeys: ['cwd', 'envFile'] },
};
