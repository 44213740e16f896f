/**
 * One live session with a server: an SDK `Client` over the right transport, connected and
 * initialized, with honest client capabilities. Lifecycle policy (reconnects, lists) lives in
 * `serverController.ts`; this file only opens and closes.
 *
 * Pure core: no `vscode` import.
 */
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CreateMessageRequestSchema, ElicitRequestSchema, ErrorCode, ListRootsRequestSchema, McpError,
  type ClientCapabilities, type CreateMessageRequest, type CreateMessageResult, type ElicitRequest, type ElicitResult, type Implementation, type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import { AuthSession, isUnauthorized, type SessionOptions } from '../auth';
import type { TransportKind } from '../config/model';
import { VERSION } from '../version';
import { launchSummary, mergeEnv, type Launch } from './launch';
import { malformedResultMessage, schemaIssues } from './malformed';
import { ObservedTransport, type ObserverHooks } from './observedTransport';
import { descendants, isAlive, killAll, killTreeWindows } from './processTree';
import { checkCwd, describeSpawnError } from './spawnErrors';
import { stdioChild, stdioPid } from './stdioProcess';
import { DEFAULT_MAX_MESSAGE_BYTES } from './limits';
import { describeExit, StdioWatch } from './stdioWatch';
import { watchResponseStreams, type StreamEnded } from './streamWatch';
import { checkUrl, describeRemoteError, remoteTransport, shouldFallBackToSse, stdioTransport } from './transports';

export { describeExit } from './stdioWatch';

/** Time for spawn/connect plus `initialize` when neither the definition nor the caller sets one, milliseconds. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/**
 * Extra time the SDK's own `initialize` request timeout gets beyond ours, milliseconds, so that
 * our timeout (with its clearer message) fires first.
 */
const SDK_TIMEOUT_SLACK_MS = 1000;

/** How long a Streamable HTTP server gets to answer the session DELETE on close, milliseconds. */
const TERMINATE_SESSION_TIMEOUT_MS = 1000;

/** How long a stdio server gets to exit after its stdin closes, before SIGTERM (spec: "a reasonable time"). */
export const STOP_GRACE_MS = 500;

export interface ConnectOptions extends ObserverHooks {
  /** The server's name, for messages (`server "name"`); default: its command line or URL. */
  name?: string;
  /**
   * The largest message a stdio server may send, bytes; a larger one ends the session with a
   * message saying so. Default {@link DEFAULT_MAX_MESSAGE_BYTES} (the SDK's 10 MiB).
   */
  maxMessageBytes?: number;
  /** Folders offered as roots (spec 2024-11-05 `roots/list`): absolute paths, read on every request. */
  roots(): readonly string[];
  /** Time for spawn/connect plus `initialize`, milliseconds. Default {@link DEFAULT_CONNECT_TIMEOUT_MS}. */
  connectTimeoutMs?: number;
  /** The environment a stdio server inherits before the config's `env`. Default `process.env`. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** One stderr line of a stdio server (without the newline). */
  onStderr(line: string): void;
  /** Something the session works around, for the server's log (e.g. the SDK no longer exposing the server process). */
  onWarning?(message: string): void;
  /** Registers notification handlers on the client before it connects. */
  configure?(client: Client): void;
  /**
   * Answers the server's requests to the client. Each one given is declared as a capability
   * (sampling: spec 2024-11-05; elicitation form mode: 2025-06-18, URL mode: 2025-11-25); without
   * them the client declares neither and declines such requests with a clear message.
   */
  requests?: ClientRequestHandlers;
  clientInfo?: Implementation;
  /** Aborting ends the attempt at once: the process tree is killed and the call rejects. */
  signal?: AbortSignal;
  /**
   * OAuth sign-in for `http` and `sse` servers (`core/auth`): without it a 401 fails the connect.
   * Not used when the config sends its own `Authorization` header or sets `oauth.enabled: false`.
   */
  auth?: SessionOptions;
}

/** How a session ended. `expected` is false for a crash or a dropped connection. */
export interface CloseInfo {
  expected: boolean;
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  /** Why an unexpected end happened, when known: the exit with the last stderr lines, a message over the limit, a lost SSE stream. Not redacted. */
  reason?: string;
}

