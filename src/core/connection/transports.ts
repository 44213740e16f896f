/**
 * One SDK transport per launch kind, and the messages for failures to reach a server.
 *
 * Pure core: no `vscode` import.
 */
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { authorizingSend, type AuthSession } from '../auth';
import type { Launch } from './launch';
import { WebSocketTransport } from './webSocketTransport';

type RemoteLaunch = Extract<Launch, { kind: 'http' | 'sse' | 'ws' }>;

const SCHEMES: Record<RemoteLaunch['kind'], string[]> = { http: ['http:', 'https:'], sse: ['http:', 'https:'], ws: ['ws:', 'wss:'] };

/**
 * Parses and checks a remote launch's URL.
 * @throws Error saying which schemes the transport takes, for a bad or mismatched URL
 */
export function checkUrl(launch: RemoteLaunch): URL {
  let url: URL;
  try {
    url = new URL(launch.url);
  } catch {
    throw new Error(`"${launch.url}" is not a URL; write it as ${launch.kind === 'ws' ? 'ws://host:port/path' : 'http://host:port/path'}`);
  }
  if (!SCHEMES[launch.kind].includes(url.protocol)) {
    throw new Error(`a ${launch.kind} server needs a ${SCHEMES[launch.kind].join(' or ')} URL, not ${url.protocol}//…${launch.kind !== 'ws' && url.protocol.startsWith('ws') ? '; set "type": "ws" for a WebSocket server' : ''}`);
  }
  return url;
}

/**
 * A transport for a remote server. `kind` may differ from `launch.kind` for the SSE fallback.
 * With an `auth` session, HTTP transports sign in through it (the SDK's `authProvider`) and
 * authorize mid-session 401/403s instead of failing ({@link authorizingSend}). `fetch`
 * (Streamable HTTP only) watches the response streams (see `streamWatch.ts`); it replaces the
 * session's logging fetch, so it should wrap `auth.fetch`.
 */
export function remoteTransport(launch: RemoteLaunch, kind: RemoteLaunch['kind'], url: URL, parts: { fetch?: FetchLike; auth?: AuthSession } = {}): Transport {
  const { fetch, auth } = parts;
  const requestInit: RequestInit = { headers: launch.headers };
  if (kind === 'ws') return new WebSocketTransport(url, launch.headers);
  const transport = kind === 'http'
    ? new StreamableHTTPClientTransport(url, { requestInit, ...auth?.transportOptions(), ...(fetch && { fetch }) })
    : new SSEClientTransport(url, { requestInit, ...auth?.transportOptions() });
  if (auth) authorizingSend(transport, auth);
  return transport;
}

/**
 * A stdio transport with stderr piped (so it can be captured line by line) and `env` already
 * merged. `maxMessageBytes`: the SDK's `maxBufferSize`, the most bytes of one message it buffers
 * (more closes the session).
 */
export function stdioTransport(launch: Extract<Launch, { kind: 'stdio' }>, env: Record<string, string>, maxMessageBytes?: number): StdioClientTransport {
  return new StdioClientTransport({ command: launch.command, args: launch.args, cwd: launch.cwd, env, stderr: 'pipe', maxBufferSize: maxMessageBytes });
}

/** The HTTP status of a transport error, when it has one (`StreamableHTTPError`, `SseError`). */
export function httpStatus(err: unknown): number | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

/**
 * Whether a failed Streamable HTTP connect should be retried as legacy SSE: a 4xx other than
 * 401/403 (spec 2025-03-26, "Backwards Compatibility": POST initialize, and on 400/404/405 fall
 * back to GET for an SSE `endpoint` event). VS Code does the same.
 */
export function shouldFallBackToSse(err: unknown): boolean {
  const status = httpStatus(err);
  return status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403;
}

/** A clear message for a failure to reach a remote server. */
export function describeRemoteError(err: unknown, url: string): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const status = httpStatus(err);
  const cause = e.cause?.code ?? e.cause?.message;
  if (cause === 'ECONNREFUSED') return `cannot reach ${url}: connection refused — is the server running, and on that port?`;
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') return `cannot reach ${url}: the host name does not resolve (${cause})`;
  if ((e as NodeJS.ErrnoException).code === 'ECONNREFUSED') return `cannot reach ${url}: connection refused — is the server running, and on that port?`;
  if ((status === 401 || status === 403) && /after (successful authentication|trying upscoping)/.test(e.message)) {
    return `${url} answered HTTP ${status} even after OAuth sign-in (${e.message}): the token does not carry what the server wants; sign out and sign in again, or ask the server's operator which scopes it needs`;
  }
  if (status === 401 || status === 403) return `${url} answered HTTP ${status}: the server wants credentials; set an "Authorization" header in the config, or sign in with OAuth (the CLI: "mcp-devtools auth login <server>")`;
  if (status === 404) return `${url} answered HTTP 404: no MCP endpoint at that path (Streamable HTTP servers usually serve /mcp, SSE servers /sse)`;
  if (status !== undefined) return `${url} answered HTTP ${status}: ${e.message}`;
  return `cannot connect to ${url}: ${e.message}${cause ? ` (${cause})` : ''}`;
}
