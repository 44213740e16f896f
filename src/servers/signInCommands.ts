import * as vscode from 'vscode';
import type { ServersContext, ServerArg } from './serversContext';
import { pickServer } from './pickServer';

const isRemote = (ctx: ServersContext) => (id: string) => {
  const k = ctx.live.snapshot(id)?.definition.transport?.kind;
  return k === 'http' || k === 'sse';
};

/**
 * MCP: Sign In to Server — opens the server's consent page in the browser (a notification
 * "Signing in to <server>…" offers Cancel while it waits), then starts the server with the new
 * tokens. A failed flow shows on the server's node and says which step failed.
 */
export async function signIn(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Sign In to Server', undefined);
  if (!id || !isRemote(ctx)(id)) return;
  const name = ctx.live.snapshot(id)?.definition.name ?? id;
  const blocked = await ctx.live.signIn(id);
  if (blocked) void vscode.window.showWarningMessage(`MCP server "${name}" was not started: ${blocked}`);
  const s = ctx.live.snapshot(id);
  if (s?.state.kind === 'error') {
    const answer = await vscode.window.showErrorMessage(`MCP server "${name}": ${s.state.message}`, 'Show Output');
    if (answer) ctx.live.logs.show(id, name);
  }
}

/** MCP: Sign Out of Server — forgets its tokens in SecretStorage (a dynamic client registration is kept per authorization server, for reuse); a running server restarts and asks to sign in. */
export async function signOut(ctx: ServersContext, arg?: ServerArg): Promise<boolean> {
  const id = await pickServer(ctx, arg, 'MCP: Sign Out of Server', undefined);
  if (!id) return false;
  const name = ctx.live.snapshot(id)?.definition.name ?? id;
  const had = await ctx.live.signOut(id);
  void vscode.window.showInformationMessage(had ? `MCP: signed out of "${name}".` : `MCP: "${name}" had no stored sign-in.`);
  return had;
}

/** MCP: Sign Out of All Servers. @returns how many servers had a stored sign-in */
export async function signOutAll(ctx: ServersContext): Promise<number> {
  const n = await ctx.live.signOutAll();
  void vscode.window.showInformationMessage(`MCP: signed out of ${n} server${n === 1 ? '' : 's'}.`);
  return n;
}
