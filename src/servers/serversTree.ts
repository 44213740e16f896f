import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { CLIENT_LABELS, transportLabel, transportSummary, type ClientId, type ConfigFile, type ServerDefinition } from '../core/config/model';
import { LIST_KINDS, ServerState, type ListItems, type ListKind, type ServerSnapshot } from '../core/connection';
import type { LiveServers } from './liveServers';
import { escapeMarkdown, markdownCode, markdownExcerpt } from '../core/markdown';
import { countsSummary, entryItem, listItem, stateIcon, untrustedMarkdown } from './liveItems';
import type { ServersModel } from './serversModel';
import type { Settings } from '../settings';

/**
 * The nodes of the Servers view, a tagged union on `kind`:
 * client → config file → server → "Tools (n)" … → tool, resource, resource template, prompt.
 */
export type ServersNode =
  | { kind: 'client'; client: ClientId; files: ConfigFile[] }
  | { kind: 'file'; file: ConfigFile }
  | { kind: 'server'; server: ServerDefinition }
  | { kind: 'fileError'; file: ConfigFile }
  | { kind: 'list'; serverId: string; list: ListKind }
  | { kind: 'entry'; serverId: string; list: ListKind; entry: ListItems[ListKind] }
  /** A line of text under a server: why it failed or did not start, with an action. */
  | { kind: 'message'; serverId: string; text: string; tooltip?: string; icon: string; action?: vscode.Command };

/**
 * Tree data for the "Servers" view. An unreadable file gets an error child that opens it at the
 * error. A list group with no items ("Resource Templates (0)") is hidden unless
 * `mcpDevtools.servers.showEmptyGroups` is on.
 */
