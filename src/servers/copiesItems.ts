import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { copyLabel, type SameServers, type ServerCopy, type ServerIdentity } from '../core/config/sameServer';
import { escapeMarkdown, markdownCode } from '../core/markdown';
import { untrustedMarkdown } from './liveItems';

/**
 * How the Servers view shows the same server across clients (`core/config/sameServer.ts`):
 * - on each copy's node: `drift` after its description when its copies differ, `shadowed` (and a
 *   dimmed icon: `circle-slash` in `disabledForeground`) when another entry of its client wins over
 *   it, `wins` on that entry; the tooltip says where else it is defined, which fields differ
 *   (with a Compare Copies link), and who wins and why (the client's rule and its source);
 * - with `mcpDevtools.servers.groupBy` = `server`, one node per server defined more than once
 *   ({@link copiesItem}), its copies under it, each labelled with its client and file.
 */

/** A copy's node marked as the module doc says; with `byServer`, its client and file lead its description. */
export function markCopy(item: vscode.TreeItem, serverId: string, same: SameServers, byServer: boolean): vscode.TreeItem {
  const hit = same.byId.get(serverId);
  if (!hit) return item;
  const { identity, copy } = hit;
  const others = identity.copies.filter((c) => c !== copy);
  const words = [
    others.length && identity.drift.length ? 'drift' : '',
    copy.shadowedBy ? 'shadowed' : copy.shadows ? 'wins' : '',
  ];
  item.description = [byServer ? copyLabel(copy) : '', item.description, ...words].filter(Boolean).join(' · ');
  if (copy.shadowedBy) item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (!others.length && !copy.shadowedBy && !copy.shadows) return item;
  const md = item.tooltip instanceof vscode.MarkdownString ? item.tooltip : untrustedMarkdown(typeof item.tooltip === 'string' ? escapeMarkdown(item.tooltip) : '');
  const byId = (id: string) => identity.copies.find((c) => c.def.id === id);
  md.appendMarkdown('\n\n---\n\n');
  if (copy.shadowedBy) md.appendMarkdown(`**Shadowed**: ${escapeMarkdown(copy.shadowedBy.reason)}\n\n`);
  if (copy.shadows) {
    const losers = copy.shadows.map((id) => byId(id)).filter((c): c is ServerCopy => !!c);
    md.appendMarkdown(`**Wins** over ${losers.map((c) => markdownCode(c.file.path)).join(', ')}: ${escapeMarkdown(losers[0]?.shadowedBy?.reason ?? '')}\n\n`);
  }
  if (others.length) {
    md.appendMarkdown(`**Also defined in**: ${others.map((c) => `${escapeMarkdown(copyLabel(c))}${c.def.name !== copy.def.name ? ` as ${markdownCode(c.def.name)}` : ''} (${markdownCode(c.file.path)})`).join(', ')}\n\n`);
    if (identity.drift.length) {
      const link = `[Compare Copies](command:${CommandIds.compareCopies}?${encodeURIComponent(JSON.stringify([{ serverId }]))})`;
      md.appendMarkdown(`**Drift**: the copies differ in ${identity.drift.map(markdownCode).join(', ')}. ${link}\n\n`);
      const trusted = typeof md.isTrusted === 'object' ? md.isTrusted.enabledCommands : [];
      md.isTrusted = { enabledCommands: [...trusted, CommandIds.compareCopies] };
    } else md.appendMarkdown('The copies are alike.\n\n');
  }
  item.tooltip = md;
  return item;
}

/** The node of a server defined more than once (`groupBy` = `server`): its name, how many copies, `drift`. */
export function copiesItem(identity: ServerIdentity): vscode.TreeItem {
  const item = new vscode.TreeItem(identity.name, vscode.TreeItemCollapsibleState.Expanded);
  const drift = identity.drift.length > 0;
  item.id = `copies:${identity.key}`;
  item.description = [`${identity.copies.length} copies`, drift ? 'drift' : ''].filter(Boolean).join(' · ');
  item.iconPath = drift ? new vscode.ThemeIcon('diff', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('files');
  const md = untrustedMarkdown(`**${escapeMarkdown(identity.name)}**, defined in ${identity.copies.length} files:\n\n`);
  for (const c of identity.copies) md.appendMarkdown(`- ${escapeMarkdown(copyLabel(c))}${c.def.name !== identity.name ? ` as ${markdownCode(c.def.name)}` : ''}${c.shadowedBy ? ' (shadowed)' : ''}: ${markdownCode(c.file.path)}\n`);
  md.appendMarkdown(drift ? `\n**Drift**: the copies differ in ${identity.drift.map(markdownCode).join(', ')} (Compare Copies shows how).` : '\nThe copies are alike.');
  item.tooltip = md;
  item.contextValue = `mcpServerCopies:${drift ? 'drift' : 'same'}`;
  return item;
}
