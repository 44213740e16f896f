/**
 * OpenCode: `opencode.json` or `opencode.jsonc` in a project (also `.opencode/opencode.json`), and
 * `~/.config/opencode/opencode.json` (user; `$XDG_CONFIG_HOME/opencode/`). JSONC, servers under
 * `mcp`; `type: "local"` with `command` as ONE array (the program, then its arguments; there is
 * no `args`), `environment`, `enabled`, `timeout`; `type: "remote"` with `url`, `headers`,
 * `oauth` (`{clientId, clientSecret, scope}`, or `false` to turn OAuth detection off), `enabled`,
 * `timeout`. A remote server tries Streamable HTTP, then SSE. `timeout` is in milliseconds
 * (default 5000). Both shapes are strict (`additionalProperties: false`): a field OpenCode does not
 * know makes it refuse the config (`ConfigInvalidError`). Variables: `{env:NAME}` and
 * `{file:path}`, anywhere in the file. The `mcp.servers` shape of OpenCode's V2 preview is not read.
 * Source: OpenCode's documentation https://opencode.ai/docs/mcp-servers and
 * https://opencode.ai/docs/config (locations, variables), and its schema https://opencode.ai/config.json
 * (`McpLocalConfig`, `McpRemoteConfig`; sst/opencode `packages/opencode/src/config/config.ts`).
 */
import { pathApi } from '../config/env';
import { pathRule, rooted } from './paths';
import type { McpClient } from './types';

export const opencode: McpClient = {
  id: 'opencode',
  label: 'OpenCode',
  schema: 'opencode.schema.json',
  formats: [
    { id: 'opencode-project', scope: 'workspace', syntax: 'jsonc', serversKey: 'mcp', workspacePaths: ['opencode.json', 'opencode.jsonc', '.opencode/opencode.json', '.opencode/opencode.jsonc'], shared: true },
    { id: 'opencode-user', scope: 'user', syntax: 'jsonc', serversKey: 'mcp', shared: true },
  ],
  userPaths: (env) => {
    const p = pathApi(env);
    const dir = p.join(env.xdgConfigHome ?? p.join(env.home, '.config'), 'opencode');
    return [{ format: 'opencode-user', path: p.join(dir, 'opencode.json') }, { format: 'opencode-user', path: p.join(dir, 'opencode.jsonc') }];
  },
  pathRules: [
    (path, env) => (env.xdgConfigHome && /^\/opencode\/opencode\.jsonc?$/i.test(path.slice(rooted(env.xdgConfigHome, env).length)) && path.startsWith(rooted(env.xdgConfigHome, env)) ? 'opencode-user' : undefined),
    pathRule(/\/\.config\/opencode\/opencode\.jsonc?$/i, 'opencode-user'),
    pathRule(/\/opencode\.jsonc?$/i, 'opencode-project'),
  ],
  typeKeys: ['type'],
  typeWords: ['local', 'remote'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [{ key: 'timeout', option: 'requestTimeoutMs', unit: 'ms' }],
  variables: 'opencode',
  writes: { options: { disabled: 'enabled' } },
  precedence: {
    layers: ['opencode-project', 'opencode-user'],
    rule: 'the project\'s opencode.json over ~/.config/opencode/opencode.json (merged, the project\'s keys win)',
    source: 'OpenCode documentation, Config: "Precedence order" (opencode.ai/docs/config)',
  },
  commandShape: 'array',
  envKey: 'environment',
  rejectsUnknownFields: true,
};
