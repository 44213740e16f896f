import * as vscode from 'vscode';
import { planForm, promptArgumentsSchema } from '../core/lazy';
import type { RenderedResult } from '../core/results';
import { executeGetPrompt } from './executeCall';
import { runForm } from '../ui/runForm';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { completer } from './completer';
import { NAMED_PICK_OPTIONS, promptPickItem } from '../ui/pickItems';
import { pickServer } from '../servers/pickServer';

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
  const server = await ctx.live.requireRunning(serverId);
  const { prompts } = server;
  if (!name) {
    const pick = await vscode.window.showQuickPick(prompts.map((p) => promptPickItem(p)), { title: `MCP: Get Prompt · ${server.name}`, placeHolder: `Pick one of ${prompts.length} prompts`, ...NAMED_PICK_OPTIONS });
    name = pick?.value.name;
  }
  if (!name) return undefined;
  const prompt = prompts.find((p) => p.name === name);
  if (!prompt) throw new Error(`server "${server.name}" has no prompt "${name}"`);
  if (!args) {
    const schema = promptArgumentsSchema(prompt.arguments);
    const complete = server.info?.capabilities.completions ? completer(ctx, serverId, { type: 'ref/prompt', name }) : undefined;
    const outcome = await runForm(planForm(schema, name), ctx.calls.formUi, { title: `${server.name} · prompt ${name}`, initial: given ?? ctx.calls.lastArguments.get(server.name, 'prompt', name), complete });
    if (outcome.kind === 'cancel') return undefined;
    if (outcome.kind === 'json') {
      await ctx.calls.argsEditor.open({ kind: 'prompt', serverId, name, schema }, outcome.arguments);
      return undefined;
    }
    args = (outcome.arguments ?? {}) as Record<string, string>;
  }
  return executeGetPrompt(ctx.calls, serverId, name, args);
}
