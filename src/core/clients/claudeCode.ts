/**
 * Claude Code: project `.mcp.json`; user and local scopes in `~/.claude.json` (top-level
 * `mcpServers` and `projects["<abs path>"].mcpServers`); managed `/etc/claude-code/managed-mcp.json`
 * on Linux. JSON; `${VAR}` and `${VAR:-default}`. Source: Claude Code's documentation (MCP).
 */
import { pathApi } from '../config/env';
import { pathRule } from './paths';
import type { McpClient, UserPath } from './types';

export const claudeCode: McpClient = {
  id: 'claude-code',
  label: 'Claude Code',
  schema: 'claude-code.schema.json',
  formats: [
    { id: 'claude-code-project', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.mcp.json'] },
    { id: 'claude-code-user', scope: 'user', syntax: 'json', serversKey: 'mcpServers', projects: true },
    { id: 'claude-code-managed', scope: 'user', syntax: 'json', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => {
    const out: UserPath[] = [{ format: 'claude-code-user', path: pathApi(env).join(env.home, '.claude.json') }];
    if (env.platform === 'linux') out.push({ format: 'claude-code-managed', path: '/etc/claude-code/managed-mcp.json' });
    return out;
  },
  pathRules: [
    pathRule(/\/\.claude\.json$/i, 'claude-code-user'),
    pathRule(/\/managed-mcp\.json$/i, 'claude-code-managed'),
    pathRule(/\/\.mcp\.json$/i, 'claude-code-project'),
  ],
  typeKeys: ['type'],
  typeWords: ['stdio', 'http', 'sse'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'shell-braces',
  precedence: {
    // managed-mcp.json takes exclusive control when present; otherwise local over project over user
    layers: ['claude-code-managed', 'claude-code-local', 'claude-code-project', 'claude-code-user'],
    rule: 'managed over local scope over project over user',
    source: 'Claude Code documentation, MCP: "Scope hierarchy and precedence" (code.claude.com/docs/en/mcp)',
  },
};
