/**
 * The lifecycle of one server: start, stop, restart, reconnect after an unexpected exit (1 s
 * doubling to 30 s, at most 5 tries, then a final `error` with the last stderr lines), and its
 * lists kept current through `notifications/*\/list_changed`.
 *
 * Pure core: no `vscode` import.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  LoggingMessageNotificationSchema, PromptListChangedNotificationSchema, ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema, ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { debugTypeOf, type ServerDefinition } from '../config/model';
import { AuthRequiredError } from '../auth';
import { DEFAULT_CONNECT_TIMEOUT_MS, describeExit, openConnection, type CloseInfo, type Connection } from './connect';
import { DEBUG_HOST, debugLaunch, freePort, inspectorPort, type DebugLaunch } from './debugLaunch';
import { TypedEmitter, type LogEvent } from './events';
import { launchSummary, literalSecrets, resolveLaunch } from './launch';
import { ListKeeper } from './listKeeper';
import { Redactor } from '../secrets';
import { MessageLog } from '../protocol/messageLog';
import { backoffDelay, LIST_KINDS, ServerState, type ListKind } from './state';
import type { ControllerEvents, ControllerOptions, ServerInfo, ServerLists } from './types';

const STDERR_TAIL = 20;
const MAX_MESSAGE = 2000;
/** How long a remote server gets to answer `ping` after a transport error before it counts as lost, milliseconds. */
const PING_TIMEOUT_MS = 5000;
/** The default of `ControllerOptions.requestTimeoutMs`: each list request, milliseconds. */
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** The default of `ReconnectOptions.stableAfterMs`, milliseconds. */
const DEFAULT_STABLE_AFTER_MS = 60_000;
/**
 * Extra time a server started under its debugger gets to answer `initialize`, milliseconds: `node
 * --inspect-brk` waits until the debugger attached, and a debug adapter can take tens of seconds
 * to start on a loaded machine.
 */
const DEBUG_ATTACH_GRACE_MS = 60_000;
/** The default of `ReconnectOptions.maxAttempts`. */
const DEFAULT_MAX_RECONNECT_ATTEMPTS = 5;

export class ServerController {
  readonly events = new TypedEmitter<ControllerEvents>();
  state: ServerState = ServerState.stopped;
  info: ServerInfo | undefined;
  /** The live session while `running`. */
  connection: Connection | undefined;
  readonly redactor: Redactor;
  /** Every JSON-RPC message of this server's sessions, masked, for the Protocol view. */
  readonly protocol: MessageLog;
  private generation = 0;
  private pending: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private abort: AbortController | undefined;
  private resolving = false;
  private checking = false;
  private session: { since: number; attempt: number } | undefined;
  private stderrTail: string[] = [];
  /** The generation whose Node inspectors announce themselves on stderr (`NODE_OPTIONS=--inspect`), if any. */
  private inspectorGen: number | undefined;
  private readonly keeper: ListKeeper;

  /**
   * @param definition what this controller runs; the registry replaces it in place when only
   *   something other than the launch changed (options, source ranges)
   */
  constructor(public definition: ServerDefinition, private readonly options: ControllerOptions) {
    // Literal env and header values are secrets before any variable is resolved.
    this.redactor = new Redactor(literalSecrets(definition));
    this.protocol = new MessageLog({ capacity: options.protocolCapacity, redact: (t) => this.redactor.redact(t) });
    this.keeper = new ListKeeper({
      changed: (kind) => this.events.emit('lists', kind),
      failed: (message) => this.log('lifecycle', 'error', message),
      redact: (text) => this.redactor.redact(text),
      timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    });
  }

  /**
   * Starts the server unless it is already starting or running. Resolves when it runs and every
   * list has loaded (or failed), or when it ends in `error`. Never rejects: failures are states.
   */
  start(): Promise<void> {
    if (!ServerState.canBeStarted(this.state)) return this.pending ?? Promise.resolve();
    this.stderrTail = [];
    return this.run(0);
  }

