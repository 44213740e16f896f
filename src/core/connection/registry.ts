/**
 * The set of configured servers and their live state: one {@link ServerController} per
 * definition, change events for views, a log ring per server, and a `dispose()` that leaves no
 * process behind.
 *
 * Pure core: no `vscode` import. The VS Code tree and the CLI are built on this class.
 */
import * as os from 'node:os';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, CreateTaskResultSchema, type CallToolResult, type CreateTaskResult, type GetPromptResult, type GetTaskResult, type ReadResourceResult, type Task } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { diffDefinitions, type DefinitionChanges } from '../config/definitionChanges';
import type { ServerDefinition } from '../config/model';
import type { DebugTarget } from './debugLaunch';
import { TypedEmitter, type LogEvent } from './events';
import { ServerController } from './serverController';
import type { ListKind, ServerState } from './state';
import type { ControllerOptions, ServerSnapshot } from './types';
import type { MessageLog, MessageLogChange } from '../protocol/messageLog';

export interface RegistryEvents {
  [event: string]: unknown[];
  /** Servers were added, removed or replaced (after {@link ServerRegistry.setDefinitions}). */
  servers: [];
  state: [id: string, state: ServerState];
  /** One list changed: it started loading, loaded, failed, or was cleared. */
  lists: [id: string, list: ListKind];
  log: [id: string, event: LogEvent];
  /** `notifications/resources/updated` (spec 2024-11-05, subscriptions). */
  resourceUpdated: [id: string, uri: string];
  /** A JSON-RPC message was kept in the server's protocol log (see {@link ServerRegistry.protocol}). */
  message: [id: string, change: MessageLogChange];
  /** A debugger of this server listens (VS Code's `dev.debug`, with `RegistryOptions.debug`): attach to it. */
  debug: [id: string, target: DebugTarget];
}

/** Log events kept per server by default (lifecycle, stderr, server messages, trace). */
const DEFAULT_LOG_LIMIT = 2000;

export interface RegistryOptions extends Partial<Omit<ControllerOptions, 'trace' | 'roots'>> {
  /** Folders offered as roots (absolute paths). Default: none. */
  roots?: readonly string[];
  /** Log events kept per server (oldest dropped first). Default {@link DEFAULT_LOG_LIMIT}. */
  logLimit?: number;
}

export class ServerRegistry {
  readonly events = new TypedEmitter<RegistryEvents>();
  private readonly controllers = new Map<string, ServerController>();
  private readonly unsubscribe = new Map<string, () => void>();
  private readonly logRings = new Map<string, LogEvent[]>();
  private roots: readonly string[];
  private tracing = false;
  private protocolCapacity: number | undefined;
  private disposed = false;

  constructor(private readonly options: RegistryOptions = {}) {
    this.roots = options.roots ?? [];
  }

  /**
   * Replaces the set of servers. New ids are added (stopped); missing ids are stopped and removed;
   * a definition whose launch changed (see {@link diffDefinitions}) is stopped and replaced by a
   * stopped one; any other change (options, ranges) is taken in place, without a restart. When no
   * server is removed or replaced, the new set is in place synchronously (before the promise settles).
   * @returns the changes, and `interrupted`: the ids that were not `stopped` (running, starting,
   *   reconnecting, or failed) and were stopped for a new launch — the ones a caller may restart
   */
  async setDefinitions(defs: readonly ServerDefinition[]): Promise<{ changes: DefinitionChanges; interrupted: string[] }> {
    const changes = diffDefinitions([...this.controllers.values()].map((c) => c.definition), defs);
    const interrupted = changes.relaunched.filter((d) => this.controllers.get(d.id)?.state.kind !== 'stopped').map((d) => d.id);
    // Waits only when servers must go: otherwise the new set is in place when this returns its promise.
    const going = [...changes.removed, ...changes.relaunched.map((d) => d.id)];
    if (going.length) await Promise.all(going.map((id) => this.remove(id)));
    for (const d of changes.updated) this.controllers.get(d.id)!.definition = d;
    // Re-added in definition order, so all() keeps the files' order.
    const replaced = new Set(changes.relaunched.map((d) => d.id));
    const kept = new Map(this.controllers);
    this.controllers.clear();
    for (const d of defs) {
      const c = kept.get(d.id);
      if (c && !replaced.has(d.id)) this.controllers.set(d.id, c);
      else this.add(d);
    }
    this.events.emit('servers');
    return { changes, interrupted };
  }

