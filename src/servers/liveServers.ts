import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ConfigFile, ServerDefinition } from '../core/config/model';
import { ServerRegistry, ServerState, type ServerSnapshot, type VariableContext } from '../core/connection';
import type { ServersModel } from './serversModel';
import type { Settings } from '../settings';
import { InputValues } from './inputs';
import { ServerLogs } from './serverLogs';
import { ServerTrust } from './trust';
import type { FormUi } from '../ui/formUi';
import { QuickInputUi } from '../ui/quickInputUi';
import { dialogSamplingUi, serverRequestHandlers, type SamplingUi } from './serverRequests';

/**
 * The live side of the Servers view: one {@link ServerRegistry} (pure core) fed with every
 * configured server, gated by {@link ServerTrust}, logging to {@link ServerLogs}, with a throttled
 * change event for the tree and the status bar. `dispose()` resolves when no server process is left.
 */
export class LiveServers {
  readonly registry: ServerRegistry;
  readonly logs: ServerLogs;
  readonly trust: ServerTrust;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private files: ConfigFile[] = [];
  /** Why a server was not started (trust, Restricted Mode, a cancelled input): shown on its node. */
  private readonly blocked = new Map<string, string>();
  private throttle: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  /** Servers stopped because their launch changed in a config file: started again after {@link relaunchDelayMs}. */
  private readonly relaunch = new Set<string>();
  private relaunchTimer: NodeJS.Timeout | undefined;
  /**
   * How long after the last edit that changed a server's launch it is started again, milliseconds:
   * saves in quick succession (auto save while typing) restart it once.
   */
  relaunchDelayMs = 1000;
  /** Fires (at most every 100 ms) when a server's state, lists or the set of servers changed. */
  readonly onDidChange = this.emitter.event;

  /** Who answers servers' elicitation and sampling requests (set by the wiring; tests replace them). */
  formUiSource: () => FormUi = () => new QuickInputUi();
  samplingUi: SamplingUi = dialogSamplingUi;

  constructor(private readonly model: ServersModel, context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel, settings: Settings) {
    // JSON-RPC tracing costs a little per message: produce it only while a server's log shows Trace.
    this.logs = new ServerLogs(() => this.registry.setTrace(this.logs.wantsTrace()));
    const inputs = new InputValues(context.secrets, () => this.files.flatMap((f) => f.inputs));
    const folders = () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const variables: VariableContext = {
      env: process.env,
      userHome: os.homedir(),
      // a server's ${workspaceFolder} is the folder its config file is in (multi-root), else the first
      workspaceFolder: (server) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(server.file))?.uri.fsPath ?? folders()[0],
      input: (id) => inputs.get(id),
    };
    // the trust dialog shows the launch resolved with the same variables (inputs masked, never asked)
    this.trust = new ServerTrust(context.globalState, variables, {
      isTrusted: () => vscode.workspace.isTrusted,
      relativePath: (file) => vscode.workspace.asRelativePath(file),
      dialog: async (message, detail, actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
    });
    this.registry = new ServerRegistry({
      roots: folders(),
      variables,
      // read once: a change prompts for a window reload (settings.promptReloadOnChange)
      connectTimeoutMs: settings.get('servers.connectTimeoutSeconds') * 1000,
      requests: serverRequestHandlers(() => this.formUiSource(), () => this.samplingUi),
    });
    const ev = this.registry.events;
    const offs = [
      ev.on('state', (id, state) => {
        if (state.kind === 'error' && !state.retry) this.log.warn(`${this.name(id)}: ${state.message}`);
        this.changed();
      }),
      ev.on('lists', () => this.changed()),
      ev.on('servers', () => this.changed()),
      ev.on('log', (id, e) => this.logs.append(id, this.name(id), e)),
    ];
    this.disposables.push(
      { dispose: () => offs.forEach((off) => off()) },
      model.onDidChange(() => void this.sync()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.registry.setRoots(folders())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.blocked.clear();
        this.changed();
      }),
    );
    void this.sync();
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
      const { interrupted } = await this.registry.setDefinitions(this.files.flatMap((f) => f.servers));
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
      const s = this.registry.get(id);
      // Gone, started or stopped by hand in the meantime, or switched off: leave it.
      if (!s || s.state.kind !== 'stopped' || !s.definition.transport || s.definition.options.disabled) return;
      await this.start(id, { ask: false });
    }));
  }

  /** Every server's live snapshot, or `undefined` for a server the registry does not have (yet). */
  snapshot(id: string): ServerSnapshot | undefined {
    return this.registry.get(id);
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
      this.changed();
      return verdict.reason;
    }
    this.blocked.delete(id);
    await this.registry.start(id);
    return undefined;
  }

  /** Stops one server (and forgets why it was not started, if it was not). */
  async stop(id: string): Promise<void> {
    this.blocked.delete(id);
    this.relaunch.delete(id);
    await this.registry.stop(id);
    this.changed();
  }

  async restart(id: string): Promise<string | undefined> {
    await this.registry.stop(id);
    return this.start(id);
  }

  /** Starts every server that can be started, in parallel, after one trust dialog for the undecided ones. */
  async startAll(opts: { ask: boolean } = { ask: true }): Promise<void> {
    await this.syncing;
    const items = this.registry
      .all()
      .filter((s) => ServerState.canBeStarted(s.state) && s.definition.transport && !s.definition.options.disabled)
      .flatMap((s) => {
        const found = this.definition(s.id);
        return found ? [{ id: s.id, def: found.def, scope: found.file.scope }] : [];
      });
    const { allowed, refused } = await this.trust.allowMany(items, opts);
    for (const id of allowed) this.blocked.delete(id);
    for (const [id, reason] of refused) this.blocked.set(id, reason);
    this.changed();
    await this.registry.startAll(allowed);
  }

  async stopAll(): Promise<void> {
    this.blocked.clear();
    this.relaunch.clear();
    await this.registry.stopAll();
    this.changed();
  }

  private changed(): void {
    if (this.throttle) return;
    this.throttle = setTimeout(() => {
      this.throttle = undefined;
      this.emitter.fire();
    }, 100);
  }

  /** Stops every server (whole process trees) and frees every resource. */
  async dispose(): Promise<void> {
    clearTimeout(this.throttle);
    clearTimeout(this.relaunchTimer);
    vscode.Disposable.from(...this.disposables).dispose();
    this.logs.dispose();
    await this.registry.dispose();
  }
}
