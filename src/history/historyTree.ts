import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/markdown';
import { CommandIds } from '../commandIds';
import type { HistoryEntry } from '../core/history';
import type { CallHistory } from './callHistory';

/** The "History" view: one node per call, newest first. */
export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryEntry> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly history: CallHistory) {
    this.onDidChangeTreeData = history.onDidChange;
  }

  getChildren(entry?: HistoryEntry): HistoryEntry[] {
    return entry ? [] : this.history.entries();
  }

  getTreeItem(e: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(`${e.server} · ${e.name}`, vscode.TreeItemCollapsibleState.None);
    item.id = e.id;
    const when = new Date(e.time);
    item.description = `${when.toLocaleTimeString()}${e.durationMs !== undefined ? ` · ${e.durationMs} ms` : ''}${e.status === 'error' ? ' · error' : ''}`;
    item.iconPath = e.status === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon(e.kind === 'tool' ? 'symbol-method' : 'comment-discussion');
    // untrusted, and the server's own text (names, error) escaped: it is not ours to format
    const md = new vscode.MarkdownString(`**${e.kind === 'tool' ? 'tools/call' : 'prompts/get'} ${escapeMarkdown(e.name)}** on ${escapeMarkdown(e.server)}\n\n${when.toLocaleString()}`);
    if (e.error) md.appendMarkdown('\n\nError: ').appendText(e.error);
    md.appendMarkdown('\n\n');
    md.appendCodeblock(JSON.stringify(e.arguments, null, 2), 'json');
    item.tooltip = md;
    if (!e.result) md.appendMarkdown('\n\n*Result not kept: re-run to see it.*');
    item.contextValue = `mcpHistory:${e.kind}`;
    item.command = { command: CommandIds.showHistoryResult, title: 'Show Result', arguments: [e] };
    return item;
  }
}
