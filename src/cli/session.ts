/**
 * The one way a verb starts servers: {@link withServers} (every configured server, or the named
 * ones) and {@link withServer} (one, started and running). Both run the verb's body and then
 * ALWAYS stop every server they started (also when the body throws or returns early), and, while
 * the body runs, Ctrl-C (SIGINT) or SIGTERM stops them before the CLI exits; the handler is
 * installed once per session and removed afterwards, so an in-process caller keeps no listener.
 *
 * Pure core: no `vscode` import.
 */
import * as os from 'node:os';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { resolveTarget, TargetNotFoundError, type CallKind, type ResolvedTarget } from '../core/calls/target';
import type { ServerDefinition } from '../core/config/model';
import { clientCapabilities, LIST_KINDS, ServerRegistry, VariableError, type ServerSnapshot, type VariableContext } from '../core/connection';
import type { AuthStore } from '../core/auth';
import { cliAuthOptions } from './authAgent';
import { loadConfigs, noConfigFiles, type LoadedConfigs } from './configs';
import { requestHandlers } from './elicit';
import { ServerFault, UsageError, type Io } from './io';
import type { ConfigChoice } from './options';
import { defaultSessionFlags, type SessionFlags } from './sessionOptions';

/** The exit code after an interrupt (128 + SIGINT's number, as shells report it). */
const INTERRUPTED_EXIT_CODE = 130;

