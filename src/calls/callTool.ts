import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results/parts';
import { NAMED_PICK_OPTIONS, toolPickItem } from '../ui/pickItems';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { givenByNode, runCallCommand } from './callCommand';

/**
 * `{ serverId, toolName, arguments? }` (palette, history, tests) or the tool's tree node (▶).
 * `arguments`: send these without asking; `initialArguments`: pre-fill the form with them (edit and re-run).
 */
export type CallToolArg = { serverId?: string; toolName?: string; arguments?: Record<string, unknown>; initialArguments?: Record<string, unknown> } | ServersNode | undefined;

/**
 * MCP: Call Tool… — pick a server and a tool, answer the form generated from its inputSchema
 * (the last arguments offered first), and see the result. No LLM involved.
 * @returns the rendered result, or undefined when cancelled or sent to the JSON editor
 */
export function callTool(ctx: CallsContext, arg?: CallToolArg): Promise<RenderedResult | undefined> {
  const given = arg && 'kind' in arg ? givenByNode(arg, 'tools') : { ...arg, name: arg?.toolName };
  return runCallCommand(ctx, 'tool', given, 'MCP: Call Tool', async ({ name, tools }) => {
    const pick = await vscode.window.showQuickPick(tools.map((t) => toolPickItem(t)), { title: `MCP: Call Tool · ${name}`, placeHolder: `Pick one of ${tools.length} tools`, ...NAMED_PICK_OPTIONS });
    return pick?.value.name;
  });
}
