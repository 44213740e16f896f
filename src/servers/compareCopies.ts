import * as vscode from 'vscode';
import { copyLabel, shownTexts, type ServerIdentity } from '../core/config/sameServer';
import { serverIdOf, type ServerArg, type ServersContext } from './serversContext';
import type { ServersNode } from './serversTree';

/** The scheme of the read-only documents a Compare Copies diff shows: one copy's normalised entry each. */
export const COPY_SCHEME = 'mcp-devtools-copy';

/** `{ serverId, otherId? }` (palette, tooltip link, tests), a server node or a copies node (menus). */
export type CompareCopiesArg = ServerArg | { serverId: string; otherId?: string };

let provider: vscode.Disposable | undefined;

/** The document provider of {@link COPY_SCHEME}, registered on first use: `?<server id>` names the copy. */
function registerProvider(ctx: ServersContext): void {
  if (provider) return;
  provider = vscode.workspace.registerTextDocumentContentProvider(COPY_SCHEME, {
    provideTextDocumentContent(uri) {
      const id = decodeURIComponent(uri.query);
      const hit = ctx.servers.same().byId.get(id);
      if (!hit) return `// This copy is no longer defined (${id}): run Compare Copies again.\n`;
      return shownTexts(hit.identity)[hit.identity.copies.indexOf(hit.copy)];
    },
  });
  ctx.vscode.subscriptions.push(provider, { dispose: () => (provider = undefined) });
}

/**
 * MCP: Compare Copies — a diff of two copies of the same server (`core/config/sameServer.ts`):
 * each copy's normalised entry (transport, command, args, cwd, URL, env and headers; variables in
 * one dialect; secrets redacted and numbered so two different secrets read `<redacted #1>` and
 * `<redacted #2>`). With more than two copies the other one is picked; with no argument, the server
 * too (among those defined more than once).
 */
export async function compareCopies(ctx: ServersContext, arg?: CompareCopiesArg): Promise<void> {
  await ctx.servers.getFiles();
  const same = ctx.servers.same();
  const node = arg as ServersNode | undefined;
  let identity: ServerIdentity | undefined = node && 'kind' in node && node.kind === 'copies' ? same.byId.get(node.identity.key)?.identity : undefined;
  const serverId = identity ? undefined : serverIdOf(arg as ServerArg);
  if (serverId) identity = same.byId.get(serverId)?.identity;
  if (!identity && !arg) {
    const many = same.identities.filter((i) => i.copies.length > 1);
    if (!many.length) {
      void vscode.window.showInformationMessage('No server is defined in more than one config file: there are no copies to compare.');
      return;
    }
    const pick = await vscode.window.showQuickPick(many.map((i) => ({ label: i.name, description: `${i.copies.length} copies${i.drift.length ? ' · drift' : ''}`, identity: i })), { title: 'MCP: Compare Copies', placeHolder: 'A server defined in several config files' });
    identity = pick?.identity;
    if (!identity) return;
  }
  if (!identity) {
    void vscode.window.showWarningMessage(`Compare Copies: the server ${serverId ?? ''} is not in a config file as last read. Refresh the Servers view and try again.`);
    return;
  }
  const others = identity.copies.filter((c) => c.def.id !== serverId);
  if (identity.copies.length < 2) {
    void vscode.window.showInformationMessage(`MCP server "${identity.name}" is defined in one config file only: there is no other copy to compare with (a copy has the same name, the same command and arguments, or the same URL).`);
    return;
  }
  const first = serverId ? identity.copies.find((c) => c.def.id === serverId)! : identity.copies[0];
  const wanted = (arg as { otherId?: string } | undefined)?.otherId;
  let second = others.find((c) => c.def.id === wanted) ?? (others.length === 1 || !serverId ? others.find((c) => c !== first) : undefined);
  if (!second) {
    const pick = await vscode.window.showQuickPick(others.map((c) => ({ label: copyLabel(c), description: c.file.path, copy: c })), { title: `MCP: Compare Copies of ${identity.name}`, placeHolder: `Compare ${copyLabel(first)} with…` });
    second = pick?.copy;
    if (!second) return;
  }
  registerProvider(ctx);
  const uri = (c: typeof first) => vscode.Uri.from({ scheme: COPY_SCHEME, path: `/${c.def.name} (${copyLabel(c)}).json`, query: encodeURIComponent(c.def.id) });
  await vscode.commands.executeCommand('vscode.diff', uri(first), uri(second), `${identity.name}: ${copyLabel(first)} ↔ ${copyLabel(second)}${identity.drift.length ? '' : ' (alike)'}`, { preview: true });
}
