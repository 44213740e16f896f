/**
 * Roo Code: `.roo/mcp.json` (project; wins over the global file for a server of the same name) and
 * `mcp_settings.json` in VS Code's globalStorage (`rooveterinaryinc.roo-cline/settings/`). Strict
 * JSON (read with `JSON.parse`), `mcpServers`; `type` `stdio|sse|streamable-http`, inferred as
 * stdio from `command`, but a `url` must say its type (Roo rejects a URL without one); stdio has
 * `command`, `args`, `cwd`, `env`; remote `url` and `headers`, and neither may carry the other's
 * fields; every server has `disabled`, `timeout` in seconds for tool calls (1 to 3600, default
 * 60), `alwaysAllow` (tool names, `*` for all), `disabledTools` and `watchPaths` (files that
 * restart the server when they change). `${env:NAME}` and `${workspaceFolder}` are expanded.
 * Source: RooCodeInc/Roo-Code `src/services/mcp/McpHub.ts` (`BaseConfigSchema`,
 * `createServerTypeSchema`, `validateServerConfig`), `src/utils/config.ts` (`injectVariables`),
 * `src/shared/globalFileNames.ts`; https://docs.roocode.com/features/mcp/using-mcp-in-roo.
 */
import { pathApi } from '../config/env';
import { pathRule, vscodeUserDataDirs } from './paths';
import type { McpClient } from './types';

export const roo: McpClient = {
  id: 'roo',
  label: 'Roo Code',
  schema: 'roo.schema.json',
  formats: [
    { id: 'roo-project', scope: 'workspace', syntax: 'json-strict', serversKey: 'mcpServers', workspacePaths: ['.roo/mcp.json'] },
    { id: 'roo-global', scope: 'user', syntax: 'json-strict', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => vscodeUserDataDirs(env).map((dir) => ({
    format: 'roo-global',
    path: pathApi(env).join(dir, 'User', 'globalStorage', 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json'),
  })),
  pathRules: [
    pathRule(/\/\.roo\/mcp\.json$/i, 'roo-project'),
    pathRule(/\/rooveterinaryinc\.roo-cline\/settings\/mcp_settings\.json$/i, 'roo-global'),
  ],
  typeKeys: ['type'],
  typeWords: ['stdio', 'sse', 'streamable-http'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [{ key: 'timeout', option: 'requestTimeoutMs', unit: 's' }],
  variables: 'env-colon',
  writes: { stdioKeys: ['cwd'], options: { disabled: 'disabled', autoApprove: 'alwaysAllow', excludeTools: 'disabledTools' } },
  precedence: {
    layers: ['roo-project', 'roo-global'],
    rule: 'the project\'s .roo/mcp.json over the global mcp_settings.json',
    source: 'Roo Code documentation, Using MCP in Roo Code: a project-level server takes precedence over a global one of the same name (docs.roocode.com/features/mcp/using-mcp-in-roo)',
  },
};