  /** Stops the server (killing its process tree) and cancels any scheduled reconnect. Never rejects. */
  async stop(): Promise<void> {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // A start in flight is cancelled, and waited for, so no process outlives stop().
    this.abort?.abort();
    this.abort = undefined;
    const conn = this.connection;
    const pending = this.pending;
    this.connection = undefined;
    this.pending = undefined;
    if (this.state.kind !== 'stopped') this.setState(ServerState.stopped);
    if (conn) {
      this.log('lifecycle', 'info', 'stopping');
      await conn.close();
    }
    // Not while an `${input:…}` question is open: that may wait on the user for ever; the start
    // notices it was stopped once the answer comes.
    if (!this.resolving) await pending;
  }

  /** Stops, then starts. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** The live client, or an Error saying why there is none. */
  client(): Client {
    if (this.connection && this.state.kind === 'running') return this.connection.client;
    throw new Error(`server "${this.definition.name}" is not running (${ServerState.label(this.state)})`);
  }

  private run(attempt: number): Promise<void> {
    const gen = ++this.generation;
    this.setState({ kind: 'starting', attempt, since: Date.now() });
    this.pending = this.connect(gen, attempt);
    return this.pending;
  }

  private async connect(gen: number, attempt: number): Promise<void> {
    const o = this.options;
    const abort = new AbortController();
    this.abort = abort;
    let conn: Connection;
    let debug: DebugLaunch | undefined;
    try {
      this.resolving = true;
      const resolved = await resolveLaunch(this.definition, o.variables).finally(() => (this.resolving = false));
      this.redactor.add(resolved.secrets);
      if (gen !== this.generation) return;
      debug = await this.debugPlan(resolved.launch, gen);
      if (gen !== this.generation) return;
      const launch = debug?.launch ?? resolved.launch;
      this.log('lifecycle', 'info', `${attempt ? `reconnect attempt ${attempt}: ` : ''}starting ${launch.kind} ${launchSummary(launch)}`);
      if (debug?.port && debug.attachWhen === 'spawned') this.events.emit('debug', { type: 'node', host: DEBUG_HOST, port: debug.port });
      conn = await openConnection(launch, {
        name: this.definition.name,
        maxMessageBytes: o.maxMessageBytes,
        roots: o.roots,
        connectTimeoutMs: (this.definition.options.startupTimeoutMs ?? o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) + (debug ? DEBUG_ATTACH_GRACE_MS : 0),
        baseEnv: o.baseEnv,
        clientInfo: o.clientInfo,
        trace: o.trace,
        onTrace: (r) => gen === this.generation && this.events.emit('log', {
          kind: 'trace', time: Date.now(), direction: r.direction, method: r.method, id: r.id, durationMs: r.durationMs, text: this.redactor.redact(JSON.stringify(r.message)),
        }),
        onMessage: (direction, message) => this.protocol.enqueue(direction === 'send' ? 'sent' : 'received', message),
        onTransportError: (e) => this.onTransportError(gen, e),
        onStderr: (line) => this.onStderr(line, gen),
        onWarning: (message) => this.log('lifecycle', 'warning', message),
        configure: (client) => this.configure(client, gen),
        requests: o.requests?.(this.definition),
        auth: this.authOptions(),
        signal: abort.signal,
      });
    } catch (e) {
      if (gen !== this.generation) return;
      const message = this.redactor.redact((e as Error).message).slice(0, MAX_MESSAGE);
      this.log('lifecycle', 'error', message);
      if (attempt > 0) this.scheduleRetry(attempt + 1, message);
      else this.setState({ kind: 'error', message, stderrTail: [...this.stderrTail], ...(e instanceof AuthRequiredError && { signInRequired: true }) });
      return;
    }
    if (gen !== this.generation) {
      await conn.close();
      return;
    }
    const since = Date.now();
    this.connection = conn;
    this.info = {
      serverInfo: conn.serverInfo, protocolVersion: conn.protocolVersion, capabilities: conn.capabilities, clientCapabilities: conn.clientCapabilities,
      instructions: conn.instructions, transport: conn.transport, pid: conn.pid,
    };
    this.keeper.clear();
    this.session = { since, attempt };
    void conn.closed.then((info) => this.onClosed(gen, info, since, attempt));
    this.log('lifecycle', 'info', `running: ${conn.serverInfo.name} ${conn.serverInfo.version} over ${conn.transport}, protocol ${conn.protocolVersion ?? '?'}${conn.pid ? `, pid ${conn.pid}` : ''}`);
    this.setState({ kind: 'running', since });
    if (debug?.port && debug.attachWhen === 'running') this.events.emit('debug', { type: 'debugpy', host: DEBUG_HOST, port: debug.port });
    await Promise.all(LIST_KINDS.map((k) => this.refresh(k, gen)));
  }

