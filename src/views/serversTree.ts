import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { CLIENT_LABELS, transportLabel, transportSummary, type ClientId, type ConfigFile, type ServerDefinition } from '../core/config/model';
import type { ServersModel } from './serversModel';

/** The nodes of the Servers view, a tagged union on `kind`: client → config file → server. */
export type ServersNode =
  | { kind: 'client'; client: ClientId; files: ConfigFile[] }
  | { kind: 'file'; file: ConfigFile }
  | { kind: 'server'; server: ServerDefinition }
  | { kind: 'fileError'; file: ConfigFile };

/** Tree data for the "Servers" view. An unreadable file gets an error child that opens it at the error. */
export class ServersTreeProvider implements vscode.TreeDataProvider<ServersNode> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly model: ServersModel) {
    this.onDidChangeTreeData = model.onDidChange;
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
    return [];
  }

  getTreeItem(node: ServersNode): vscode.TreeItem {
    switch (node.kind) {
      case 'client':
        return clientItem(node.client, node.files);
      case 'file':
        return fileItem(node.file);
      case 'server':
        return serverItem(node.server);
      case 'fileError':
        return errorItem(node.file);
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
  item.tooltip = new vscode.MarkdownString(`**${CLIENT_LABELS[file.client]}** config, ${scope} scope${file.format ? ` (\`${file.format}\`)` : ''}\n\n\`${file.path}\``);
  item.iconPath = file.error ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
  item.contextValue = `mcpConfigFile:${file.scope}${file.error ? ':error' : ''}`;
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path }] };
  return item;
}

function serverItem(server: ServerDefinition): vscode.TreeItem {
  const item = new vscode.TreeItem(server.name, vscode.TreeItemCollapsibleState.None);
  item.id = `server:${server.id}`;
  item.description = transportLabel(server.transport) + (server.options.disabled ? ' · disabled' : '');
  const summary = transportSummary(server.transport);
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${server.name}** · ${transportLabel(server.transport)}\n\n`);
  if (summary) md.appendCodeblock(summary, 'shell');
  md.appendMarkdown(`\nDefined in \`${path.basename(server.file)}\`, line ${server.range.start.line + 1}`);
  item.tooltip = md;
  item.iconPath = new vscode.ThemeIcon(server.transport ? (server.transport.kind === 'stdio' ? 'terminal' : 'globe') : 'question');
  item.contextValue = `mcpServer:${server.transport?.kind ?? 'none'}`;
  const at = (server.nameRange ?? server.range).start;
  item.command = { command: CommandIds.revealServer, title: 'Go to Definition', arguments: [{ file: server.file, line: at.line, character: at.character }] };
  return item;
}

function errorItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(file.error?.message ?? 'Unreadable file', vscode.TreeItemCollapsibleState.None);
  item.id = `error:${file.path}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.tooltip = `${file.error?.message ?? ''}\n\nClick to open ${file.path}`;
  item.contextValue = 'mcpConfigError';
  const at = file.error?.range?.start ?? { line: 0, character: 0 };
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path, line: at.line, character: at.character }] };
  return item;
}
