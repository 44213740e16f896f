import * as vscode from 'vscode';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { planForm } from '../core/lazy';
import type { RenderedResult } from '../core/results';
import { executeToolCall } from './executeCall';
import { NAMED_PICK_OPTIONS, toolPickItem } from '../ui/pickItems';
import { runForm } from '../ui/runForm';
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
  const server = await ctx.live.requireRunning(serverId);
  const { tools } = server;
  let tool: Tool | undefined = toolName ? tools.find((t) => t.name === toolName) : undefined;
  if (!tool && toolName) throw new Error(`server "${server.name}" has no tool "${toolName}" (it has ${tools.length})`);
  if (!tool) {
    const pick = await vscode.window.showQuickPick(tools.map((t) => toolPickItem(t)), { title: `MCP: Call Tool · ${server.name}`, placeHolder: `Pick one of ${tools.length} tools`, ...NAMED_PICK_OPTIONS });
    tool = pick?.value;
  }
  if (!tool) return undefined;
  if (!args) {
    const initial = given ?? ctx.calls.lastArguments.get(server.name, 'tool', tool.name);
    const plan = planForm(tool.inputSchema, tool.name);
    const outcome = await runForm(plan, ctx.calls.formUi, { title: `${server.name} · ${tool.title ?? tool.name}`, initial });
    if (outcome.kind === 'cancel') return undefined;
    if (outcome.kind === 'json') {
      await ctx.calls.argsEditor.open({ kind: 'tool', serverId, name: tool.name, schema: tool.inputSchema }, outcome.arguments ?? initial);
      return undefined;
    }
    args = (outcome.arguments ?? {}) as Record<string, unknown>;
  }
  return executeToolCall(ctx.calls, serverId, tool, args);
}