export interface Connection {
  readonly client: Client;
  /** The transport in use: `sse` when an `http` server fell back to legacy SSE. */
  readonly transport: TransportKind;
  /** The server process (stdio only). */
  readonly pid?: number;
  readonly serverInfo: Implementation;
  readonly protocolVersion?: string;
  readonly capabilities: ServerCapabilities;
  /** What this client declared in `initialize` (see {@link clientCapabilities}). */
  readonly clientCapabilities: ClientCapabilities;
  readonly instructions?: string;
  /** Settles once, when the session ends for any reason. */
  readonly closed: Promise<CloseInfo>;
  /** Ends the session; for stdio, kills the whole process tree. Never throws. */
  close(): Promise<void>;
  /** With OAuth: whether a sign-in flow ran at any time since `time` (epoch ms); see `AuthSession.authorizingSince`. */
  authorizingSince?(time: number): boolean;
  /**
   * Ends a session found lost (e.g. a failed ping): every request still waiting fails at once
   * with `connection to <server> lost during <method>: <why>`, then the session closes. Never throws.
   */
  lose(why: string): Promise<void>;
}

/** Methods a server may ask of the client that this client does not offer yet (declined, not ignored). */
const DECLINED: Record<string, string> = {
  'sampling/createMessage': 'sampling (letting the server ask the client\'s model)',
  'elicitation/create': 'elicitation (letting the server ask the user)',
};

/** Handlers for server-to-client requests; `signal` aborts when the server cancels or the session ends. */
export interface ClientRequestHandlers {
  /** Must answer both form mode (2025-06-18) and URL mode (2025-11-25): both are declared. */
  elicit?(params: ElicitRequest['params'], signal: AbortSignal): Promise<ElicitResult>;
  sample?(params: CreateMessageRequest['params'], signal: AbortSignal): Promise<CreateMessageResult>;
  /**
   * Declare `elicitation.form.applyDefaults`: the TypeScript SDK then fills the `default` of every
   * field of the `requestedSchema` that an accepted answer left out. An SDK extension of the
   * capability object (the spec's `form` capability is an open object); servers ignore it.
   */
  applyElicitationDefaults?: boolean;
}

/**
 * The client capabilities declared in `initialize` for these handlers: `roots` (with
 * `listChanged`, spec 2024-11-05) always; `sampling` (2024-11-05) with a `sample` handler;
 * `elicitation` with form and URL modes (2025-06-18, 2025-11-25) with an `elicit` handler.
 * Servers may offer different tools for different capabilities (server-everything lists
 * `trigger-sampling-request` only to a client that declared `sampling`).
 */
export function clientCapabilities(requests: ClientRequestHandlers = {}): ClientCapabilities {
  return {
    roots: { listChanged: true },
    ...(requests.sample ? { sampling: {} } : {}),
    ...(requests.elicit ? { elicitation: { form: requests.applyElicitationDefaults ? { applyDefaults: true } : {}, url: {} } } : {}),
  };
}

/** A client with the capabilities it really has: roots, and sampling / elicitation when handlers are given. */
function makeClient(options: ConnectOptions): Client {
  const requests = options.requests ?? {};
  const capabilities = clientCapabilities(requests);
  const client = new Client(options.clientInfo ?? { name: 'mcp-devtools', version: VERSION }, { capabilities });
  if (requests.elicit) client.setRequestHandler(ElicitRequestSchema, (req, extra) => requests.elicit!(req.params, extra.signal));
  if (requests.sample) client.setRequestHandler(CreateMessageRequestSchema, (req, extra) => requests.sample!(req.params, extra.signal));
  client.setRequestHandler(ListRootsRequestSchema, async () => ({
    roots: options.roots().map((p) => ({ uri: pathToFileURL(p).href, name: path.basename(p) })),
  }));
  client.fallbackRequestHandler = async (request) => {
    const what = DECLINED[request.method];
    throw new McpError(ErrorCode.MethodNotFound, what
      ? `MCP DevTools does not support ${what} yet and did not declare that capability, so it declines ${request.method}`
      : `MCP DevTools does not handle ${request.method}`);
  };
  options.configure?.(client);
  return client;
}

/**
 * Opens a session: spawns or connects, sends `initialize` (spec 2025-11-25 and earlier), waits
 * for the answer. For an `http` launch, a 4xx from Streamable HTTP makes it retry as legacy SSE.
 *
 * @throws Error with a clear message: spawn failures (`spawn npx ENOENT — the PATH searched was …`),
 *   unreachable URLs, refused protocol versions, or no answer within `connectTimeoutMs`.
 *   Messages are not redacted here: the caller redacts.
 */
