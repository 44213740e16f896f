/**
 * The shapes the connection layer hands to its users (the VS Code tree, the CLI): server info,
 * lists, snapshots, options and events.
 *
 * Pure core: no `vscode` import.
 */
import type { ClientCapabilities, Implementation, ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { SessionOptions } from '../auth';
import type { ServerDefinition, TransportKind } from '../config/model';
import type { ClientRequestHandlers } from './connect';
import type { DebugTarget } from './debugLaunch';
import type { LogEvent } from './events';
import type { ListItems } from './lists';
import type { ListKind, ListState, ServerState } from './state';
import type { VariableContext } from './variables';

/** What `initialize` told us about a running server. */
export interface ServerInfo {
  serverInfo: Implementation;
  /** The negotiated revision, e.g. `2025-06-18`. */
  protocolVersion?: string;
  capabilities: ServerCapabilities;
  /** What this client declared for the session; a server's lists may depend on it. */
  clientCapabilities: ClientCapabilities;
  instructions?: string;
  /** The transport in use (`sse` after an `http` server fell back). */
  transport: TransportKind;
  /** The server process, for stdio. */
  pid?: number;
}

/** Every list of a server. */
export type ServerLists = { [K in ListKind]: ListState<ListItems[K]> };

/** A server as a view sees it. A fresh object per call; safe to keep. */
export interface ServerSnapshot {
  id: string;
  definition: ServerDefinition;
  state: ServerState;
  /** Set while running. */
  info?: ServerInfo;
  lists: ServerLists;
}

/** Reconnect policy after an unexpected exit or a lost connection: `baseMs` doubling to `maxMs`, at most `maxAttempts`. */
export interface ReconnectOptions {
  /** Milliseconds. Default `BACKOFF_BASE_MS` (1000). */
  baseMs?: number;
  /** Milliseconds. Default `BACKOFF_MAX_MS` (30 000). */
  maxMs?: number;
  /** Default `DEFAULT_MAX_RECONNECT_ATTEMPTS` (5). */
  maxAttempts?: number;
  /** A session that lived this long counts as healthy: the next crash starts again at attempt 1. Milliseconds; default `DEFAULT_STABLE_AFTER_MS` (60 000). */
  stableAfterMs?: number;
}

export interface ControllerOptions {
  variables: VariableContext;
  /** Folders offered as roots: absolute paths. */
  roots(): readonly string[];
  /** Milliseconds; default `DEFAULT_CONNECT_TIMEOUT_MS` (30 000); a definition's `startupTimeoutMs` wins. */
  connectTimeoutMs?: number;
  /** Timeout of each list request, milliseconds. Default `DEFAULT_REQUEST_TIMEOUT_MS` (60 000). */
  requestTimeoutMs?: number;
  /** The largest message a stdio server may send, bytes. Default `DEFAULT_MAX_MESSAGE_BYTES` (the SDK's 10 MiB). */
  maxMessageBytes?: number;
  reconnect?: ReconnectOptions;
  /** What a stdio server inherits before its `env`. Default `process.env`. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  clientInfo?: Implementation;
  /** Whether JSON-RPC trace events are produced now. */
  trace(): boolean;
  /** Handlers for one server's requests to the client (elicitation, sampling); none: declined. */
  requests?: (server: ServerDefinition) => ClientRequestHandlers;
  /** JSON-RPC messages the Protocol view keeps per server (`core/protocol`); 0 keeps none. Default `DEFAULT_PROTOCOL_CAPACITY` (2000). */
  protocolCapacity?: number;
  /**
   * Honour VS Code's `dev.debug`: start a stdio server under its debugger and announce where to
   * attach (the `debug` event). Off (the CLI): `dev.debug` is ignored, with a line in the log.
   */
  debug?: boolean;
  /** OAuth sign-in for one remote server (`core/auth`); none: a 401 fails the start. The controller adds its redactor. */
  auth?: (server: ServerDefinition) => Omit<SessionOptions, 'redactor'> | undefined;
}

export interface ControllerEvents {
  [event: string]: unknown[];
  state: [state: ServerState];
  lists: [list: ListKind];
  log: [event: LogEvent];
  resourceUpdated: [uri: string];
  /** A debugger of this server listens: attach to it (`dev.debug`, with `ControllerOptions.debug`). */
  debug: [target: DebugTarget];
}
