import * as vscode from 'vscode';
import { NAMED_PICK_OPTIONS, toolPickItem } from '../ui/pickItems';
import type { ServersContext } from './serversContext';

/**
 * MCP: Go to Tool… — one quick pick over the tools of every running server; the pick is revealed
 * in the Servers view. With no server running, offers to start them all.
 * @returns the picked `{ serverId, tool }`, or undefined.
 */
export async function goToTool(ctx: ServersContext): Promise<{ serverId: string; tool: string } | undefined> {
  const running = ctx.live.runningServers();
  if (!running.length) {
    const start = 'Start All Servers';
    if ((await vscode.window.showInformationMessage('No MCP server is running, so there are no tools to go to.', start)) !== start) return undefined;
    await ctx.live.startAll();
    return goToTool(ctx);
  }
  const items = running.flatMap((s) =>
    s.tools.map((t) => ({ ...toolPickItem(t, s.name), serverId: s.id })),
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'MCP: Go to Tool', placeHolder: `Search ${items.length} tools of ${running.length} servers`, ...NAMED_PICK_OPTIONS });
  if (!pick) return undefined;
  await ctx.reveal({ kind: 'entry', serverId: pick.serverId, list: 'tools', entry: pick.value });
  return { serverId: pick.serverId, tool: pick.value.name };
}