export class ServersTreeProvider implements vscode.TreeDataProvider<ServersNode>, vscode.Disposable {
  readonly onDidChangeTreeData: vscode.Event<void>;

  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly model: ServersModel, private readonly settings: Settings, private readonly live?: LiveServers) {
    this.disposables.push(
      model.onDidChange(() => this.emitter.fire()),
      settings.onDidChange(['servers.showEmptyGroups'], () => this.emitter.fire()),
    );
    if (live) this.disposables.push(live.onDidChange(() => this.emitter.fire()));
    this.onDidChangeTreeData = this.emitter.event;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private get showEmptyGroups(): boolean {
    return this.settings.get('servers.showEmptyGroups');
  }

  async getChildren(node?: ServersNode): Promise<ServersNode[]> {
    if (!node) {
      const byClient = new Map<ClientId, ConfigFile[]>();
      for (const f of await this.model.getFiles()) byClient.set(f.client, [...(byClient.get(f.client) ?? []), f]);
      return [...byClient].map(([client, files]) => ({ kind: 'client', client, files }));
    }
    if (node.kind === 'client') return node.files.map((file) => ({ kind: 'file', file }));
    if (node.kind === 'file') {
      const children: ServersNode[] = [];
      if (node.file.error) children.push({ kind: 'fileError', file: node.file });
      for (const server of node.file.servers) children.push({ kind: 'server', server });
      return children;
    }
    if (node.kind === 'server') return this.serverChildren(node.server);
    if (node.kind === 'list') {
      const s = this.live?.snapshot(node.serverId);
      const state = s?.lists[node.list];
      if (!state) return [];
      if (state.kind === 'error') return [{ kind: 'message', serverId: node.serverId, text: state.message, icon: 'error' }];
      const items = state.kind === 'loaded' ? state.items : state.kind === 'loading' ? state.previous ?? [] : [];
      return items.map((entry) => ({ kind: 'entry', serverId: node.serverId, list: node.list, entry }));
    }
    return [];
  }

  /** The parent of a node (for `TreeView.reveal`), found from the current files. */
  async getParent(node: ServersNode): Promise<ServersNode | undefined> {
    const files = await this.model.getFiles();
    const fileOf = (serverId: string) => files.find((f) => f.servers.some((s) => s.id === serverId));
    switch (node.kind) {
      case 'client':
        return undefined;
      case 'file':
      case 'fileError': {
        const client = node.file.client;
        return { kind: 'client', client, files: files.filter((f) => f.client === client) };
      }
      case 'server': {
        const file = fileOf(node.server.id);
        return file && { kind: 'file', file };
      }
      case 'list':
      case 'message': {
        const server = fileOf(node.serverId)?.servers.find((s) => s.id === node.serverId);
        return server && { kind: 'server', server };
      }
      case 'entry':
        return { kind: 'list', serverId: node.serverId, list: node.list };
    }
  }

  private serverChildren(server: ServerDefinition): ServersNode[] {
    const s = this.live?.snapshot(server.id);
    const blocked = this.live?.blockedReason(server.id);
    const out: ServersNode[] = [];
    if (blocked && (!s || s.state.kind === 'stopped')) {
      out.push({ kind: 'message', serverId: server.id, text: blocked, icon: 'shield', action: { command: CommandIds.startServer, title: 'Start', arguments: [{ serverId: server.id }] } });
    }
    if (!s) return out;
    if (s.state.kind === 'error') {
      const retry = s.state.retry ? ` (reconnecting, attempt ${s.state.retry.attempt} of ${s.state.retry.maxAttempts})` : '';
      const prefix = s.state.retry ? 'Connection lost' : 'Failed to start';
      out.push({
        kind: 'message', serverId: server.id, text: `${prefix}: ${s.state.message}${retry}`, icon: 'error',
        tooltip: [s.state.message, ...(s.state.stderrTail.length ? ['', 'Last stderr lines:', ...s.state.stderrTail] : [])].join('\n'),
        action: { command: CommandIds.showServerOutput, title: 'Show Output', arguments: [{ serverId: server.id }] },
      });
    }
    if (s.state.kind !== 'running') return out;
    const showEmpty = this.showEmptyGroups;
    for (const list of LIST_KINDS) {
      const l = s.lists[list];
      if (l.kind === 'unsupported' || (!showEmpty && l.kind === 'loaded' && !l.items.length)) continue;
      out.push({ kind: 'list', serverId: server.id, list });
    }
    return out;
  }

  getTreeItem(node: ServersNode): vscode.TreeItem {
    switch (node.kind) {
      case 'client':
        return clientItem(node.client, node.files);
      case 'file':
        return fileItem(node.file);
      case 'server':
        return serverItem(node.server, this.live?.snapshot(node.server.id), !!this.live?.blockedReason(node.server.id), (t) => this.live?.registry.redact(node.server.id, t) ?? t);
      case 'fileError':
        return errorItem(node.file);
      case 'list':
        return listItem(node.serverId, node.list, this.live?.snapshot(node.serverId)?.lists[node.list] ?? { kind: 'unsupported' });
      case 'entry':
        return entryItem(node.serverId, node.list, node.entry);
      case 'message':
        return messageItem(node);
    }
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function clientItem(client: ClientId, files: ConfigFile[]): vscode.TreeItem {
  const item = new vscode.TreeItem(CLIENT_LABELS[client], vscode.TreeItemCollapsibleState.Expanded);
  item.id = `client:${client}`;
  const servers = files.reduce((n, f) => n + f.servers.length, 0);
  item.description = plural(servers, 'server');
  item.iconPath = new vscode.ThemeIcon('account');
  item.contextValue = `mcpClient:${client}`;
  return item;
}

/** A file's label: relative to its workspace folder, `~/…` in the home directory, else absolute. */
function fileLabel(file: ConfigFile): string {
  const uri = vscode.Uri.file(file.path);
  if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const home = os.homedir();
  return file.path.startsWith(home + path.sep) ? `~${file.path.slice(home.length)}` : file.path;
}

function fileItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(fileLabel(file), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `file:${file.path}#${file.workspaceFolder ?? ''}`;
  item.resourceUri = vscode.Uri.file(file.path);
  const scope = file.workspaceFolder ? 'local' : file.scope;
  item.description = `${scope} · ${plural(file.servers.length, 'server')}`;
  item.tooltip = untrustedMarkdown(`**${CLIENT_LABELS[file.client]}** config, ${scope} scope${file.format ? ` (${markdownCode(file.format)})` : ''}\n\n${markdownCode(file.path)}`);
  item.iconPath = file.error ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
  item.contextValue = `mcpConfigFile:${file.scope}${file.error ? ':error' : ''}`;
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path }] };
  return item;
}