  /** Every server, in definition order. */
  all(): ServerSnapshot[] {
    return [...this.controllers.values()].map(snapshot);
  }

  /** One server, or `undefined` for an unknown id. */
  get(id: string): ServerSnapshot | undefined {
    const c = this.controllers.get(id);
    return c && snapshot(c);
  }

  /** The log events kept for a server, oldest first. */
  logs(id: string): readonly LogEvent[] {
    return this.logRings.get(id) ?? [];
  }

  /**
   * The JSON-RPC messages kept for a server (masked; see `core/protocol`), or undefined for an
   * unknown id. A server replaced for a new launch gets a new, empty log.
   */
  protocol(id: string): MessageLog | undefined {
    return this.controllers.get(id)?.protocol;
  }

  /** Changes how many JSON-RPC messages each server's protocol log keeps (0: none), effective at once. */
  setProtocolCapacity(capacity: number): void {
    this.protocolCapacity = capacity;
    for (const c of this.controllers.values()) c.protocol.resize(capacity);
  }

  /** Starts one server; resolves when it runs with its lists loaded, or failed. Never rejects for server failures. */
  start(id: string): Promise<void> {
    return this.controller(id).start();
  }

  stop(id: string): Promise<void> {
    return this.controller(id).stop();
  }

  restart(id: string): Promise<void> {
    return this.controller(id).restart();
  }

