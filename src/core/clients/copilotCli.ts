/**
 * GitHub Copilot CLI: `~/.copilot/mcp-config.json` (user; the folder moves with `$COPILOT_HOME`),
 * and per repository `.github/mcp.json` (it also reads `.mcp.json`, which is Claude Code's file
 * here). JSON, `mcpServers`; `type` is `local` or `stdio` (the same: a process with `command`,
 * `args`, `env`, `cwd`) or `http` (Streamable HTTP) or `sse` (legacy), a remote one with `url` and
 * `headers`; `tools` is the allow list of tool names (`["*"]` for all). Environment values are
 * taken literally unless written `${VAR}` (since 0.0.340).
 * Source: GitHub's documentation, https://docs.github.com/en/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers
 * and the Copilot CLI configuration reference; github/copilot-cli `changelog.md` (0.0.340, `${VAR}`).
 */
import { pathApi } from '../config/env';
import { pathRule, rooted } from './paths';
import type { McpClient } from './types';

export const copilotCli: McpClient = {
  id: 'copilot-cli',
  label: 'GitHub Copilot CLI',
  schema: 'copilot-cli.schema.json',
  formats: [
    { id: 'copilot-cli-project', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.github/mcp.json'] },
    { id: 'copilot-cli-user', scope: 'user', syntax: 'json', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => {
    const p = pathApi(env);
    return [{ format: 'copilot-cli-user', path: p.join(env.copilotHome ?? p.join(env.home, '.copilot'), 'mcp-config.json') }];
  },
  pathRules: [
    (path, env) => (env.copilotHome && path === `${rooted(env.copilotHome, env)}/mcp-config.json` ? 'copilot-cli-user' : undefined),
    pathRule(/\/mcp-config\.json$/i, 'copilot-cli-user'),
    pathRule(/\/\.github\/mcp\.json$/i, 'copilot-cli-project'),
  ],
  typeKeys: ['type'],
  typeWords: ['local', 'stdio', 'http', 'sse'],
  urlKeys: [{ key: 'url', kind: 'http' }],
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [],
  variables: 'braces',
  writes: { stdioKeys: ['cwd'], options: { includeTools: 'tools' } },
};