/** A server's node. `redact` hides the server's secret values (literal env/header values, resolved inputs) in the tooltip. */
function serverItem(server: ServerDefinition, live: ServerSnapshot | undefined, blocked: boolean, redact: (text: string) => string): vscode.TreeItem {
  const state = live?.state ?? ServerState.stopped;
  const label = ServerState.label(state);
  const hasChildren = state.kind === 'running' || state.kind === 'error' || blocked;
  const item = new vscode.TreeItem(server.name, hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  // A new id once there are children: VS Code keeps the collapsed state of a known id, and a server
  // that just started should open on its lists.
  item.id = `server:${server.id}${hasChildren ? ':open' : ''}`;
  const counts = live && state.kind === 'running' ? countsSummary(live) : '';
  item.description = [transportLabel(server.transport), server.options.disabled ? 'disabled' : label === 'stopped' ? '' : label, counts].filter(Boolean).join(' · ');
  const summary = redact(transportSummary(server.transport));
  const md = untrustedMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(server.name)}** · ${transportLabel(server.transport)} · ${label}\n\n`);
  if (summary) md.appendCodeblock(summary, 'shell');
  const info = live?.info;
  if (info) {
    const v = info.serverInfo;
    md.appendMarkdown(`\n${escapeMarkdown(`${v.name} ${v.version}, protocol ${info.protocolVersion ?? '?'} over ${info.transport}${info.pid ? `, pid ${info.pid}` : ''}`)}\n\n`);
    md.appendMarkdown(`Capabilities: ${escapeMarkdown(Object.keys(info.capabilities).join(', ') || 'none')}\n\n`);
    // The server's own Markdown, rendered (untrusted), shortened for the hover.
    if (info.instructions?.trim()) md.appendMarkdown(`---\n\n${markdownExcerpt(redact(info.instructions))}\n\n---\n\n`);
  }
  md.appendMarkdown(`Defined in ${markdownCode(path.basename(server.file))}, line ${server.range.start.line + 1}`);
  item.tooltip = md;
  item.iconPath = server.transport ? stateIcon(state) : new vscode.ThemeIcon('question');
  item.contextValue = `mcpServer:${label}`;
  const at = (server.nameRange ?? server.range).start;
  item.command = { command: CommandIds.revealServer, title: 'Go to Definition', arguments: [{ file: server.file, line: at.line, character: at.character }] };
  return item;
}

function messageItem(node: Extract<ServersNode, { kind: 'message' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `message:${node.serverId}:${node.icon}:${node.text.slice(0, 80)}`;
  item.iconPath = new vscode.ThemeIcon(node.icon, node.icon === 'error' ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined);
  item.tooltip = node.tooltip ?? node.text;
  item.contextValue = node.icon === 'error' ? 'mcpServerError' : 'mcpServerMessage';
  item.command = node.action;
  return item;
}

function errorItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(file.error?.message ?? 'Unreadable file', vscode.TreeItemCollapsibleState.None);
  item.id = `error:${file.path}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  const kept = file.keptLastGood ? '\n\nThe servers below are as the file was last read without an error; running servers keep running until it is fixed.' : '';
  item.tooltip = `${file.error?.message ?? ''}${kept}\n\nClick to open ${file.path}`;
  item.contextValue = 'mcpConfigError';
  const at = file.error?.range?.start ?? { line: 0, character: 0 };
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path, line: at.line, character: at.character }] };
  return item;
}
