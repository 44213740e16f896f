/**
 * Continue: `~/.continue/config.yaml` (`mcpServers:` is a list of servers with `name`) and
 * `.continue/mcpServers/*.yaml` (which also picks up Claude/Cursor-style JSON there). `type`
 * `stdio|sse|streamable-http`; headers under `requestOptions.headers`; `connectionTimeout` in
 * milliseconds, the connect timeout (continuedev/continue
 * `packages/config-yaml/src/schemas/mcp/convertJson.ts` passes it on as Claude's `MCP_TIMEOUT`, in
 * ms); `${{ secrets.NAME }}`. Source: Continue's documentation and its `packages/config-yaml`.
 */
import { pathApi } from '../config/env';
import { pathRule } from './paths';
import type { McpClient } from './types';

export const continueDev: McpClient = {
  id: 'continue',
  label: 'Continue',
  schema: 'continue.schema.json',
  formats: [
    { id: 'continue-project', scope: 'workspace', syntax: 'yaml', serversKey: 'mcpServers', workspacePaths: ['.continue/mcpServers/*.yaml', '.continue/mcpServers/*.yml'] },
    { id: 'continue-project-json', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.continue/mcpServers/*.json'] },
    { id: 'continue-user', scope: 'user', syntax: 'yaml', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => [{ format: 'continue-user', path: pathApi(env).join(env.home, '.continue', 'config.yaml') }],
  pathRules: [
    pathRule(/\/\.continue\/config\.ya?ml$/i, 'continue-user'),
    pathRule(/\/\.continue\/mcpservers\/[^/]+\.ya?ml$/i, 'continue-project'),
    pathRule(/\/\.continue\/mcpservers\/[^/]+\.json$/i, 'continue-project-json'),
  ],
  typeKeys: ['type'],
  typeWords: ['stdio', 'sse', 'streamable-http'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['requestOptions', 'headers']],
  timeouts: [{ key: 'connectionTimeout', option: 'startupTimeoutMs', unit: 'ms' }],
  variables: 'continue',
  writes: { stdioKeys: ['cwd'] },
};