export async function openConnection(launch: Launch, options: ConnectOptions): Promise<Connection> {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  if (launch.kind === 'stdio') {
    const cwdProblem = await checkCwd(launch);
    if (cwdProblem) throw new Error(`cannot start ${launch.command}: ${cwdProblem}`);
    const env = mergeEnv(options.baseEnv ?? process.env, launch.env);
    const limit = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const inner = stdioTransport(launch, env, limit);
    const watch = new StdioWatch(inner.stderr as Readable | null, limit, (l) => options.onStderr(l));
    try {
      return await initialize(launch, 'stdio', inner, options, timeoutMs, { watch });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.syscall?.startsWith('spawn')) throw new Error(describeSpawnError(err, launch, env.PATH ?? env.Path));
      throw e;
    }
  }
  const url = checkUrl(launch);
  const auth = authSessionFor(launch, options.auth);
  if (!auth) return openRemote(launch, url, options, timeoutMs);
  await auth.prepare();
  const conn = await auth.connect(() => openRemote(launch, url, options, timeoutMs, auth));
  return { ...conn, authorizingSince: (time) => auth.authorizingSince(time) };
}

/** A sign-in session for an HTTP launch, unless the config authorizes by itself or turns OAuth off. */
function authSessionFor(launch: Extract<Launch, { kind: 'http' | 'sse' | 'ws' }>, auth: SessionOptions | undefined): AuthSession | undefined {
  if (!auth || launch.kind === 'ws' || launch.auth?.enabled === false) return undefined;
  if (Object.keys(launch.headers).some((h) => /^authorization$/i.test(h))) return undefined;
  return new AuthSession(launch.url, launch.auth ?? {}, auth);
}

async function openRemote(launch: Extract<Launch, { kind: 'http' | 'sse' | 'ws' }>, url: URL, options: ConnectOptions, timeoutMs: number, auth?: AuthSession): Promise<Connection> {
  // A flow's own errors reach AuthSession.connect unchanged: it names the step that failed.
  const passOn = (e: unknown) => isUnauthorized(e) || (auth?.inFlow ?? false);
  try {
    const streams: Streams = {};
    // The response streams are watched over the sign-in's logging fetch, when there is one.
    const fetch = launch.kind === 'http' ? watchResponseStreams((ids, e) => streams.ended?.(ids, e), auth?.fetch) : undefined;
    return await initialize(launch, launch.kind, remoteTransport(launch, launch.kind, url, { fetch, auth }), options, timeoutMs, { streams });
  } catch (e) {
    if (passOn(e)) throw e;
    if (launch.kind !== 'http' || !shouldFallBackToSse(e)) throw new Error(describeRemoteError(e, launch.url));
    try {
      return await initialize(launch, 'sse', remoteTransport(launch, 'sse', url, { auth }), options, timeoutMs, {});
    } catch (e2) {
      if (passOn(e2)) throw e2;
      throw new Error(`${describeRemoteError(e, launch.url)}; the legacy SSE fallback failed too: ${describeRemoteError(e2, launch.url)}`);
    }
  }
}

/** Where a Streamable HTTP session hears that a POST's event stream ended (see `streamWatch.ts`). */
interface Streams {
  ended?: StreamEnded;
}

/** What a session watches beside the transport: the stdio server, or the HTTP response streams. */
interface Watchers {
  watch?: StdioWatch;
  streams?: Streams;
}

