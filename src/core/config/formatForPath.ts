import { comparablePath, discoveryEnvFromProcess, type DiscoveryEnv } from './env';

/** A path rule: a pattern on the `/`-separated path, and the format id(s) it means. */
interface PathRule {
  pattern: RegExp;
  /** The format id, or a function of the folder that holds the client's dot-directory. */
  id: string | ((dir: string, env: DiscoveryEnv) => string);
}

const VSCODE_DATA_DIRS = '(?:code|code - insiders|code - oss|vscodium)';

/** {@link comparablePath}, always starting with `/` (so relative paths and `C:/…` match the rules too). */
const rooted = (p: string, env: DiscoveryEnv) => {
  const c = comparablePath(p, env.platform);
  return c.startsWith('/') ? c : `/${c}`;
};

/** `<user>` when the dot-directory sits in the home directory, else `<project>`. */
const byHome = (user: string, project: string) => (dir: string, env: DiscoveryEnv) => (dir === rooted(env.home, env) ? user : project);

/**
 * How each client's files are named (../shared/mcp-clients.md). Matched case-insensitively against
 * the path with `/` separators; the first rule that matches wins; group 1, when present, is the
 * folder that holds the dot-directory.
 */
const RULES: PathRule[] = [
  { pattern: /\.code-workspace$/i, id: 'vscode-code-workspace' },
  { pattern: /\/\.vscode\/mcp\.json$/i, id: 'vscode-workspace' },
  { pattern: new RegExp(`/${VSCODE_DATA_DIRS}/user/(?:profiles/[^/]+/)?mcp\\.json$`, 'i'), id: 'vscode-user' },
  { pattern: /\/user\/profiles\/[^/]+\/mcp\.json$/i, id: 'vscode-user' },
  { pattern: /\/claude_desktop_config\.json$/i, id: 'claude-desktop' },
  { pattern: /\/cline_mcp_settings\.json$/i, id: 'cline' },
  { pattern: /\/\.claude\.json$/i, id: 'claude-code-user' },
  { pattern: /\/managed-mcp\.json$/i, id: 'claude-code-managed' },
  { pattern: /\/\.mcp\.json$/i, id: 'claude-code-project' },
  { pattern: /^(.*)\/\.cursor\/mcp\.json$/i, id: byHome('cursor-user', 'cursor-project') },
  { pattern: /\/\.codeium\/windsurf\/mcp_config\.json$/i, id: 'windsurf' },
  { pattern: /^(.*)\/\.gemini\/settings\.json$/i, id: byHome('gemini-user', 'gemini-project') },
  { pattern: /^(.*)\/\.codex\/config\.toml$/i, id: byHome('codex-user', 'codex-project') },
  { pattern: /\/\.continue\/config\.ya?ml$/i, id: 'continue-user' },
  { pattern: /\/\.continue\/mcpservers\/[^/]+\.ya?ml$/i, id: 'continue-project' },
  { pattern: /\/\.continue\/mcpservers\/[^/]+\.json$/i, id: 'continue-project-json' },
];

/**
 * The id of the format a file is in, judged by its path, or `undefined`. Accepts `/` and `\`
 * separators, and relative paths (`.cursor/mcp.json` is then a project's). Recognizes:
 * `*.code-workspace`; `.vscode/mcp.json`; a VS Code profile's `Code/User/mcp.json` or `User/profiles/<id>/mcp.json`; `claude_desktop_config.json`;
 * `cline_mcp_settings.json`; `.claude.json`; `managed-mcp.json`; `.mcp.json`; `.cursor/mcp.json`;
 * `.codeium/windsurf/mcp_config.json`; `.gemini/settings.json`; `.codex/config.toml` and
 * `$CODEX_HOME/config.toml`; `.continue/config.yaml`; `.continue/mcpServers/*.yaml|yml|json`.
 * For `.cursor`, `.gemini` and `.codex`, a dot-directory in `env.home` means the user-scope format.
 *
 * @param env defaults to {@link discoveryEnvFromProcess}.
 */
export function formatIdForPath(absPath: string, env: DiscoveryEnv = discoveryEnvFromProcess()): string | undefined {
  const p = rooted(absPath, env);
  if (env.codexHome && p === `${rooted(env.codexHome, env)}/config.toml`) return 'codex-user';
  for (const rule of RULES) {
    const m = rule.pattern.exec(p);
    if (!m) continue;
    return typeof rule.id === 'string' ? rule.id : rule.id(m[1] ?? '', env);
  }
  return undefined;
}
