/**
 * Cline: `cline_mcp_settings.json` in VS Code's globalStorage (`saoudrizwan.claude-dev/settings/`).
 * Strict JSON (read with `JSON.parse`), `mcpServers`; `type` `stdio|sse|streamableHttp` (legacy
 * `transportType`); a `url` with no type is SSE (Cline docs, "Remote servers"); `timeout` in
 * seconds (default 60, min 1); no variables. Source: Cline's documentation.
 */
import { pathApi } from '../config/env';
import { pathRule, vscodeUserDataDirs } from './paths';
import type { McpClient } from './types';

export const cline: McpClient = {
  id: 'cline',
  label: 'Cline',
  schema: 'cline.schema.json',
  formats: [{ id: 'cline', scope: 'user', syntax: 'json-strict', serversKey: 'mcpServers' }],
  userPaths: (env) => vscodeUserDataDirs(env).map((dir) => ({
    format: 'cline',
    path: pathApi(env).join(dir, 'User', 'globalStorage', 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json'),
  })),
  pathRules: [pathRule(/\/cline_mcp_settings\.json$/i, 'cline')],
  typeKeys: ['type', 'transportType'],
  typeWords: ['stdio', 'sse', 'streamableHttp'],
  urlKeys: [{ key: 'url', kind: 'sse' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [{ key: 'timeout', option: 'requestTimeoutMs', unit: 's' }],
  variables: 'none',
  writes: { stdioKeys: ['cwd'], options: { disabled: 'disabled', autoApprove: 'autoApprove' } },
};
