import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { ServerSnapshot } from '../core/connection';
import { ServerState, type ListKind, type ListState } from '../core/connection/state';
import type { ListItems } from '../core/connection';
import { escapeMarkdown, markdownCode } from '../core/markdown';

/** Tree items for the live part of a server: list groups and their items, state icons. */

export const LIST_LABELS: Record<ListKind, string> = {
  tools: 'Tools',
  resources: 'Resources',
  resourceTemplates: 'Resource Templates',
  prompts: 'Prompts',
};

const LIST_ICONS: Record<ListKind, string> = { tools: 'tools', resources: 'file', resourceTemplates: 'file-symlink-file', prompts: 'comment-discussion' };

/**
 * A MarkdownString for text that servers and config files wrote: untrusted (command links do not
 * run), no HTML, no theme icons. Every tooltip of the Servers view is built on it.
 */
export function untrustedMarkdown(value?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** The icon of a server by its state. */
export function stateIcon(state: ServerState | undefined): vscode.ThemeIcon {
  switch (state ? ServerState.label(state) : 'stopped') {
    case 'running':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'starting':
      return new vscode.ThemeIcon('loading~spin');
    case 'reconnecting':
      return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    default:
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

/** `13 tools · 7 resources` for a running server's description. */
export function countsSummary(s: ServerSnapshot): string {
  const parts: string[] = [];
  for (const [kind, word] of [['tools', 'tool'], ['resources', 'resource'], ['prompts', 'prompt']] as const) {
    const l = s.lists[kind];
    if (l.kind === 'loaded') parts.push(`${l.items.length} ${word}${l.items.length === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

export function listItem(serverId: string, kind: ListKind, state: ListState<unknown>): vscode.TreeItem {
  const count = state.kind === 'loaded' ? `(${state.items.length})` : state.kind === 'loading' ? '(loading…)' : state.kind === 'error' ? '(failed)' : '';
  const item = new vscode.TreeItem(`${LIST_LABELS[kind]} ${count}`.trim(), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `list:${serverId}:${kind}`;
  item.iconPath = new vscode.ThemeIcon(LIST_ICONS[kind]);
  item.contextValue = `mcpList:${kind}`;
  if (state.kind === 'error') item.tooltip = state.message;
  return item;
}

type AnyItem = ListItems[ListKind];

function badges(tool: ListItems['tools']): string[] {
  const a = tool.annotations;
  if (!a) return [];
  const out: string[] = [];
  if (a.readOnlyHint) out.push('read-only');
  if (a.destructiveHint) out.push('destructive');
  if (a.idempotentHint) out.push('idempotent');
  if (a.openWorldHint) out.push('open-world');
  return out;
}

type Entry = AnyItem & { title?: string; name: string; description?: string; uri?: string; uriTemplate?: string; mimeType?: string };

const entryLabel = (kind: ListKind, e: Entry): string => e.title ?? (kind === 'tools' ? (e as ListItems['tools']).annotations?.title : undefined) ?? e.name;

/**
 * A tool, resource, resource template or prompt, without its tooltip: a list can hold thousands,
 * so the tooltip is made only when one is hovered ({@link entryTooltip}, from `resolveTreeItem`).
 */
export function entryItem(serverId: string, kind: ListKind, entry: AnyItem): vscode.TreeItem {
  const e = entry as Entry;
  const item = new vscode.TreeItem(entryLabel(kind, e), vscode.TreeItemCollapsibleState.None);
  const key = e.uri ?? e.uriTemplate ?? e.name;
  item.id = `entry:${serverId}:${kind}:${key}`;
  switch (kind) {
    case 'tools': {
      const b = badges(entry as ListItems['tools']);
      item.description = b.join(' · ');
      item.iconPath = new vscode.ThemeIcon(b.includes('destructive') ? 'warning' : 'symbol-method');
      break;
    }
    case 'resources':
      item.description = e.uri;
      item.iconPath = new vscode.ThemeIcon('file');
      item.command = { command: CommandIds.openResource, title: 'Open Resource', arguments: [{ serverId, uri: e.uri }] };
      break;
    case 'resourceTemplates':
      item.description = e.uriTemplate;
      item.iconPath = new vscode.ThemeIcon('file-symlink-file');
      item.command = { command: CommandIds.readResource, title: 'Read Resource', arguments: [{ serverId, uriTemplate: e.uriTemplate }] };
      break;
    case 'prompts':
      item.iconPath = new vscode.ThemeIcon('comment');
      break;
  }
  item.contextValue = `mcpEntry:${kind}`;
  return item;
}

/** The tooltip of an {@link entryItem}: its title and name, description, URI, badges and arguments (untrusted Markdown). */
export function entryTooltip(kind: ListKind, entry: AnyItem): vscode.MarkdownString {
  const e = entry as Entry;
  const label = entryLabel(kind, e);
  const md = untrustedMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(label)}**${label !== e.name ? ` (${markdownCode(e.name)})` : ''}\n\n`);
  if (e.description) md.appendText(`${e.description}\n\n`);
  if (e.uri) md.appendMarkdown(`${markdownCode(e.uri)}${e.mimeType ? ` · ${escapeMarkdown(e.mimeType)}` : ''}\n\n`);
  if (e.uriTemplate) md.appendMarkdown(`${markdownCode(e.uriTemplate)}\n\n`);
  if (kind === 'tools') {
    const b = badges(entry as ListItems['tools']);
    if (b.length) md.appendMarkdown(`*${b.join(', ')}*\n\n`);
    const props = Object.keys((entry as ListItems['tools']).inputSchema?.properties ?? {});
    if (props.length) md.appendMarkdown(`Arguments: ${props.map(markdownCode).join(', ')}`);
  } else if (kind === 'prompts') {
    const args = (entry as ListItems['prompts']).arguments ?? [];
    if (args.length) md.appendMarkdown(`Arguments: ${args.map((a) => `${markdownCode(a.name)}${a.required ? '' : '?'}`).join(', ')}`);
  }
  return md;
}
