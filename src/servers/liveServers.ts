import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ConfigFile, ServerDefinition } from '../core/config/model';
import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { LogEvent, LOGGING_LEVELS, ServerRegistry, ServerSnapshot, VariableContext } from '../core/connection';
import { literalSecrets } from '../core/connection/launch';
import { LIST_KINDS, ServerState, unsupportedLists } from '../core/connection/state';
import { diffDefinitions } from '../core/config/definitionChanges';
import { diffLists, hasListChanges, type ListChanges, type ListsToCompare } from '../core/connection/listDiff';
import { loadLive } from '../core/lazy';
import type { DoctorOptions, Finding } from '../core/doctor';
import { Redactor } from '../core/secrets/redact';
import { MIB } from '../core/connection/limits';
import type { MessageLog, MessageLogChange } from '../core/protocol/messageLog';
import type { ServersModel } from './serversModel';
import type { Settings } from '../settings';
import { InputValues } from './inputs';
import { ServerLogs } from './serverLogs';
import { ServerTrust } from './trust';
import type { FormUi } from '../ui/formUi';
import { QuickInputUi } from '../ui/quickInputUi';
import { dialogSamplingUi, serverRequestHandlers, type SamplingUi } from './serverRequests';
import { notRunningMessage, runningServer, type RunningServer } from './runningServer';
import { ServerSignIns } from './signIn';
import { ServerWatches } from './serverWatch';
import { ServerDebugSessions } from './serverDebug';

/** How long a `completion/complete` request may take, milliseconds (it runs while the user types). */
const COMPLETION_TIMEOUT_MS = 5000;
/** At most this many completion values are offered (the spec caps a response at 100). */
const COMPLETION_MAX_VALUES = 100;
/** Changes are gathered for this long, milliseconds, and reported in one event. */
const CHANGE_THROTTLE_MS = 100;

/** What changed in one {@link LiveServers.onDidChange} event: the servers whose state, lists or start block changed. */
export interface LiveServersChange {
  readonly serverIds: readonly string[];
}

/**
 * The live servers, behind one facade: one {@link ServerRegistry} (pure core) fed with every
 * configured server, gated by {@link ServerTrust}, logging to {@link ServerLogs}, with a throttled
 * change event that says which servers changed (the tree refreshes those nodes only). Commands
 * reach servers only through here: {@link requireRunning} gives a running server with its lists,
 * and the requests (`tools/call`, `prompts/get`, `resources/read`, completions, log level,
 * subscriptions) take a server id. `dispose()` resolves when no server process is left.
 *
 * The registry, and with it the connection layer (`dist/live.js`: the MCP SDK, zod, ws), is
 * created when the first server starts. Until then every server is `stopped` with no lists, and
 * snapshots and redaction answer from the config files' definitions.
 */
