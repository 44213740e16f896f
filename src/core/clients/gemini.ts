/**
 * Gemini CLI: `.gemini/settings.json` (project) and `~/.gemini/settings.json` (user). JSON,
 * `mcpServers`; exactly one of `httpUrl` (Streamable HTTP), `url` (SSE unless `type` says
 * otherwise) and `tcp` (WebSocket), picked in that order as Gemini CLI does; `timeout` in
 * milliseconds (default 600000); `$VAR` and `${VAR}`. Source: Gemini CLI's documentation (MCP servers).
 */
import { pathApi } from '../config/env';
import { byHome, pathRule } from './paths';
import type { McpClient } from './types';

export const gemini: McpClient = {
  id: 'gemini',
  label: 'Gemini CLI',
  schema: 'gemini.schema.json',
  formats: [
    { id: 'gemini-project', scope: 'workspace', syntax: 'json', serversKey: 'mcpServers', workspacePaths: ['.gemini/settings.json'] },
    { id: 'gemini-user', scope: 'user', syntax: 'json', serversKey: 'mcpServers' },
  ],
  userPaths: (env) => [{ format: 'gemini-user', path: pathApi(env).join(env.home, '.gemini', 'settings.json') }],
  pathRules: [pathRule(/^(.*)\/\.gemini\/settings\.json$/i, byHome('gemini-user', 'gemini-project'))],
  typeKeys: ['type'],
  typeWords: ['sse', 'http'],
  urlKeys: [{ key: 'httpUrl', kind: 'http', fixed: true }, { key: 'url', kind: 'sse' }, { key: 'tcp', kind: 'ws', fixed: true }],
  // `httpUrl` is deprecated in favour of `url` with `type: "http"`.
  preferredUrlKey: 'url',
  remote: true,
  headerPaths: [['headers']],
  timeouts: [{ key: 'timeout', option: 'requestTimeoutMs', unit: 'ms' }],
  variables: 'shell',
  serverNames: [
    {
      bad: /[^A-Za-z0-9_.-]/,
      severity: 'warning',
      why: 'Gemini CLI names this server\'s tools "<server>__<tool>" when two servers offer the same tool, without cleaning the server name, and the Gemini API accepts only letters, digits, "_", "." and "-" in a function name',
      better: (name) => name.trim().replace(/[^A-Za-z0-9_.-]+/g, '-'),
      source: 'Gemini CLI: packages/core/src/tools/mcp-tool.ts, DiscoveredMCPTool.asFullyQualifiedTool ("<server>__<tool>", as given) and generateValidName ("Replace invalid characters (based on 400 error message from Gemini API)": [^a-zA-Z0-9_.-]).',
    },
    {
      bad: /__/,
      severity: 'warning',
      why: 'Gemini CLI\'s policy rules name this server\'s tools "<server>__<tool>" (and all of them "<server>__*"), so "__" inside the name makes a rule match the wrong server',
      better: (name) => name.trim().replace(/_{2,}/g, '_'),
      source: 'Gemini CLI: packages/core/src/tools/mcp-tool.ts, DiscoveredMCPToolInvocation ("composite format for policy checks: serverName__toolName … server wildcards (e.g. \'google-workspace__*\')").',
    },
  ],
  writes: { stdioKeys: ['cwd'], options: { includeTools: 'includeTools', excludeTools: 'excludeTools', trust: 'trust' } },
  precedence: {
    layers: ['gemini-project', 'gemini-user'],
    rule: 'project settings over user settings (mcpServers merged by name)',
    source: 'Gemini CLI documentation, Configuration: "Configuration layers" (geminicli.com/docs/reference/configuration)',
  },
};
