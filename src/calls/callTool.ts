import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results/parts';
import { executeCall } from './executeCall';
import { fillCall } from './fillCall';
import { NAMED_PICK_OPTIONS, toolPickItem } from '../ui/pickItems';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { pickServer } from '../servers/pickServer';

/** `{ serverId, toolName, arguments? }` (palette, history, tests) or the tool's tree node (▶). */
/** `arguments`: send these without asking; `initialArguments`: pre-fill the form with them (edit and re-run). */
export type CallToolArg = { serverId?: string; toolName?: string; arguments?: Record<string, unknown>; initialArguments?: Record<string, unknown> } | ServersNode | undefined;

/**
 * MCP: Call Tool… — pick a server and a tool, answer the form generated from its inputSchema
 * (the last arguments offered first), and see the result. No LLM involved.
 * @returns the rendered result, or undefined when cancelled or sent to the JSON editor
 */
export async function callTool(ctx: CallsContext, arg?: CallToolArg): Promise<RenderedResult | undefined> {
  let serverId: string | undefined;
  let toolName: string | undefined;
  let args: Record<string, unknown> | undefined;
  let given: Record<string, unknown> | undefined;
  if (arg && 'kind' in arg) {
    if (arg.kind === 'entry' && arg.list === 'tools') [serverId, toolName] = [arg.serverId, arg.entry.name];
    else if (arg.kind === 'server') serverId = arg.server.id;
  } else if (arg) [serverId, toolName, args, given] = [arg.serverId, arg.toolName, arg.arguments, arg.initialArguments];
  serverId ??= await pickServer(ctx, undefined, 'MCP: Call Tool');
  if (!serverId) return undefined;
  if (!toolName) {
    const { name, tools } = await ctx.live.requireRunning(serverId);
    const pick = await vscode.window.showQuickPick(tools.map((t) => toolPickItem(t)), { title: `MCP: Call Tool · ${name}`, placeHolder: `Pick one of ${tools.length} tools`, ...NAMED_PICK_OPTIONS });
    toolName = pick?.value.name;
  }
  if (!toolName) return undefined;
  const call = await fillCall(ctx, { kind: 'tool', server: serverId, name: toolName }, { arguments: args, initialArguments: given });
  return call && (await executeCall(ctx, call)).rendered;
}