  /**
   * The launch under the debugger of the definition's `dev.debug` (VS Code's development mode),
   * when this registry attaches debuggers (`ControllerOptions.debug`) and the server is stdio;
   * otherwise `undefined` (the CLI says in the log that it ignores `dev.debug`).
   * @throws Error when the command cannot run under that debugger (see `debugLaunch`)
   */
  private async debugPlan(launch: Awaited<ReturnType<typeof resolveLaunch>>['launch'], gen: number): Promise<DebugLaunch | undefined> {
    this.inspectorGen = undefined;
    const type = debugTypeOf(this.definition);
    if (!type || launch.kind !== 'stdio') return undefined;
    if (!this.options.debug) {
      this.log('lifecycle', 'info', `dev.debug (${type}) is ignored here: no debugger attaches outside VS Code`);
      return undefined;
    }
    const plan = debugLaunch(launch, type, await freePort(), { debugpyPath: this.definition.dev?.debugpyPath?.value, baseNodeOptions: (this.options.baseEnv ?? process.env).NODE_OPTIONS });
    if (!plan.port) this.inspectorGen = gen;
    this.log('lifecycle', 'info', plan.port ? `debugging with ${type}: its debugger listens on ${DEBUG_HOST}:${plan.port}` : `debugging with ${type}: every node process it starts opens an inspector (NODE_OPTIONS), attached as it says so on stderr`);
    return plan;
  }

  /** The sign-in options for this server, with this controller's redactor (tokens and codes join it). */
  private authOptions() {
    const auth = this.options.auth?.(this.definition);
    return auth && { ...auth, redactor: this.redactor };
  }

  private onClosed(gen: number, info: CloseInfo, since: number, attempt: number): void {
    if (gen !== this.generation || info.expected) return;
    this.connection = undefined;
    const how = this.redactor.redact(info.reason ?? (info.exitCode !== undefined || info.signal ? `exited unexpectedly (${describeExit(info.exitCode, info.signal)})` : 'closed the connection unexpectedly')).slice(0, MAX_MESSAGE);
    this.log('lifecycle', 'error', how);
    const stable = Date.now() - since >= (this.options.reconnect?.stableAfterMs ?? DEFAULT_STABLE_AFTER_MS);
    this.scheduleRetry(stable ? 1 : attempt + 1, how);
  }

  /**
   * A remote transport error (a dropped Streamable HTTP stream, a failed POST) does not close the
   * SDK's transport, so the server could look `running` while gone: ping it, and treat a failed
   * ping like an unexpected exit (what still waits fails with that reason). A legacy SSE session
   * that lost its stream is ended in `connect.ts` and comes back here as an unexpected close.
   */
  private onTransportError(gen: number, e: Error): void {
    if (gen !== this.generation) return;
    this.log('lifecycle', 'warning', `transport: ${e.message}`);
    const conn = this.connection;
    if (!conn || conn.transport === 'stdio' || this.checking || this.state.kind !== 'running') return;
    this.checking = true;
    const pinged = Date.now();
    void conn.client.ping({ timeout: PING_TIMEOUT_MS }).then(
      () => undefined,
      (err: Error) => {
        if (gen !== this.generation || this.connection !== conn) return;
        // A 401/403 is an authorization event: a ping held up by a sign-in did not find the server gone.
        if (conn.authorizingSince?.(pinged)) return void this.log('lifecycle', 'info', `a ping went unanswered while signing in (${err.message}): not a lost connection`);
        this.connection = undefined;
        // What still waits fails now, saying why, instead of at its own timeout.
        void conn.lose(`it did not answer ping after a transport error (${err.message})`);
        const how = `lost the connection (${err.message})`;
        this.log('lifecycle', 'error', how);
        const { since, attempt } = this.session ?? { since: 0, attempt: 0 };
        const stable = Date.now() - since >= (this.options.reconnect?.stableAfterMs ?? DEFAULT_STABLE_AFTER_MS);
        this.scheduleRetry(stable ? 1 : attempt + 1, how);
      },
    ).finally(() => (this.checking = false));
  }

