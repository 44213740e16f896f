/**
 * Kiro (Amazon Q Developer's successor): `.kiro/settings/mcp.json` (workspace) and
 * `~/.kiro/settings/mcp.json` (user); when both define a server, the workspace's wins. JSON,
 * `mcpServers`; a local server has `command`, `args`, `env`; a remote one `url` (HTTPS, or HTTP to
 * localhost) and `headers`, and optionally `oauth {clientId}` and `oauthScopes`; both have
 * `disabled`, `autoApprove` (tool names, `*` for all) and `disabledTools`. No `type` field.
 * `${VAR}` is expanded from the environment in `env` and `headers`.
 * Source: Kiro's documentation, https://kiro.dev/docs/mcp/configuration (IDE) and
 * https://kiro.dev/docs/cli/mcp/configuration (CLI).
 */
import { pathApi } from '../config/env';
import { byHome, pathRule } from './paths';
import type { McpClient } from './types';

export const kiro: McpClient = {
  id: 'kiro',
  label: 'Kiro',
  schema: 'kiro.schema.json',
  formats: [
    { id: 'kiro-workspace', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.kiro/settings/mcp.json'] },
    { id: 'kiro-user', scope: 'user', syntax: 'json', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => [{ format: 'kiro-user', path: pathApi(env).join(env.home, '.kiro', 'settings', 'mcp.json') }],
  pathRules: [pathRule(/^(.*)\/\.kiro\/settings\/mcp\.json$/i, byHome('kiro-user', 'kiro-workspace'))],
  typeKeys: [],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'braces',
  writes: { options: { disabled: 'disabled', autoApprove: 'autoApprove', excludeTools: 'disabledTools' } },
  precedence: {
    layers: ['kiro-workspace', 'kiro-user'],
    rule: 'the workspace\'s .kiro/settings/mcp.json over ~/.kiro/settings/mcp.json',
    source: 'Kiro documentation, MCP configuration, "Configuration locations" (kiro.dev/docs/mcp/configuration): the workspace file over the user one',
  },
};
