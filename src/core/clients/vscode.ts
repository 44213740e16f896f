/**
 * VS Code: `.vscode/mcp.json`, `settings.mcp` of a `.code-workspace` file, and the profile's user
 * `mcp.json`. JSONC; `servers` (its source still reads `mcpServers` as a deprecated alias).
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
  ],
  // `<user data>/User/mcp.json`; profiles' `User/profiles/<id>/mcp.json` are found by discovery.
  userPaths: (env) => vscodeUserDataDirs(env).map((dir) => ({ format: 'vscode-user', path: pathApi(env).join(dir, 'User', 'mcp.json') })),
  pathRules: [
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