  private scheduleRetry(attempt: number, message: string): void {
    const r = this.options.reconnect ?? {};
    const maxAttempts = r.maxAttempts ?? DEFAULT_MAX_RECONNECT_ATTEMPTS;
    const stderrTail = [...this.stderrTail];
    if (attempt > maxAttempts) {
      const lastLine = stderrTail[stderrTail.length - 1];
      // A crash's reason already ends with its last stderr lines.
      const last = lastLine && !message.includes(lastLine) ? `; last stderr: ${lastLine}` : '';
      const gaveUp = maxAttempts > 0 ? ` — gave up after ${maxAttempts} reconnect attempts` : '';
      this.setState({ kind: 'error', message: `${message}${gaveUp}${last}`, stderrTail });
      return;
    }
    const delay = backoffDelay(attempt, r.baseMs, r.maxMs);
    this.log('lifecycle', 'info', `reconnecting in ${delay} ms (attempt ${attempt} of ${maxAttempts})`);
    this.setState({ kind: 'error', message, stderrTail, retry: { attempt, maxAttempts, at: Date.now() + delay } });
    const gen = this.generation;
    this.retryTimer = setTimeout(() => {
      if (gen === this.generation) void this.run(attempt);
    }, delay);
  }

  private configure(client: Client, gen: number): void {
    const live = () => gen === this.generation;
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => void (live() && this.refresh('tools', gen)));
    client.setNotificationHandler(PromptListChangedNotificationSchema, async () => void (live() && this.refresh('prompts', gen)));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, async () => {
      if (!live()) return;
      void this.refresh('resources', gen);
      void this.refresh('resourceTemplates', gen);
    });
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, async (n) => void (live() && this.events.emit('resourceUpdated', n.params.uri)));
    client.setNotificationHandler(LoggingMessageNotificationSchema, async (n) => {
      if (!live()) return;
      const data = n.params.data;
      const text = this.redactor.redact(typeof data === 'string' ? data : JSON.stringify(data));
      this.events.emit('log', { kind: 'server', time: Date.now(), level: n.params.level, logger: n.params.logger, text });
    });
  }

  /** Re-lists one list of the running session, all pages (see {@link ListKeeper.refresh}). */
  refresh(kind: ListKind, gen = this.generation): Promise<void> {
    const conn = this.connection;
    if (!conn || gen !== this.generation) return Promise.resolve();
    return this.keeper.refresh(kind, conn, () => gen === this.generation && this.connection === conn);
  }

  /** The lists of the current session. */
  get lists(): ServerLists {
    return this.keeper.lists;
  }

  private setState(state: ServerState): void {
    this.state = state;
    if (state.kind !== 'running') {
      this.info = state.kind === 'stopped' || state.kind === 'error' ? undefined : this.info;
      if (state.kind !== 'starting') this.keeper.clear();
    }
    this.events.emit('state', state);
  }

  private onStderr(line: string, gen: number): void {
    const port = this.inspectorGen === gen && gen === this.generation ? inspectorPort(line) : undefined;
    if (port) this.events.emit('debug', { type: 'node', host: DEBUG_HOST, port });
    const text = this.redactor.redact(line);
    this.stderrTail.push(text);
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift();
    this.events.emit('log', { kind: 'stderr', time: Date.now(), text });
  }

  private log(kind: 'lifecycle', level: 'info' | 'warning' | 'error', text: string): void {
    const event: LogEvent = { kind, level, time: Date.now(), text: this.redactor.redact(text) };
    this.events.emit('log', event);
  }
}
