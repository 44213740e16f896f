import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { CLIENT_LABELS, transportLabel, transportSummary, type ConfigFile, type ServerDefinition } from '../core/config/model';
import type { ServersModel } from './serversModel';

/** The nodes of the Servers view, a tagged union on `kind`. */
export type ServersNode =
  | { kind: 'file'; file: ConfigFile }
  | { kind: 'server'; server: ServerDefinition }
  | { kind: 'fileError'; file: ConfigFile };

/** Tree data for the "Servers" view: config file → server; an unreadable file gets an error child. */
export class ServersTreeProvider implements vscode.TreeDataProvider<ServersNode> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly model: ServersModel) {
    this.onDidChangeTreeData = model.onDidChange;
  }

  async getChildren(node?: ServersNode): Promise<ServersNode[]> {
    if (!node) return (await this.model.getFiles()).map((file) => ({ kind: 'file', file }));
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
      case 'file':
        return fileItem(node.file);
      case 'server':
        return serverItem(node.server);
      case 'fileError':
        return errorItem(node.file);
    }
  }
}

function relativeLabel(file: string): string {
  const uri = vscode.Uri.file(file);
  return vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : file;
}

function fileItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(relativeLabel(file.path), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `file:${file.path}`;
  item.resourceUri = vscode.Uri.file(file.path);
  item.description = `${CLIENT_LABELS[file.client]} · ${file.servers.length} server${file.servers.length === 1 ? '' : 's'}`;
  item.tooltip = new vscode.MarkdownString(`**${CLIENT_LABELS[file.client]}** config (${file.scope})\n\n\`${file.path}\``);
  item.iconPath = file.error ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('file-code');
  item.contextValue = `mcpConfigFile:${file.client}${file.error ? ':error' : ''}`;
  item.command = undefined;
  return item;
}

function serverItem(server: ServerDefinition): vscode.TreeItem {
  const item = new vscode.TreeItem(server.name, vscode.TreeItemCollapsibleState.None);
  item.id = `server:${server.id}`;
  item.description = transportLabel(server.transport);
  const summary = transportSummary(server.transport);
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${server.name}** · ${transportLabel(server.transport)}\n\n`);
  if (summary) md.appendCodeblock(summary, 'shell');
  md.appendMarkdown(`\nDefined in \`${path.basename(server.file)}\`, line ${server.range.start.line + 1}`);
  item.tooltip = md;
  item.iconPath = new vscode.ThemeIcon(server.transport ? (server.transport.kind === 'stdio' ? 'terminal' : 'globe') : 'question');
  item.contextValue = `mcpServer:${server.transport?.kind ?? 'none'}`;
  item.command = { command: CommandIds.revealServer, title: 'Go to Definition', arguments: [{ file: server.file, line: (server.nameRange ?? server.range).start.line, character: (server.nameRange ?? server.range).start.character }] };
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
