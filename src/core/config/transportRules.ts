import type { ClientId, Located, Transport, TransportKind } from './model';
import { at, child, str, strList, strMap, type SourceNode } from './sourceTree';

/**
 * `type` words of every client and the transport each names. No word means different things to
 * different clients, so one table serves all; whether a client accepts a word is a lint rule.
 * Sources (../shared/mcp-clients.md): VS Code, Claude Code, Cursor `stdio|http|sse`; Cline
 * `stdio|sse|streamableHttp`; Continue `stdio|sse|streamable-http`; Gemini `sse|http`;
 * `websocket`/`ws` as older Continue configs and gateways write it.
 */
export const TYPE_WORDS: Readonly<Record<string, TransportKind>> = {
  stdio: 'stdio',
  http: 'http',
  streamableHttp: 'http',
  'streamable-http': 'http',
  sse: 'sse',
  ws: 'ws',
  websocket: 'ws',
};

type RemoteKind = Exclude<TransportKind, 'stdio'>;

/** A key holding a remote server's address, and the transport it implies when no `type` is written. */
interface UrlKey {
  key: string;
  kind: RemoteKind;
  /** The key itself names the transport, whatever `type` says (Gemini `httpUrl`, `tcp`). */
  fixed?: boolean;
}

const URL_ONLY_HTTP: UrlKey[] = [{ key: 'url', kind: 'http' }];

/**
 * Per client: which keys hold a URL and what a URL without `type` means.
 * - Cline: a `url` with no type is SSE (Cline docs, "Remote servers").
 * - Gemini CLI: `httpUrl` is Streamable HTTP, `url` is SSE unless `type` says otherwise, `tcp` is a WebSocket.
 * - Windsurf: `serverUrl` (preferred) or `url`.
 * - Codex: `url` is Streamable HTTP (Codex has no `type`).
 * - VS Code, Claude Code, Cursor, Continue: a bare `url` is Streamable HTTP (VS Code falls back to SSE).
 */
const URL_KEYS: Record<ClientId, UrlKey[]> = {
  vscode: URL_ONLY_HTTP,
  'claude-desktop': URL_ONLY_HTTP,
  'claude-code': URL_ONLY_HTTP,
  cursor: URL_ONLY_HTTP,
  windsurf: [{ key: 'serverUrl', kind: 'http' }, { key: 'url', kind: 'http' }],
  cline: [{ key: 'url', kind: 'sse' }],
  gemini: [{ key: 'httpUrl', kind: 'http', fixed: true }, { key: 'url', kind: 'sse' }, { key: 'tcp', kind: 'ws', fixed: true }],
  codex: URL_ONLY_HTTP,
  continue: URL_ONLY_HTTP,
};

/** Keys holding the `type` word, in precedence order (Cline's legacy `transportType` second). */
const TYPE_KEYS = ['type', 'transportType'];

/** Where headers live: `headers` (most), Codex `http_headers`, Continue `requestOptions.headers`. */
const HEADER_PATHS = [['headers'], ['http_headers'], ['requestOptions', 'headers']];

/** The `type` word of a server object, as written. */
export function typeWordOf(server: SourceNode): Located<string> | undefined {
  for (const key of TYPE_KEYS) {
    const word = str(child(server, key));
    if (word) return word;
  }
  return undefined;
}

/**
 * Interprets one server object as a {@link Transport}, by the rules of `client`.
 *
 * An explicit, known `type` decides the kind, and the fields it needs must be there (`command` for
 * stdio, a URL key otherwise) or the result is `undefined`. With no type (or a word no client knows)
 * the fields decide: `command` means stdio, else the client's first URL key present, else `undefined`.
 * A URL with a `ws://`/`wss://` scheme and no type is a WebSocket. Values are kept unresolved.
 */
export function transportOf(server: SourceNode, client: ClientId): Transport | undefined {
  if (server.type !== 'object') return undefined;
  const word = typeWordOf(server)?.value;
  const typed = word !== undefined && Object.prototype.hasOwnProperty.call(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined;
  const command = str(child(server, 'command'));
  if (typed === 'stdio' || (typed === undefined && command)) return command ? stdioOf(server, command) : undefined;

  for (const { key, kind, fixed } of URL_KEYS[client]) {
    const url = str(child(server, key));
    if (!url) continue;
    const resolved = fixed ? kind : (typed ?? (/^wss?:/i.test(url.value) ? 'ws' : kind));
    return remoteOf(server, resolved, url);
  }
  return undefined;
}

function stdioOf(server: SourceNode, command: Located<string>): Transport {
  const t: Transport = {
    kind: 'stdio',
    command,
    args: strList(child(server, 'args')) ?? [],
    env: strMap(child(server, 'env')) ?? {},
  };
  const cwd = str(child(server, 'cwd'));
  if (cwd) t.cwd = cwd;
  const envFile = str(child(server, 'envFile'));
  if (envFile) t.envFile = envFile;
  const envVars = strList(child(server, 'env_vars'));
  if (envVars) t.envVars = envVars;
  return t;
}

function remoteOf(server: SourceNode, kind: RemoteKind, url: Located<string>): Transport {
  const headers: Record<string, Located<string>> = {};
  for (const path of HEADER_PATHS) {
    const map = strMap(at(server, path));
    if (!map) continue;
    for (const [k, v] of Object.entries(map)) headers[k] = { value: v.value ?? '', range: v.range };
    break;
  }
  const t: Transport = { kind, url, headers };
  const bearer = str(child(server, 'bearer_token_env_var'));
  if (bearer) t.bearerTokenEnvVar = bearer;
  const envHeaders = strMap(child(server, 'env_http_headers'));
  if (envHeaders) {
    t.envHeaders = {};
    for (const [k, v] of Object.entries(envHeaders)) t.envHeaders[k] = { value: v.value ?? '', range: v.range };
  }
  return t;
}