/** The environment variable the CLI reads for `${input:id}`: `MCP_INPUT_` + the id, upper case, non-alphanumerics as `_`. */
export function inputEnvName(id: string): string {
  return `MCP_INPUT_${id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** What a session is for: which servers, how long each may take, which config files. */
export interface SessionRequest {
  /** Server names; empty: every enabled server configured (none when {@link adHoc} servers are given). */
  names: string[];
  /** Servers with no config file (a URL, a command line: `adHoc.ts`), run beside the named ones. */
  adHoc?: ServerDefinition[];
  /** `--timeout`: to start each server, then for each request. */
  timeoutMs: number;
  /** `--max-message-mib` in bytes: the largest message a stdio server may send. Default: the SDK's limit. */
  maxMessageBytes?: number;
  choice: ConfigChoice;
  /**
   * Sign-in, elicitation and `--verbose` ({@link SESSION_OPTIONS}); default: as if none was given.
   * `--verbose` records the JSON-RPC traffic, so that a failure can show the server's whole log
   * ({@link serverLog}), and logs every step of an OAuth sign-in.
   */
  flags?: SessionFlags;
  /** Where sign-in state is kept; default the user's config folder. */
  authStore?: AuthStore;
  /**
   * Changes each definition before it goes to the registry (the config doctor starts a server
   * with its client's PATH); the session's `servers` are still the definitions as configured.
   */
  launchAs?: (server: ServerDefinition) => ServerDefinition;
}

/** The variables of the CLI: the environment, the folder found, `${input:id}` from `MCP_INPUT_<ID>`. */
export function cliVariables(io: Io, configs: LoadedConfigs): VariableContext {
  return {
    env: io.env,
    workspaceFolder: configs.workspaceFolder,
    userHome: os.homedir(),
    input: async (id) => {
      const value = io.env[inputEnvName(id)];
      if (value === undefined) throw new VariableError(`\${input:${id}} needs a value: the command line cannot ask, so set the environment variable ${inputEnvName(id)}`);
      return value;
    },
  };
}

/** The configured servers in a registry, ready to start; {@link withServers} stops them afterwards. */
export interface Session {
  registry: ServerRegistry;
  servers: ServerDefinition[];
  /** What the CLI declares in `initialize`: roots always; elicitation and sampling on a terminal. */
  clientCapabilities: ClientCapabilities;
  /** Where the config files came from. */
  configs: LoadedConfigs;
}

/**
 * Runs `body` with the servers of the config files `request.choice` selects (see
 * {@link loadConfigs}: the nearest folder with MCP config files from `io.cwd` up, or the
 * `--config` files; `--user` adds user-scope files), filtered by name, in a registry ready to
 * start; then stops every server, whatever `body` did. Roots are the folder found (or each
 * `--config` file's workspace folder); `${workspaceFolder}` is the folder a server's file implies.
 * Elicitation and sampling requests are answered as `--elicit` says (`elicit.ts`); a server that
 * needs OAuth signs in through `authAgent.ts`.
 * @returns what `body` returns
 * @throws UsageError when a named server is not configured, or a `--config` file cannot be read;
 *   and whatever `body` throws (after the servers are stopped)
 */
export async function withServers<T>(io: Io, request: SessionRequest, body: (session: Session) => Promise<T>): Promise<T> {
  const { names, timeoutMs, maxMessageBytes, choice } = request;
  const adHoc = request.adHoc ?? [];
  // Only servers with no config file: no config file is read (an empty folder is fine).
  const configs = adHoc.length && !names.length ? noConfigFiles(io) : await loadConfigs(io, choice);
  for (const f of configs.files) if (f.error) io.err(`warning: ${f.path}: ${f.error.message}`);
  const all = configs.files.flatMap((f) => f.servers).filter((s) => !s.options.disabled || names.includes(s.name));
  for (const n of names) {
    if (!all.some((s) => s.name === n)) {
      throw new UsageError(`no server named "${n}" is configured ${configs.describe()}${all.length ? ` (configured: ${[...new Set(all.map((s) => s.name))].join(', ')})` : ' (no MCP config file found)'}`);
    }
  }
  const servers = [...(names.length ? all.filter((s) => names.includes(s.name)) : adHoc.length ? [] : all), ...adHoc];
  const flags = request.flags ?? defaultSessionFlags(io);
  const requests = requestHandlers(flags.elicit, io);
  const registry = new ServerRegistry({
    roots: configs.roots,
    connectTimeoutMs: timeoutMs,
    requestTimeoutMs: timeoutMs,
    maxMessageBytes,
    // A command line run lists once: no reconnects.
    reconnect: { maxAttempts: 0 },
    baseEnv: io.env,
    requests,
    auth: cliAuthOptions(io, flags, request.authStore),
    variables: cliVariables(io, configs),
  });
  if (flags.verbose) registry.setTrace(true);
  const stop = () => registry.dispose().catch(() => undefined);
  const removeHandler = stopOnInterrupt(stop);
  try {
    await registry.setDefinitions(request.launchAs ? servers.map(request.launchAs) : servers);
    // Every server gets the same handlers, so the same capabilities.
    const declared = clientCapabilities(servers[0] && requests ? requests(servers[0]) : undefined);
    return await body({ registry, servers, clientCapabilities: declared, configs });
  } finally {
    removeHandler();
    await stop();
  }
}

/**
 * Until the returned function is called, SIGINT and SIGTERM run `stop` and then exit the process
 * (Ctrl-C must not leave servers behind). One handler, registered once for both signals.
 * @returns removes the handler
 */
function stopOnInterrupt(stop: () => Promise<unknown>): () => void {
  const handler = () => void stop().finally(() => process.exit(INTERRUPTED_EXIT_CODE));
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** One running server of a session. */
export interface RunningServer {
  registry: ServerRegistry;
  id: string;
  name: string;
  /** The server once started: its lists are loaded. */
  snapshot: ServerSnapshot;
}

/**
 * Starts the server named `name`, or the server with no config file `name` (as {@link withServers}), and runs `body` once it is running
 * with its lists; then stops it, whatever `body` did. When it does not start, prints why on
 * stderr (prefixed with `mcp-devtools <verb>`) and returns 1 without running `body`.
 * @returns `body`'s exit code, or 1
 * @throws UsageError when no server of that name is configured, or a `--config` file cannot be read
 */
export function withServer(io: Io, verb: string, server: string | ServerDefinition, request: Omit<SessionRequest, 'names' | 'adHoc'>, body: (server: RunningServer) => Promise<number>): Promise<number> {
  const named = typeof server === 'string' ? { names: [server] } : { names: [], adHoc: [server] };
  const name = typeof server === 'string' ? server : server.name;
  return withServers(io, { ...request, ...named }, async ({ registry, servers }) => {
    const id = servers[0].id;
    await registry.start(id);
    const snapshot = registry.get(id);
    if (!snapshot || snapshot.state.kind !== 'running') {
      io.err(`mcp-devtools ${verb}: server "${name}" failed: ${snapshot ? failures(snapshot).join('\n') : 'gone'}`);
      if (request.flags?.verbose) io.err(serverLog(registry, id).join('\n'));
      return 1;
    }
    return body({ registry, id, name, snapshot });
  });
}

/** The failures of one server, as lines: its start error, or each failed list. */
export function failures(s: ServerSnapshot): string[] {
  if (s.state.kind === 'error') return [s.state.message, ...s.state.stderrTail.slice(-5).map((l) => `  stderr: ${l}`)];
  if (s.state.kind !== 'running') return [`not running (${s.state.kind})`];
  return LIST_KINDS.flatMap((k) => { const l = s.lists[k]; return l.kind === 'error' ? [l.message] : []; });
}

/**
 * A server's log as lines for `--verbose`, oldest first: `lifecycle error: …`, `stderr: …`,
 * `→ initialize {…}` (sent) and `← {…}` (received). Every text is already redacted by the registry.
 */
export function serverLog(registry: ServerRegistry, id: string): string[] {
  const name = registry.get(id)?.definition.name ?? id;
  const lines = registry.logs(id).map((e) => {
    switch (e.kind) {
      case 'trace':
        return `  ${e.direction === 'send' ? '→' : '←'} ${e.method ? `${e.method} ` : ''}${e.text}`;
      case 'lifecycle':
        return `  ${e.level}: ${e.text}`;
      case 'server':
        return `  server log (${e.level}): ${e.text}`;
      default:
        return `  stderr: ${e.text}`;
    }
  });
  return [`log of server "${name}" (${lines.length} entries):`, ...lines];
}

/**
 * A tool, prompt or resource template of a running server (see `resolveTarget`).
 * @throws ServerFault when the server could not give that list (its error: exit 1, not a usage
 *   error); UsageError naming what the server lists instead, or saying it has no such capability
 */
export function resolveOn(server: RunningServer, kind: CallKind, name: string): ResolvedTarget {
  try {
    return resolveTarget({ kind, server: server.id, name }, server.snapshot);
  } catch (e) {
    // a list the server could not give is its fault (exit 1); a name it does not list is the user's (exit 2)
    if (e instanceof TargetNotFoundError) throw e.listFailed ? new ServerFault(e.message) : new UsageError(e.message);
    throw e;
  }
}
