/**
 * Cursor: `.cursor/mcp.json` (project) and `~/.cursor/mcp.json` (user). JSON, `mcpServers`;
 * `${env:NAME}`, `${userHome}`, `${workspaceFolder}`. Source: Cursor's documentation (the
 * variables from secondary sources: Cursor documents them only in passing).
 */
import { pathApi } from '../config/env';
import { byHome, pathRule } from './paths';
import type { McpClient } from './types';

export const cursor: McpClient = {
  id: 'cursor',
  label: 'Cursor',
  schema: 'cursor-mcp.schema.json',
  formats: [
    { id: 'cursor-project', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.cursor/mcp.json'] },
    { id: 'cursor-user', scope: 'user', syntax: 'json', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => [{ format: 'cursor-user', path: pathApi(env).join(env.home, '.cursor', 'mcp.json') }],
  pathRules: [pathRule(/^(.*)\/\.cursor\/mcp\.json$/i, byHome('cursor-user', 'cursor-project'))],
  typeKeys: ['type'],
  typeWords: ['stdio', 'http', 'sse'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'env-colon',
  serverNames: [{
    bad: /^[\s\S]{60,}$/,
    severity: 'warning',
    why: 'Cursor filters out every tool whose server and tool names together exceed 60 characters ("Combined server and tool name length … exceeds 60 characters"), and this name alone leaves no room for one',
    better: (name) => name.trim().slice(0, 30).replace(/[-_.\s]+$/, ''),
    source: 'Cursor: the warning "Some tools have naming issues and may be filtered out … Combined server and tool name length (N) exceeds 60 characters" in its MCP settings (reported in awslabs/mcp#1283, ComposioHQ/composio#2788, idosal/git-mcp#163).',
  }],
  writes: { stdioKeys: ['envFile'] },
  precedence: {
    layers: ['cursor-project', 'cursor-user'],
    rule: 'the project\'s .cursor/mcp.json over ~/.cursor/mcp.json',
    source: 'secondary: Cursor community forum (Cursor reads the project file, then the global one); Cursor\'s docs say only that the two files are merged',
  },
};
