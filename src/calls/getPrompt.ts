import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results/parts';
import { executeCall } from './executeCall';
import { fillCall } from './fillCall';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { NAMED_PICK_OPTIONS, promptPickItem } from '../ui/pickItems';
import { pickServer } from '../servers/pickServer';

/** `{ serverId, promptName, arguments? }` (palette, history, tests) or the prompt's tree node. `arguments`: send without asking; `initialArguments`: pre-fill the form. */
export type GetPromptArg = { serverId?: string; promptName?: string; arguments?: Record<string, string>; initialArguments?: Record<string, unknown> } | ServersNode | undefined;

/** MCP: Get Prompt… — the prompt's arguments through the same form planner; its messages rendered by role. */
export async function getPrompt(ctx: CallsContext, arg?: GetPromptArg): Promise<RenderedResult | undefined> {
  let serverId: string | undefined;
  let name: string | undefined;
  let args: Record<string, string> | undefined;
  let given: Record<string, unknown> | undefined;
  if (arg && 'kind' in arg) {
    if (arg.kind === 'entry' && arg.list === 'prompts') [serverId, name] = [arg.serverId, arg.entry.name];
    else if (arg.kind === 'server') serverId = arg.server.id;
  } else if (arg) [serverId, name, args, given] = [arg.serverId, arg.promptName, arg.arguments, arg.initialArguments];
  serverId ??= await pickServer(ctx, undefined, 'MCP: Get Prompt');
  if (!serverId) return undefined;
  if (!name) {
    const { name: server, prompts } = await ctx.live.requireRunning(serverId);
    const pick = await vscode.window.showQuickPick(prompts.map((p) => promptPickItem(p)), { title: `MCP: Get Prompt · ${server}`, placeHolder: `Pick one of ${prompts.length} prompts`, ...NAMED_PICK_OPTIONS });
    name = pick?.value.name;
  }
  if (!name) return undefined;
  const call = await fillCall(ctx, { kind: 'prompt', server: serverId, name }, { arguments: args, initialArguments: given });
  return call && (await executeCall(ctx, call)).rendered;
}