async function initialize(launch: Launch, kind: TransportKind, inner: Transport, options: ConnectOptions, timeoutMs: number, watchers: Watchers): Promise<Connection> {
  const label = options.name !== undefined ? `server "${options.name}"` : launchSummary(launch);
  const { watch, streams } = watchers;
  let notJson: string | undefined;
  let established = false;
  let expected = false;
  let reason: string | undefined;
  const observed = new ObservedTransport(inner, {
    trace: options.trace,
    onTrace: options.onTrace,
    onMessage: options.onMessage,
    onTransportError(e) {
      if (e instanceof SyntaxError && !notJson) notJson = e.message;
      watch?.noteError(e);
      options.onTransportError(e);
      // Legacy SSE (spec 2024-11-05): every answer comes on the one GET stream, and the session is
      // that stream. Once it broke or ended (the EventSource reports either as an error), nothing
      // waiting will be answered: fail it now and end the session, so the server reconnects.
      if (kind === 'sse' && established && !expected && e instanceof SseError) {
        reason = `the SSE stream ended (${e.message})`;
        observed.failPending((method) => `connection to ${label} lost during ${method}: ${reason}`);
        void close();
      }
    },
  });
  if (watch) {
    // Before the client hears of the close (and fails what waits with a bare "Connection closed"),
    // fail each waiting request with the exit code, the last stderr lines, or the size limit.
    observed.closeGate = async () => {
      if (expected) return watch.stop();
      await watch.settled();
      reason = watch.describe(label);
      observed.failPending((method) => watch.describe(label, method));
    };
  }
  if (streams) {
    streams.ended = (ids, error) => {
      // The SDK reads the stream's last events a few promise turns after the stream ends.
      setImmediate(() => setImmediate(() => {
        if (expected) return;
        const lost = observed.waiting().filter((w) => ids.includes(w.id) && !w.resumable).map((w) => w.id);
        if (!lost.length) return;
        const why = error === undefined ? 'the server ended its SSE response stream before answering' : `the SSE response stream broke (${(error as Error).message ?? String(error)})`;
        observed.failPending((method) => `connection to ${label} lost during ${method}: ${why}`, lost);
        // The session may still be alive: the ping check decides whether to reconnect.
        options.onTransportError(new Error(`${why} (request ${lost.join(', ')})`));
      }));
    };
  }
  const client = makeClient(options);
  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((r) => (resolveClosed = r));
  client.onclose = () => resolveClosed({ expected, exitCode: watch?.exit?.code, signal: watch?.exit?.signal, reason });

  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${launchSummary(launch)} did not answer initialize within ${timeoutMs / 1000} s`)), timeoutMs);
    onAbort = () => reject(new Error('the start was cancelled'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort);
  });
  let child: ChildProcess | undefined;
  try {
    const connecting = client.connect(observed, { timeout: timeoutMs + SDK_TIMEOUT_SLACK_MS });
    if (watch) {
      // The SDK keeps the child private; its exit code and signal make the crash message useful.
      void connecting.catch(() => undefined);
      await Promise.resolve();
      child = stdioChild(inner);
      if (child) watch.attach(child, () => !expected);
      else options.onWarning?.('the MCP SDK\'s stdio transport does not expose the server process (its private `_process`): a crash is reported without its exit code, and what it started is not cleaned up');
    }
    await Promise.race([connecting, timeout]);
  } catch (e) {
    const exit = watch?.exit;
    expected = true;
    await closeSession(client, inner);
    let err = e as Error;
    const issues = schemaIssues(e);
    if (issues) err = new Error(`${launchSummary(launch)}: ${malformedResultMessage('initialize', issues)}`);
    if (exit && (e as McpError).code === ErrorCode.ConnectionClosed) {
      err = new Error(`${launchSummary(launch)} exited before answering initialize (${describeExit(exit.code, exit.signal)})`);
    }
    if (notJson) err.message += ` — the server wrote something that is not JSON-RPC to stdout (${notJson}); stdio servers must write only JSON-RPC messages to stdout and log to stderr`;
    throw err;
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
  established = true;
  // Read the tree once the server answered (servers start their helpers first), so a crash right
  // after still finds them.
  await watch?.sample();
  // The child keeps its pid after it exits (a server may answer and exit at once); the SDK's getter does not.
  const pid = kind === 'stdio' ? stdioPid(inner) ?? child?.pid : undefined;
  if (kind === 'stdio' && pid === undefined) {
    options.onWarning?.('the MCP SDK\'s stdio transport gives no process id: stopping this server cannot end the processes it started (only the SDK\'s own close, which signals the server alone)');
  }
  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= closeSession(client, inner);
    return closing;
  }
  return {
    client,
    transport: kind,
    pid,
    serverInfo: client.getServerVersion() ?? { name: '(unnamed)', version: '' },
    protocolVersion: observed.protocolVersion,
    capabilities: client.getServerCapabilities() ?? {},
    clientCapabilities: clientCapabilities(options.requests),
    instructions: client.getInstructions(),
    closed,
    close() {
      expected = true;
      return close();
    },
    lose(why) {
      expected = true;
      observed.failPending((method) => `connection to ${label} lost during ${method}: ${why}`);
      return close();
    },
  };
}

/** Closes the client; for stdio, also every process the server started. Never throws. */
async function closeSession(client: Client, inner: Transport): Promise<void> {
  const pid = stdioPid(inner);
  if (pid && process.platform === 'win32') await killTreeWindows(pid);
  if (inner instanceof StreamableHTTPClientTransport && inner.sessionId) {
    // Spec 2025-03-26, Streamable HTTP "Session Management": a client that no longer needs the
    // session SHOULD send DELETE. Bounded, as a dead server must not hold up stop().
    await Promise.race([inner.terminateSession().catch(() => undefined), new Promise((r) => setTimeout(r, TERMINATE_SESSION_TIMEOUT_MS).unref())]);
  }
  const tree = pid ? await descendants(pid) : [];
  // The SDK ends stdin, waits 2 s, then SIGTERMs the root only. Servers that honour EOF are gone
  // within milliseconds; the others get SIGTERM (whole tree) after STOP_GRACE_MS instead.
  const closing = client.close().catch(() => undefined);
  if (pid) {
    const timer = setTimeout(() => void killAll([pid, ...tree].filter(isAlive)), STOP_GRACE_MS);
    await closing;
    clearTimeout(timer);
  } else {
    await closing;
  }
  const left = [...(pid ? [pid] : []), ...tree].filter(isAlive);
  if (left.length) await killAll(left);
}
