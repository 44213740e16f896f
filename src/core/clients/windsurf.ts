/**
 * Windsurf: `~/.codeium/windsurf/mcp_config.json`. JSON, `mcpServers`; remote servers under
 * `serverUrl` (preferred) or `url`; no `type`; `${env:NAME}`. Source: Windsurf's documentation (MCP).
 *
 * A file is recognised by its name wherever it is, as Claude Desktop's and Cline's are: the name is
 * Windsurf's own, and a copy kept in a project, a dotfiles repository or Windsurf Next's folder
 * (`~/.codeium/windsurf-next/`) is still Windsurf's format.
 */
import { pathApi } from '../config/env';
import { pathRule } from './paths';
import type { McpClient } from './types';

export const windsurf: McpClient = {
  id: 'windsurf',
  label: 'Windsurf',
  schema: 'windsurf.schema.json',
  formats: [{ id: 'windsurf', scope: 'user', syntax: 'json', serversKey: 'mcpServers' }],
  userPaths: (env) => [{ format: 'windsurf', path: pathApi(env).join(env.home, '.codeium', 'windsurf', 'mcp_config.json') }],
  pathRules: [pathRule(/\/mcp_config\.json$/i, 'windsurf')],
  typeKeys: [],
  urlKeys: [{ key: 'serverUrl', kind: 'http' }, { key: 'url', kind: 'http' }],
  preferredUrlKey: 'serverUrl',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'env-colon',
  writes: { options: { disabled: 'disabled', excludeTools: 'disabledTools' } },
};