  /** Starts every server at once (or those with the given ids). */
  async startAll(ids?: readonly string[]): Promise<void> {
    await Promise.all((ids ?? [...this.controllers.keys()]).map((id) => this.start(id)));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.controllers.values()].map((c) => c.stop()));
  }

  /** Re-lists one list of a running server, all pages. */
  refresh(id: string, list: ListKind): Promise<void> {
    return this.controller(id).refresh(list);
  }

  /** Changes the roots and tells running servers (`notifications/roots/list_changed`). */
  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    for (const c of this.controllers.values()) void c.connection?.client.sendRootsListChanged().catch(() => undefined);
  }

  /** Switches JSON-RPC trace log events on or off, for every server, effective at once. */
  setTrace(on: boolean): void {
    this.tracing = on;
  }

  /**
   * The SDK client of a running server, for everything else (subscribe, complete, setLoggingLevel, ping).
   * @throws Error when the id is unknown or the server is not running
   */
  client(id: string): Client {
    return this.controller(id).client();
  }

  /**
   * `tools/call` on a running server. The result comes back as the server sent it: its
   * `structuredContent` is NOT checked here — the SDK's `Client.callTool` would check it with a
   * draft-07 validator and throw on a mismatch; the results layer checks it against the tool's
   * `outputSchema` in the schema's own dialect (2020-12 by default, spec 2025-11-25) and shows a
   * mismatch next to the result.
   * @throws Error when the server is not running; McpError from the server or on timeout (-32001)
   */
  callTool(id: string, name: string, args?: Record<string, unknown>, options?: RequestOptions): Promise<CallToolResult> {
    return this.controller(id).client().request({ method: 'tools/call', params: { name, arguments: args } }, CallToolResultSchema, options) as Promise<CallToolResult>;
  }

  /**
   * The task requests of a running server (spec 2025-11-25): `tools/call` augmented with a task
   * (the server answers a `CreateTaskResult` at once), and the SDK's `client.experimental.tasks`
   * `tasks/get`, `tasks/result` (a `CallToolResult`, its `structuredContent` unchecked as in
   * {@link callTool}) and `tasks/cancel`. `core/calls/task.ts` drives them.
   * @throws Error when the server is not running; each request: McpError from the server or on timeout
   */
  tasks(id: string): {
    callToolAsTask(name: string, args: Record<string, unknown>, task: { ttl?: number }, options?: RequestOptions): Promise<CreateTaskResult>;
    getTask(taskId: string, options?: RequestOptions): Promise<GetTaskResult>;
    getTaskResult(taskId: string, options?: RequestOptions): Promise<CallToolResult>;
    cancelTask(taskId: string, options?: RequestOptions): Promise<Task>;
  } {
    const client = this.controller(id).client();
    const tasks = client.experimental.tasks;
    return {
      callToolAsTask: (name, args, task, options) => client.request({ method: 'tools/call', params: { name, arguments: args } }, CreateTaskResultSchema, { ...options, task }),
      getTask: (taskId, options) => tasks.getTask(taskId, options),
      getTaskResult: (taskId, options) => tasks.getTaskResult(taskId, CallToolResultSchema, options) as Promise<CallToolResult>,
      cancelTask: (taskId, options) => tasks.cancelTask(taskId, options),
    };
  }

  /** `resources/read` on a running server. Same errors as {@link callTool}. */
  readResource(id: string, uri: string, options?: RequestOptions): Promise<ReadResourceResult> {
    return this.controller(id).client().readResource({ uri }, options);
  }

  /** `prompts/get` on a running server. Same errors as {@link callTool}. */
  getPrompt(id: string, name: string, args?: Record<string, string>, options?: RequestOptions): Promise<GetPromptResult> {
    return this.controller(id).client().getPrompt({ name, arguments: args }, options);
  }

  /** The redacted form of a text for one server's secrets (for tooltips and messages outside this layer). */
  redact(id: string, text: string): string {
    return this.controllers.get(id)?.redactor.redact(text) ?? text;
  }

  /** Stops every server, kills their process trees, and drops every listener. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.all([...this.controllers.keys()].map((id) => this.remove(id)));
    this.events.clear();
  }

  private add(def: ServerDefinition): void {
    if (this.disposed) throw new Error('the server registry is disposed');
    const c = new ServerController(def, {
      ...this.options,
      variables: this.options.variables ?? { env: process.env, userHome: os.homedir() },
      roots: () => this.roots,
      trace: () => this.tracing,
      protocolCapacity: this.protocolCapacity ?? this.options.protocolCapacity,
    });
    const id = def.id;
    const ring: LogEvent[] = [];
    const limit = this.options.logLimit ?? DEFAULT_LOG_LIMIT;
    this.logRings.set(id, ring);
    const offs = [
      c.events.on('state', (s) => this.events.emit('state', id, s)),
      c.events.on('lists', (k) => this.events.emit('lists', id, k)),
      c.events.on('resourceUpdated', (u) => this.events.emit('resourceUpdated', id, u)),
      c.protocol.onChange((change) => this.events.emit('message', id, change)),
      c.events.on('debug', (t) => this.events.emit('debug', id, t)),
      c.events.on('log', (e) => {
        ring.push(e);
        if (ring.length > limit) ring.splice(0, ring.length - limit);
        this.events.emit('log', id, e);
      }),
    ];
    this.unsubscribe.set(id, () => offs.forEach((off) => off()));
    this.controllers.set(id, c);
  }

  private async remove(id: string): Promise<void> {
    const c = this.controllers.get(id);
    if (!c) return;
    await c.stop();
    this.unsubscribe.get(id)?.();
    this.unsubscribe.delete(id);
    this.controllers.delete(id);
    this.logRings.delete(id);
  }

  private controller(id: string): ServerController {
    const c = this.controllers.get(id);
    if (!c) throw new Error(`no server with id "${id}"`);
    return c;
  }
}

function snapshot(c: ServerController): ServerSnapshot {
  return { id: c.definition.id, definition: c.definition, state: c.state, info: c.info, lists: c.lists };
}
