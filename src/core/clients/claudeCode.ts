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
  serverNames: [
    {
      bad: /[^A-Za-z0-9_-]/,
      severity: 'warning',
      why: '"claude mcp add" refuses such a name ("Names can only contain letters, numbers, hyphens, and underscores"), and Claude Code names the server\'s tools "mcp__<server>__<tool>" with every other character turned into "_", so the names you write in permission rules are not the one in this file (and "my.server" and "my server" collide)',
      better: (name) => name.trim().replace(/[^A-Za-z0-9_-]+/g, '-'),
      source: 'Claude Code: the "claude mcp add" error "Invalid name … Names can only contain letters, numbers, hyphens, and underscores." (reported in withastro/docs-mcp#16, praha-inc/byethrow#319); tool names "mcp__<server>__<tool>" (Claude Code docs, IAM: MCP permission rules); other characters become "_" (normalizeNameForMCP, services/mcp/normalization.ts, "the API pattern ^[a-zA-Z0-9_-]{1,64}$").',
    },
    {
      bad: /__/,
      severity: 'warning',
      why: 'Claude Code splits "mcp__<server>__<tool>" on "__", so a permission rule for this server\'s tools is read as a rule for a server named after the first part',
      better: (name) => name.trim().replace(/_{2,}/g, '_'),
      source: 'Claude Code: mcpInfoFromString (services/mcp/mcpStringUtils.ts): "Known limitation: If a server name contains \'__\', parsing will be incorrect."',
    },
  ],
  precedence: {
    // managed-mcp.json takes exclusive control when present; otherwise local over project over user
    layers: ['claude-code-managed', 'claude-code-local', 'claude-code-project', 'claude-code-user'],
    rule: 'managed over local scope over project over user',
    source: 'Claude Code documentation, MCP: "Scope hierarchy and precedence" (code.claude.com/docs/en/mcp)',
  },
};
