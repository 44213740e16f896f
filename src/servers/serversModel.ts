import * as path from 'node:path';
import * as vscode from 'vscode';
import { discoverConfigs, discoveryEnvFromProcess, userConfigPaths } from '../core/config/discovery';
import { workspaceConfigPaths } from '../core/config/formats';
import { LastGoodConfigs } from '../core/config/lastGood';
import type { ConfigFile, ServerDefinition } from '../core/config/model';
import { sameServers, type SameServers } from '../core/config/sameServer';
import type { Settings } from '../settings';

/**
 * The path of the one made-up file that holds the servers connected with no config file ("MCP:
 * Connect to Server…"): not a path on disk (it starts with no `/`), so no file event ever names it.
 */
export const CONNECTED_FILE = 'mcp-devtools:connected-in-this-window';

/** Milliseconds to wait after a config file changes on disk before reading it again (editors save in bursts). */
const CONFIG_CHANGE_DEBOUNCE_MS = 300;

/**
 * The data behind the Servers view: every MCP config file of the open workspace folders and (unless
 * `mcpDevtools.servers.showUserConfigs` is off) of the user, re-read — debounced — when one of them
 * is created, changed, saved or deleted, with a change event. A file that stops parsing keeps the
 * servers of its last good read ({@link LastGoodConfigs}), so an edit in progress stops nothing.
 * Servers connected with no config file ({@link connect}) come last, in one made-up file
 * ({@link CONNECTED_FILE}), for this window only.
 */
export class ServersModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private watchers: vscode.Disposable[] = [];
  private files: ConfigFile[] = [];
  /** {@link same}'s answer and the files it was computed from. */
  private sameCache: { files: ConfigFile[]; same: SameServers } | undefined;
  private readonly lastGood = new LastGoodConfigs();
  /** Servers connected with no config file, by id, in the order connected. */
  private readonly connected = new Map<string, ServerDefinition>();
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Fires after the files were re-read. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly settings: Settings, private readonly debounceMs = CONFIG_CHANGE_DEBOUNCE_MS) {
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.scheduleRefresh();
      }),
      settings.onDidChange(['servers.showUserConfigs'], () => {
        this.watch();
        void this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.isKnownFile(d.uri) && this.scheduleRefresh()),
    );
  }

  private get showUserConfigs(): boolean {
    return this.settings.get('servers.showUserConfigs');
  }

  /** File watchers: the workspace-scope patterns in every folder, and each user-scope file. */
  private watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
    const add = (pattern: vscode.RelativePattern) => {
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      const on = () => this.scheduleRefresh();
      this.watchers.push(w, w.onDidCreate(on), w.onDidChange(on), w.onDidDelete(on));
    };
    const rel = `{${workspaceConfigPaths().join(',')}}`;
    for (const folder of vscode.workspace.workspaceFolders ?? []) add(new vscode.RelativePattern(folder, rel));
    if (this.showUserConfigs) {
      for (const u of userConfigPaths(discoveryEnvFromProcess())) add(new vscode.RelativePattern(vscode.Uri.file(path.dirname(u.path)), path.basename(u.path)));
    }
  }

  /** The files as last read; reads them first if they never were. */
  async getFiles(): Promise<ConfigFile[]> {
    if (!this.loading) this.loading = this.load();
    await this.loading;
    return this.files;
  }

  /**
   * The servers of the files as last read grouped into identities, with drift and shadowing
   * (`core/config/sameServer.ts`); servers with no config file are left out. Computed once per read.
   */
  same(): SameServers {
    if (this.sameCache?.files !== this.files) this.sameCache = { files: this.files, same: sameServers(this.files.filter((f) => f.path !== CONNECTED_FILE)) };
    return this.sameCache.same;
  }

  /** Re-reads every file now (manual refresh: never debounced). */
  refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.loading = this.load();
    return this.loading;
  }

  /** Automatic refresh after file events, debounced so a burst of events reads once. */
  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
  }

  /**
   * Adds a server with no config file (`core/config/adHoc.ts`) for this window only (never
   * written anywhere); the same id again replaces it. Fires a change.
   */
  async connect(def: ServerDefinition): Promise<void> {
    await this.getFiles();
    this.connected.set(def.id, def);
    this.files = this.withConnected(this.files);
    this.emitter.fire();
  }

  /** Removes a server added by {@link connect}. @returns whether it was there. Fires a change. */
  async disconnect(id: string): Promise<boolean> {
    await this.getFiles();
    if (!this.connected.delete(id)) return false;
    this.files = this.withConnected(this.files);
    this.emitter.fire();
    return true;
  }

  /** `files` with the made-up file of the connected servers last (none when there are none). */
  private withConnected(files: ConfigFile[]): ConfigFile[] {
    const read = files.filter((f) => f.path !== CONNECTED_FILE);
    if (!this.connected.size) return read;
    // user scope: the user typed what runs, so no trust question (servers/trust.ts)
    return [...read, { path: CONNECTED_FILE, client: 'vscode', scope: 'user', servers: [...this.connected.values()], inputs: [] }];
  }

  private isKnownFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && (this.files.some((f) => f.path === uri.fsPath) || workspaceConfigPaths().includes(vscode.workspace.asRelativePath(uri, false)));
  }

  private async load(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const workspaceFile = vscode.workspace.workspaceFile?.scheme === 'file' ? vscode.workspace.workspaceFile.fsPath : undefined;
    try {
      this.files = this.withConnected(this.lastGood.apply(await discoverConfigs({ folders, includeUser: this.showUserConfigs, workspaceFile })));
      const count = this.files.filter((f) => f.path !== CONNECTED_FILE).reduce((n, f) => n + f.servers.length, 0);
      this.log.debug(`Read ${this.files.length} config file(s) with ${count} server(s).`);
      for (const f of this.files) if (f.error) this.log.warn(`${f.path}: ${f.error.message}${f.keptLastGood ? ' (its servers are kept as last read without an error)' : ''}`);
    } catch (e) {
      this.log.error(`Reading MCP config files failed: ${(e as Error).message}`);
    }
    this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }
}