export class LiveServers {
  /** Created by {@link ensureRegistry} on the first start. */
  private registry: ServerRegistry | undefined;
  /** The servers of every config file, as last synced. */
  private definitions = new Map<string, ServerDefinition>();
  /** What the servers' variables resolve to at launch (also the bridge's, `mcpBridge.ts`). */
  readonly variables: VariableContext;
  private readonly resourceUpdated = new vscode.EventEmitter<{ serverId: string; uri: string }>();
  private readonly protocolMessage = new vscode.EventEmitter<{ serverId: string; change: MessageLogChange }>();
  readonly logs: ServerLogs;
  readonly trust: ServerTrust;
  /** OAuth sign-in: tokens in SecretStorage, consent through the browser after Sign In only. */
  readonly signIns: ServerSignIns;
  /** Restart on source changes: `dev.watch`, and "Watch Server Source…" for this window. */
  readonly watches: ServerWatches;
  /** VS Code's debugger attached to servers started under `dev.debug`. */
  readonly debugSessions: ServerDebugSessions;
  /** Each running server's lists just before a restart, to mark what the restart changed. */
  private readonly baselines = new Map<string, ListsToCompare>();
  /** What the last restart changed in a server's lists (shown on the tree's items until the next restart or stop). */
  private readonly changesSinceRestart = new Map<string, ListChanges>();
  /** The findings of the last MCP: Check Server of each running server (cleared on restart and stop). */
  private readonly doctorFindings = new Map<string, Finding[]>();
  private readonly emitter = new vscode.EventEmitter<LiveServersChange>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.resourceUpdated, this.protocolMessage];
  private files: ConfigFile[] = [];
  /** Why a server was not started (trust, Restricted Mode, a cancelled input): shown on its node. */
  private readonly blocked = new Map<string, string>();
  private throttle: NodeJS.Timeout | undefined;
  /** Servers changed since the last event. */
  private readonly pending = new Set<string>();
  private syncing: Promise<void> = Promise.resolve();
  /** Servers stopped because their launch changed in a config file: started again after {@link relaunchDelayMs}. */
  private readonly relaunch = new Set<string>();
  private relaunchTimer: NodeJS.Timeout | undefined;
  /**
   * How long after the last edit that changed a server's launch it is started again, milliseconds:
   * saves in quick succession (auto save while typing) restart it once.
   */
  relaunchDelayMs = 1000;
  /** Fires (at most every {@link CHANGE_THROTTLE_MS}) with the servers whose state, lists or start block changed, or that were added or replaced. */
  readonly onDidChange = this.emitter.event;

  /** Who answers servers' elicitation and sampling requests (set by the wiring; tests replace them). */
  formUiSource: () => FormUi = () => new QuickInputUi();
  samplingUi: SamplingUi = dialogSamplingUi;

  constructor(private readonly model: ServersModel, context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel, private readonly settings: Settings) {
    // JSON-RPC tracing costs a little per message: produce it only while a server's log shows Trace.
    this.logs = new ServerLogs(() => this.registry?.setTrace(this.logs.wantsTrace()));
    const inputs = new InputValues(context.secrets, () => this.files.flatMap((f) => f.inputs));
    this.variables = {
      env: process.env,
      userHome: os.homedir(),
      // a server's ${workspaceFolder} is the folder its config file is in (multi-root), else the first
      workspaceFolder: (server) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(server.file))?.uri.fsPath ?? fileFolders()[0],
      input: (id) => inputs.get(id),
    };
    // the trust dialog shows the launch resolved with the same variables (inputs masked, never asked)
    this.trust = new ServerTrust(context.globalState, this.variables, {
      isTrusted: () => vscode.workspace.isTrusted,
      relativePath: (file) => vscode.workspace.asRelativePath(file),
      dialog: async (message, detail, actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
    });
    this.signIns = new ServerSignIns(context.secrets);
    this.watches = new ServerWatches((id, files) => void this.restartForChange(id, files));
    this.debugSessions = new ServerDebugSessions((id, level, text) => this.logs.append(id, this.name(id), { kind: 'lifecycle', level, time: Date.now(), text }));
    this.disposables.push(
      this.watches,
      this.debugSessions,
      model.onDidChange(() => void this.sync()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.registry?.setRoots(fileFolders())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        const ids = [...this.blocked.keys()];
        this.blocked.clear();
        this.changed(...ids);
      }),
    );
    void this.sync();
  }

  /**
   * The registry, created (loading `dist/live.js`) on first use and fed the current definitions;
   * synchronous, because a new registry stops nothing (see `ServerRegistry.setDefinitions`).
   */
  private ensureRegistry(): ServerRegistry {
    if (this.registry) return this.registry;
    const registry = new (loadLive().ServerRegistry)({
      roots: fileFolders(),
      variables: this.variables,
      // read once: a change prompts for a window reload (settings.promptReloadOnChange)
      connectTimeoutMs: this.settings.get('servers.connectTimeoutSeconds') * 1000,
      maxMessageBytes: this.settings.get('servers.maxMessageMiB') * MIB,
      requests: serverRequestHandlers(() => this.formUiSource(), () => this.samplingUi),
      auth: (def) => this.signIns.sessionOptions(def, (e) => this.logs.authStep(def.id, def.name, e), () => this.changed(def.id)),
      protocolCapacity: this.settings.get('protocol.maxMessages'),
      // dev.debug: start under the debugger; the 'debug' event says where to attach
      debug: true,
    });
    const ev = registry.events;
    const offs = [
      ev.on('state', (id, state) => {
        if (state.kind === 'error' && !state.retry) this.log.warn(`${this.name(id)}: ${state.message}`);
        if (state.kind === 'stopped' || state.kind === 'error') void this.debugSessions.detach(id);
        this.changed(id);
        // the tooltip's account, issuer and scopes: read once a connect ended either way
        const def = this.definition(id)?.def;
        if (def && (state.kind === 'running' || state.kind === 'error')) void this.signIns.refresh(def).then((c) => c && this.changed(id), () => undefined);
      }),
      ev.on('lists', (id) => this.changed(id)),
      ev.on('log', (id, e) => this.logs.append(id, this.name(id), e)),
      ev.on('resourceUpdated', (serverId, uri) => this.resourceUpdated.fire({ serverId, uri })),
      ev.on('message', (serverId, change) => this.protocolMessage.fire({ serverId, change })),
      ev.on('debug', (id, target) => this.debugSessions.attach(id, this.name(id), target)),
    ];
    this.disposables.push(
      { dispose: () => offs.forEach((off) => off()) },
      this.settings.onDidChange(['protocol.maxMessages'], () => registry.setProtocolCapacity(this.settings.get('protocol.maxMessages'))),
    );
    registry.setTrace(this.logs.wantsTrace());
    void registry.setDefinitions([...this.definitions.values()]);
    this.registry = registry;
    return registry;
  }

  /**
   * Feeds the registry the servers of every config file. A server whose launch changed is stopped
   * and replaced; if it was not stopped, it is started again {@link relaunchDelayMs} after the last
   * such change, trust permitting (a changed launch is a new trust decision: never asked here, the
   * server's node says why it did not start).
   */
  sync(): Promise<void> {
    // Chained so syncs never overlap; a failed one is logged and does not block the next.
    this.syncing = this.syncing.then(async () => {
      this.files = await this.model.getFiles();
      const defs = this.files.flatMap((f) => f.servers);
      const previous = [...this.definitions.values()];
      this.definitions = new Map(defs.map((d) => [d.id, d]));
      this.watches.sync(defs);
      // no registry yet: no server ever ran, so none stops; snapshots come from the definitions
      const { changes, interrupted } = this.registry ? await this.registry.setDefinitions(defs) : { changes: diffDefinitions(previous, defs), interrupted: [] };
      // the tree drew these from the new files before the registry had them; the status bar counts them
      this.changed(...[...changes.added, ...changes.relaunched, ...changes.updated].map((d) => d.id), ...changes.removed);
      if (interrupted.length) this.scheduleRelaunch(interrupted);
    }).catch((e: unknown) => this.log.error(`Updating the servers failed: ${e instanceof Error ? e.message : String(e)}`));
    return this.syncing;
  }

  private scheduleRelaunch(ids: readonly string[]): void {
    for (const id of ids) {
      this.relaunch.add(id);
      this.log.info(`${this.name(id)}: its launch changed in ${this.definition(id)?.file.path ?? 'its config file'}; restarting it.`);
    }
    clearTimeout(this.relaunchTimer);
    this.relaunchTimer = setTimeout(() => void this.relaunchNow(), this.relaunchDelayMs);
  }

  private async relaunchNow(): Promise<void> {
    await this.syncing;
    const ids = [...this.relaunch];
    this.relaunch.clear();
    await Promise.all(ids.map(async (id) => {
      const s = this.snapshot(id);
      // Gone, started or stopped by hand in the meantime, or switched off: leave it.
      if (!s || s.state.kind !== 'stopped' || !s.definition.transport || s.definition.options.disabled) return;
      await this.start(id, { ask: false });
    }));
  }

  /** A server's live snapshot, or `undefined` for a server that is not configured (as last synced). */
  snapshot(id: string): ServerSnapshot | undefined {
    if (this.registry) return this.registry.get(id);
    const def = this.definitions.get(id);
    return def && stoppedSnapshot(def);
  }

  /** Every configured server's snapshot, in the config files' order. */
  all(): ServerSnapshot[] {
    return this.registry ? this.registry.all() : [...this.definitions.values()].map(stoppedSnapshot);
  }

  /** Every running server, with its lists. */
  runningServers(): RunningServer[] {
    return this.all().flatMap((s) => runningServer(s) ?? []);
  }

  /**
   * A running server with its lists, for a command the user asked for. Starts it first when it is
   * not running (after the trust check) unless `start` is false.
   * @throws Error saying why it is not running (not trusted, Restricted Mode, failed to start; with
   *   `start: false`: not started yet)
   */
  async requireRunning(id: string, { start = true }: { start?: boolean } = {}): Promise<RunningServer> {
    let running = runningServer(this.snapshot(id));
    if (running) return running;
    if (!start) throw new Error(`${notRunningMessage(this.snapshot(id), id)}: start it first.`);
    const blocked = await this.start(id);
    if (blocked) throw new Error(blocked);
    running = runningServer(this.snapshot(id));
    if (!running) throw new Error(notRunningMessage(this.snapshot(id), id));
    return running;
  }

  /** Masks a server's secret values (its literal env and header values, resolved inputs, token shapes) in a text. */
  redact(id: string, text: string): string {
    if (this.registry) return this.registry.redact(id, text);
    const def = this.definitions.get(id);
    return def ? new Redactor(literalSecrets(def)).redact(text) : text;
  }

  /** `tools/call` (see {@link ServerRegistry.callTool}: `structuredContent` is checked by the results layer). @throws when not running, McpError from the server */
  callTool(id: string, name: string, args: Record<string, unknown>, options?: RequestOptions): Promise<CallToolResult> {
    return this.running(id).callTool(id, name, args, options);
  }

  /** The task requests of a running server (see {@link ServerRegistry.tasks}). @throws when not running */
  tasks(id: string): ReturnType<ServerRegistry['tasks']> {
    return this.running(id).tasks(id);
  }

  /** `prompts/get`. @throws when not running, McpError from the server */
  getPrompt(id: string, name: string, args: Record<string, string>, options?: RequestOptions): Promise<GetPromptResult> {
    return this.running(id).getPrompt(id, name, args, options);
  }

  /** `resources/read`. @throws when not running, McpError from the server */
  readResource(id: string, uri: string, options?: RequestOptions): Promise<ReadResourceResult> {
    return this.running(id).readResource(id, uri, options);
  }

  /**
   * `completion/complete` (spec 2025-03-26, completions capability) for one argument of a prompt or
   * a resource template, at most {@link COMPLETION_MAX_VALUES} values. @throws like any request
   */
  async complete(id: string, ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, argument: { name: string; value: string }): Promise<string[]> {
    const r = await this.running(id).client(id).complete({ ref, argument }, { timeout: COMPLETION_TIMEOUT_MS });
    return r.completion.values.slice(0, COMPLETION_MAX_VALUES);
  }

  /** `logging/setLevel` (spec 2024-11-05, logging). @throws when not running */
  async setLogLevel(id: string, level: (typeof LOGGING_LEVELS)[number]): Promise<void> {
    await this.running(id).client(id).setLoggingLevel(level);
  }

  /** `resources/subscribe`. @throws when not running (synchronously) or refused */
  async subscribeResource(id: string, uri: string): Promise<void> {
    await this.running(id).client(id).subscribeResource({ uri });
  }

  /** `resources/unsubscribe`; a server that is gone has nothing to unsubscribe from. Never rejects. */
  async unsubscribeResource(id: string, uri: string): Promise<void> {
    try {
      await this.running(id).client(id).unsubscribeResource({ uri });
    } catch {
      // not running any more: nothing to unsubscribe from
    }
  }

  /** Calls `listener` when a server says a subscribed resource changed (`notifications/resources/updated`). */
  onResourceUpdated(listener: (serverId: string, uri: string) => void): vscode.Disposable {
    return this.resourceUpdated.event(({ serverId, uri }) => listener(serverId, uri));
  }

  /** Re-lists every list of every running server, all pages (manual refresh). */
  async refreshLists(): Promise<void> {
    await Promise.all(this.runningServers().flatMap((s) => LIST_KINDS.filter((k) => s.snapshot.lists[k].kind !== 'unsupported').map((k) => this.running(s.id).refresh(s.id, k))));
  }

  /** The JSON-RPC messages kept for a server (masked), or undefined before it first started. */
  protocol(id: string): MessageLog | undefined {
    return this.registry?.protocol(id);
  }

  /** Calls `listener` for each JSON-RPC message kept for any server (see {@link protocol}). */
  onProtocolMessage(listener: (serverId: string, change: MessageLogChange) => void): vscode.Disposable {
    return this.protocolMessage.event(({ serverId, change }) => listener(serverId, change));
  }

  /** The log events kept for a server, oldest first. */
  logEvents(id: string): readonly LogEvent[] {
    return this.registry?.logs(id) ?? [];
  }

  /** The core registry behind this facade (created if it was not), for the integration tests only (the extension goes through the facade). */
  get registryForTests(): ServerRegistry {
    return this.ensureRegistry();
  }

  /**
   * The registry, for a request to a server that must be running: without a registry no server
   * ever started. @throws Error saying the server is not running
   */
  private running(id: string): ServerRegistry {
    if (this.registry) return this.registry;
    throw new Error(`${notRunningMessage(this.snapshot(id), id)}: start it first.`);
  }

  blockedReason(id: string): string | undefined {
    return this.blocked.get(id);
  }

  private definition(id: string): { def: ServerDefinition; file: ConfigFile } | undefined {
    for (const file of this.files) {
      const def = file.servers.find((s) => s.id === id);
      if (def) return { def, file };
    }
    return undefined;
  }

  private name(id: string): string {
    return this.definition(id)?.def.name ?? id;
  }

  /**
   * Starts one server after the trust check. @returns the reason it did not start, or undefined.
   * Never rejects for a server's failure (that is its `error` state).
   */
  async start(id: string, opts: { ask: boolean } = { ask: true }): Promise<string | undefined> {
    await this.syncing;
    const found = this.definition(id);
    if (!found) return `No server with id ${id}.`;
    const verdict = await this.trust.allow(found.def, found.file.scope, opts);
    if (!verdict.allowed) {
      this.blocked.set(id, verdict.reason ?? 'Not started.');
      this.changed(id);
      return verdict.reason;
    }
    this.blocked.delete(id);
    await this.ensureRegistry().start(id);
    // a breakpoint is bound once the debugger attached: a call made right after start must hit it
    await this.debugSessions.settled(id);
    return undefined;
  }

  /** Stops one server (and forgets why it was not started, if it was not). */
  async stop(id: string): Promise<void> {
    this.blocked.delete(id);
    this.relaunch.delete(id);
    this.baselines.delete(id);
    this.changesSinceRestart.delete(id);
    this.doctorFindings.delete(id);
    await this.registry?.stop(id);
    this.changed(id);
  }

  /**
   * Stops, then starts a server (after the trust check). The tree then marks what the restart
   * changed in its lists ({@link listChanges}), compared with the lists it had when it last ran.
   */
  async restart(id: string, opts: { ask: boolean } = { ask: true }): Promise<string | undefined> {
    const s = this.snapshot(id);
    if (s?.state.kind === 'running') this.baselines.set(id, loadedLists(s));
    this.changesSinceRestart.delete(id);
    this.doctorFindings.delete(id);
    await this.registry?.stop(id);
    const blocked = await this.start(id, opts);
    const after = this.snapshot(id);
    const before = this.baselines.get(id);
    if (before && after?.state.kind === 'running') {
      this.baselines.delete(id);
      const changes = diffLists(before, loadedLists(after));
      if (hasListChanges(changes)) this.changesSinceRestart.set(id, changes);
      this.changed(id);
    }
    return blocked;
  }

  /** Redraws a server's node (its watch or debug state changed outside the registry). */
  refreshNode(id: string): void {
    this.changed(id);
  }

  /**
   * Checks a running server against the MCP spec and good practice (`core/doctor`, loaded lazily);
   * the findings show on its tree nodes until it restarts or stops.
   * @throws when the server is not running
   */
  async checkServer(id: string, options: DoctorOptions = {}): Promise<Finding[]> {
    const client = this.running(id).client(id);
    const findings = await loadLive().checkServer(client, this.snapshot(id)?.info?.capabilities ?? {}, options);
    this.doctorFindings.set(id, findings);
    this.changed(id);
    return findings;
  }

  /** The findings of the last {@link checkServer} of a server, if any. */
  findings(id: string): readonly Finding[] | undefined {
    return this.doctorFindings.get(id);
  }

  /** What the last restart changed in a server's lists (see {@link restart}); `undefined` when nothing did. */
  listChanges(id: string): ListChanges | undefined {
    return this.changesSinceRestart.get(id);
  }

  /**
   * A watched file changed: restarts the server unless it is stopped (a watch never starts a
   * server nobody started). A failed restart is the server's `error` state, on its node and in
   * its log; the next change tries again.
   */
  private async restartForChange(id: string, files: readonly string[]): Promise<void> {
    const s = this.snapshot(id);
    if (!s) return;
    const shown = files.slice(0, 3).map((f) => vscode.workspace.asRelativePath(f)).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
    const log = (text: string) => this.logs.append(id, this.name(id), { kind: 'lifecycle', level: 'info', time: Date.now(), text });
    if (s.state.kind === 'stopped') return log(`${shown} changed; the server is stopped, so it was not started`);
    log(`${shown} changed: restarting`);
    const blocked = await this.restart(id, { ask: false });
    if (blocked) log(`not restarted: ${blocked}`);
  }

  /**
   * Sign In: lets the server open its consent page, then (re)starts it; the flow runs as part of
   * the connect. @returns the reason it did not start, or undefined (a failed flow is its `error` state)
   */
  async signIn(id: string): Promise<string | undefined> {
    this.signIns.allow(id);
    try {
      await this.registry?.stop(id);
      return await this.start(id);
    } finally {
      // one consent per Sign In: a later 401 (revoked tokens) shows "Sign in required" again, never a browser on its own
      this.signIns.forbid(id);
    }
  }

  /** Sign Out: forgets the server's tokens, and restarts it when it was running (it then shows "Sign in required"). @returns whether it was signed in */
  async signOut(id: string): Promise<boolean> {
    const found = this.definition(id);
    if (!found) return false;
    const had = await this.signIns.signOut(found.def);
    if (ServerState.canBeStopped(this.snapshot(id)?.state ?? ServerState.stopped)) await this.restart(id);
    this.changed(id);
    return had;
  }

  /** Sign Out of All Servers; running remote servers restart (and ask for sign-in on their nodes). @returns how many were signed in */
  async signOutAll(): Promise<number> {
    const n = await this.signIns.signOutAll();
    const remote = this.all().filter((s) => s.definition.transport?.kind === 'http' || s.definition.transport?.kind === 'sse');
    await Promise.all(remote.filter((s) => s.state.kind === 'running').map((s) => this.restart(s.id)));
    this.changed(...remote.map((s) => s.id));
    return n;
  }

  /** Starts every server that can be started, in parallel, after one trust dialog for the undecided ones. */
  async startAll(opts: { ask: boolean } = { ask: true }): Promise<void> {
    await this.syncing;
    const items = this.all()
      .filter((s) => ServerState.canBeStarted(s.state) && s.definition.transport && !s.definition.options.disabled)
      .flatMap((s) => {
        const found = this.definition(s.id);
        return found ? [{ id: s.id, def: found.def, scope: found.file.scope }] : [];
      });
    const { allowed, refused } = await this.trust.allowMany(items, opts);
    for (const id of allowed) this.blocked.delete(id);
    for (const [id, reason] of refused) this.blocked.set(id, reason);
    this.changed(...allowed, ...refused.keys());
    if (allowed.length) await this.ensureRegistry().startAll(allowed);
  }

  async stopAll(): Promise<void> {
    const blocked = [...this.blocked.keys()];
    this.blocked.clear();
    this.relaunch.clear();
    await this.registry?.stopAll();
    this.changed(...blocked, ...this.all().map((s) => s.id));
  }

  /** Notes that these servers changed; one event per {@link CHANGE_THROTTLE_MS} names them all. */
  private changed(...ids: string[]): void {
    for (const id of ids) this.pending.add(id);
    if (this.throttle || !this.pending.size) return;
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      const serverIds = [...this.pending];
      this.pending.clear();
      this.emitter.fire({ serverIds });
    }, CHANGE_THROTTLE_MS);
  }

  /** Stops every server (whole process trees) and frees every resource. */
  async dispose(): Promise<void> {
    clearTimeout(this.throttle);
    clearTimeout(this.relaunchTimer);
    vscode.Disposable.from(...this.disposables).dispose();
    this.logs.dispose();
    await this.registry?.dispose();
  }
}

/** The workspace folders on disk (absolute paths): the roots offered to servers. */
function fileFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The loaded lists of a snapshot, for {@link diffLists} (a list still loading or failed is left out). */
function loadedLists(s: ServerSnapshot): ListsToCompare {
  const out: Record<string, unknown> = {};
  for (const k of LIST_KINDS) {
    const l = s.lists[k];
    if (l.kind === 'loaded') out[k] = l.items;
  }
  return out as ListsToCompare;
}

/** A configured server before the registry exists: stopped, no lists. */
function stoppedSnapshot(definition: ServerDefinition): ServerSnapshot {
  return { id: definition.id, definition, state: ServerState.stopped, info: undefined, lists: unsupportedLists() };
}
