/**
 * What the linter knows about each client: accepted `type` words, remote URL keys, variable
 * syntax, timeout units, schema file. Source: ../shared/mcp-clients.md (each client's docs and
 * source, Nov 2026); a rule that depends on one fact says which.
 */
import type { ClientId } from '../config/model';

/** How a client expands variables in server fields. */
export type VariableSyntax =
  /** `${input:id}`, `${env:NAME}`, `${workspaceFolder}`, … */
  | 'vscode'
  /** `${env:NAME}`, `${userHome}`, `${workspaceFolder}` (Cursor, Windsurf). */
  | 'env-colon'
  /** `${VAR}`, `${VAR:-default}`; bare `$VAR` is not expanded (Claude Code). */
  | 'shell-braces'
  /** `$VAR` and `${VAR}` (Gemini CLI). */
  | 'shell'
  /** `${{ secrets.NAME }}` (Continue). */
  | 'continue'
  /** No expansion at all (Claude Desktop, Codex, Cline). */
  | 'none';

export interface TimeoutField {
  key: string;
  unit: 's' | 'ms';
}

export interface ClientProfile {
  client: ClientId;
  /** File name in media/schemas/. */
  schema: string;
  /** Accepted `type` words; `undefined` when the client has no `type` field. */
  typeWords?: readonly string[];
  /** Keys that hold a remote server's URL. */
  urlKeys: readonly string[];
  /** Whether the client can connect to remote servers from its file at all. */
  remote: boolean;
  variables: VariableSyntax;
  timeouts: readonly TimeoutField[];
  /** Keys that hold HTTP headers. */
  headerKeys: readonly string[];
}

const P = (p: ClientProfile): ClientProfile => p;

export const CLIENT_PROFILES: Record<ClientId, ClientProfile> = {
  vscode: P({ client: 'vscode', schema: 'vscode-mcp.schema.json', typeWords: ['stdio', 'http', 'sse'], urlKeys: ['url'], remote: true, variables: 'vscode', timeouts: [], headerKeys: ['headers'] }),
  'claude-desktop': P({ client: 'claude-desktop', schema: 'claude-desktop.schema.json', typeWords: ['stdio'], urlKeys: ['url'], remote: false, variables: 'none', timeouts: [], headerKeys: [] }),
  'claude-code': P({ client: 'claude-code', schema: 'claude-code.schema.json', typeWords: ['stdio', 'http', 'sse'], urlKeys: ['url'], remote: true, variables: 'shell-braces', timeouts: [], headerKeys: ['headers'] }),
  cursor: P({ client: 'cursor', schema: 'cursor-mcp.schema.json', typeWords: ['stdio', 'http', 'sse'], urlKeys: ['url'], remote: true, variables: 'env-colon', timeouts: [], headerKeys: ['headers'] }),
  windsurf: P({ client: 'windsurf', schema: 'windsurf.schema.json', urlKeys: ['serverUrl', 'url'], remote: true, variables: 'env-colon', timeouts: [], headerKeys: ['headers'] }),
  cline: P({ client: 'cline', schema: 'cline.schema.json', typeWords: ['stdio', 'sse', 'streamableHttp'], urlKeys: ['url'], remote: true, variables: 'none', timeouts: [{ key: 'timeout', unit: 's' }], headerKeys: ['headers'] }),
  gemini: P({ client: 'gemini', schema: 'gemini.schema.json', typeWords: ['sse', 'http'], urlKeys: ['url', 'httpUrl', 'tcp'], remote: true, variables: 'shell', timeouts: [{ key: 'timeout', unit: 'ms' }], headerKeys: ['headers'] }),
  codex: P({ client: 'codex', schema: 'codex.schema.json', urlKeys: ['url'], remote: true, variables: 'none', timeouts: [{ key: 'startup_timeout_sec', unit: 's' }, { key: 'tool_timeout_sec', unit: 's' }, { key: 'startup_timeout_ms', unit: 'ms' }], headerKeys: ['http_headers'] }),
  continue: P({ client: 'continue', schema: 'continue.schema.json', typeWords: ['stdio', 'sse', 'streamable-http'], urlKeys: ['url'], remote: true, variables: 'continue', timeouts: [], headerKeys: [] }),
};

/** Every key that some client uses for a remote URL (for "conflicting transport" checks). */
export const ALL_URL_KEYS = ['url', 'serverUrl', 'httpUrl', 'tcp'] as const;

/** Every key some client uses for its servers map. */
export const SERVER_MAP_KEYS = ['servers', 'mcpServers', 'mcp_servers', 'context_servers', 'mcp'] as const;
