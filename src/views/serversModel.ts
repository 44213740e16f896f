import * as vscode from 'vscode';
import { discoverWorkspaceConfigs } from '../core/config/discovery';
import { workspaceConfigPaths } from '../core/config/formats';
import type { ConfigFile } from '../core/config/model';

/**
 * The data behind the Servers view: the config files of the open workspace folders, re-read when
 * one of them is created, changed, deleted or edited (debounced), with a change event.
 */
export class ServersModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private files: ConfigFile[] = [];
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Fires after the files were re-read. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly debounceMs = 300) {
    const pattern = `{${workspaceConfigPaths().join(',')}}`;
    const watch = (folder: vscode.WorkspaceFolder) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
      w.onDidCreate(() => this.scheduleRefresh(), undefined, this.disposables);
      w.onDidChange(() => this.scheduleRefresh(), undefined, this.disposables);
      w.onDidDelete(() => this.scheduleRefresh(), undefined, this.disposables);
      this.disposables.push(w);
    };
    (vscode.workspace.workspaceFolders ?? []).forEach(watch);
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.added.forEach(watch);
        this.scheduleRefresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.isConfig(d.uri) && this.scheduleRefresh()),
    );
  }

  /** The files as last read; reads them first if they never were. */
  async getFiles(): Promise<ConfigFile[]> {
    if (!this.loading) this.loading = this.load();
    await this.loading;
    return this.files;
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

  private isConfig(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const rel = vscode.workspace.asRelativePath(uri, false);
    return workspaceConfigPaths().includes(rel);
  }

  private async load(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    try {
      this.files = await discoverWorkspaceConfigs(folders);
      const count = this.files.reduce((n, f) => n + f.servers.length, 0);
      this.log.debug(`Read ${this.files.length} config file(s) with ${count} server(s).`);
      for (const f of this.files) if (f.error) this.log.warn(`${f.path}: ${f.error.message}`);
    } catch (e) {
      this.log.error(`Reading MCP config files failed: ${(e as Error).message}`);
    }
    this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
