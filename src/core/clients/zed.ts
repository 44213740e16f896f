/**
 * Zed: `context_servers` in its `settings.json`, the user's (`~/.config/zed/settings.json`, or
 * `$XDG_CONFIG_HOME/zed/` on Linux, `%APPDATA%\Zed\` on Windows) and a project's
 * `.zed/settings.json`. JSONC, and a settings file: every other key belongs to the editor, so only
 * `context_servers` is read and linted. A server is a stdio one (`command`, `args`, `env`; the
 * 2025 shape `"command": {"path", "args", "env"}` is migrated by Zed itself, migration
 * `m_2025_06_27`, and still read here), an HTTP one (`url`, `headers`, `oauth {client_id,
 * client_secret}`), or an extension's (`settings`); each has `enabled` (default true) and
 * `timeout` in seconds for tool calls (default 60); a stdio one `remote` (run it on the remote
 * host). `source` (`custom` / `extension`) is the mid-2025 tag, accepted. No `type` field; no
 * variables expanded (none documented; values go to the process as written).
 * Source: zed-industries/zed `crates/settings_content/src/project.rs` (`ContextServerSettingsContent`,
 * `ContextServerCommand`), `crates/migrator/src/migrations/m_2025_06_16` and `m_2025_06_27`, and
 * Zed's documentation https://zed.dev/docs/ai/mcp.
 */
import { pathApi } from '../config/env';
import { pathRule, userConfigDir } from './paths';
import type { McpClient } from './types';

export const zed: McpClient = {
  id: 'zed',
  label: 'Zed',
  schema: 'zed.schema.json',
  formats: [
    { id: 'zed-project', scope: 'workspace', syntax: 'jsonc', serversKey: 'context_servers', workspacePaths: ['.zed/settings.json'], shared: true },
    { id: 'zed-user', scope: 'user', syntax: 'jsonc', serversKey: 'context_servers', shared: true },
  ],
  userPaths: (env) => {
    const p = pathApi(env);
    const dir = env.platform === 'win32' ? p.join(userConfigDir(env), 'Zed') : p.join(env.platform === 'linux' ? (env.xdgConfigHome ?? p.join(env.home, '.config')) : p.join(env.home, '.config'), 'zed');
    return [{ format: 'zed-user', path: p.join(dir, 'settings.json') }];
  },
  pathRules: [
    pathRule(/\/\.zed\/settings\.json$/i, 'zed-project'),
    pathRule(/\/zed\/settings\.json$/i, 'zed-user'),
  ],
  typeKeys: [],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [{ key: 'timeout', option: 'requestTimeoutMs', unit: 's' }],
  variables: 'none',
  writes: { options: { disabled: 'enabled' } },
  precedence: {
    layers: ['zed-project', 'zed-user'],
    rule: 'the project\'s .zed/settings.json over the user settings.json',
    source: 'Zed documentation, Configuring Zed: project settings override user settings (zed.dev/docs/configuring-zed)',
  },
};
