/**
 * Claude Desktop: `claude_desktop_config.json` in its config folder. Strict JSON, `mcpServers`,
 * stdio only (remote servers are added in its UI). Source: Claude Desktop's documentation and
 * the MCP quickstart for Claude Desktop users (modelcontextprotocol.io).
 */
import { pathApi } from '../config/env';
import { pathRule, userConfigDir } from './paths';
import type { McpClient } from './types';

export const claudeDesktop: McpClient = {
  id: 'claude-desktop',
  label: 'Claude Desktop',
  schema: 'claude-desktop.schema.json',
  formats: [{ id: 'claude-desktop', scope: 'user', syntax: 'json-strict', serversKey: 'mcpServers' }],
  // macOS and Windows per its docs; the Linux path is the one VS Code probes.
  userPaths: (env) => [{ format: 'claude-desktop', path: pathApi(env).join(userConfigDir(env), 'Claude', 'claude_desktop_config.json') }],
  pathRules: [pathRule(/\/claude_desktop_config\.json$/i, 'claude-desktop')],
  typeKeys: ['type'],
  typeWords: ['stdio'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: false,
  headerPaths: [],
  timeouts: [],
  variables: 'none',
};
