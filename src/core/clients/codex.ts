/**
 * Codex CLI: `$CODEX_HOME/config.toml` or `~/.codex/config.toml` (user), `.codex/config.toml` in a
 * trusted project. TOML tables `[mcp_servers.<name>]`; no `type` (`url` is Streamable HTTP);
 * `http_headers`, and secrets passed by name (`env_vars`, `bearer_token_env_var`,
 * `env_http_headers`) since Codex expands no variables; `startup_timeout_sec` (or legacy
 * `startup_timeout_ms`), `tool_timeout_sec`. Source: Codex's `docs/config.md` (openai/codex).
 */
import { pathApi } from '../config/env';
import { byHome, pathRule, rooted } from './paths';
import type { McpClient } from './types';

export const codex: McpClient = {
  id: 'codex',
  label: 'Codex',
  schema: 'codex.schema.json',
  formats: [
    { id: 'codex-project', scope: 'workspace', syntax: 'toml', serversKey: 'mcp_servers', workspacePaths: ['.codex/config.toml'] },
    { id: 'codex-user', scope: 'user', syntax: 'toml', serversKey: 'mcp_servers' },
  ],
  userPaths: (env) => {
    const p = pathApi(env);
    return [{ format: 'codex-user', path: p.join(env.codexHome ?? p.join(env.home, '.codex'), 'config.toml') }];
  },
  pathRules: [
    (path, env) => (env.codexHome && path === `${rooted(env.codexHome, env)}/config.toml` ? 'codex-user' : undefined),
    pathRule(/^(.*)\/\.codex\/config\.toml$/i, byHome('codex-user', 'codex-project')),
  ],
  typeKeys: [],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['http_headers']],
  timeouts: [
    { key: 'startup_timeout_sec', option: 'startupTimeoutMs', unit: 's' },
    { key: 'startup_timeout_ms', option: 'startupTimeoutMs', unit: 'ms' },
    { key: 'tool_timeout_sec', option: 'requestTimeoutMs', unit: 's' },
  ],
  variables: 'none',
  serverNames: [{
    bad: /[^A-Za-z0-9_-]/,
    severity: 'error',
    why: 'Codex rejects it ("invalid server name"): names may contain only letters, digits, "_" and "-"',
    better: (name) => name.trim().replace(/[^A-Za-z0-9_-]+/g, '-'),
    source: 'Codex: is_valid_mcp_server_name in codex-rs/core/src/mcp_connection_manager.rs; a server whose name does not match ^[a-zA-Z0-9_-]+$ fails to start ("invalid server name").',
  }],
  // serde `deny_unknown_fields` on the server table
  rejectsUnknownFields: true,
  writes: {
    stdioKeys: ['cwd'],
    options: { disabled: 'enabled', includeTools: 'enabled_tools', excludeTools: 'disabled_tools' },
    byName: { envVars: 'env_vars', bearerToken: 'bearer_token_env_var', envHeaders: 'env_http_headers' },
  },
  precedence: {
    layers: ['codex-project', 'codex-user'],
    rule: 'a trusted project\'s .codex/config.toml over ~/.codex/config.toml (the closest project file wins)',
    source: 'Codex documentation, Config basics: "Configuration precedence" (developers.openai.com/codex/config-basic)',
  },
};
