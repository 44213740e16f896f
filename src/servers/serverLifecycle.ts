import * as vscode from 'vscode';
import { ServerState } from '../core/connection/state';
import type { ServersContext, ServerArg } from './serversContext';
import { pickServer } from './pickServer';
import { explainFailure, revealArgsOf } from './startFailure';
import { CommandIds } from '../commandIds';

/** Runs `work` with a progress indicator in the status bar (the work itself is bounded by the connect timeout). */
function withProgress<T>(title: string, work: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, work);
}

/** MCP: Start Server — after the trust check; a failure shows on the server's node and in its log. */
export async function startServer(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Start Server', ServerState.canBeStarted);
  if (!id) return;
  const name = ctx.live.snapshot(id)?.definition.name ?? id;
  const blocked = await withProgress(`Starting MCP server ${name}…`, () => ctx.live.start(id));
  if (blocked) void vscode.window.showWarningMessage(`MCP server "${name}" was not started: ${blocked}`);
  const s = ctx.live.snapshot(id);
  if (s?.state.kind === 'error') {
    // the config doctor's explanation when it has one: the fix, and a button to the config line at fault
    const why = explainFailure(s.definition, s.state);
    const at = why && revealArgsOf(why);
    const open = 'Open Config at the Line';
    const answer = await vscode.window.showErrorMessage(`MCP server "${name}" failed to start: ${s.state.message}${why ? ` — ${why.problem.replace(/\.$/, '')}. Fix: ${why.fix}` : ''}`, ...(at ? [open] : []), 'Show Output');
    if (answer === open && at) await vscode.commands.executeCommand(CommandIds.revealServer, at);
    else if (answer) ctx.live.logs.show(id, name);
  }
}

/** MCP: Stop Server — kills its whole process tree. */
export async function stopServer(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Stop Server', ServerState.canBeStopped);
  if (id) await ctx.live.stop(id);
}

/** MCP: Restart Server. */
export async function restartServer(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Restart Server');
  if (!id) return;
  const name = ctx.live.snapshot(id)?.definition.name ?? id;
  const blocked = await withProgress(`Restarting MCP server ${name}…`, () => ctx.live.restart(id));
  if (blocked) void vscode.window.showWarningMessage(`MCP server "${name}" was not started: ${blocked}`);
}

/** MCP: Start All Servers. */
export async function startAllServers(ctx: ServersContext): Promise<void> {
  await withProgress('Starting MCP servers…', () => ctx.live.startAll());
}

/** MCP: Stop All Servers. */
export async function stopAllServers(ctx: ServersContext): Promise<void> {
  await ctx.live.stopAll();
}

/** MCP: Show Server Output — the server's own log channel (stderr, log notifications, traffic at trace). */
export async function showServerOutput(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Show Server Output');
  if (id) ctx.live.logs.show(id, ctx.live.snapshot(id)?.definition.name ?? id);
}

/** MCP: Reset Server Trust — every workspace server asks again before its next start. */
export async function resetServerTrust(ctx: ServersContext): Promise<number> {
  const n = await ctx.live.trust.reset();
  void vscode.window.showInformationMessage(`MCP: forgot ${n} trust decision${n === 1 ? '' : 's'}; workspace servers will ask again before they start.`);
  return n;
}
