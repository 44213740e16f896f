import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results/parts';
import { NAMED_PICK_OPTIONS, promptPickItem } from '../ui/pickItems';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { givenByNode, runCallCommand } from './callCommand';

/** `{ serverId, promptName, arguments? }` (palette, history, tests) or the prompt's tree node. `arguments`: send without asking; `initialArguments`: pre-fill the form. */
export type GetPromptArg = { serverId?: string; promptName?: string; arguments?: Record<string, string>; initialArguments?: Record<string, unknown> } | ServersNode | undefined;

/** MCP: Get Prompt… — the prompt's arguments through the same form planner; its messages rendered by role. */
export function getPrompt(ctx: CallsContext, arg?: GetPromptArg): Promise<RenderedResult | undefined> {
  const given = arg && 'kind' in arg ? givenByNode(arg, 'prompts') : { ...arg, name: arg?.promptName };
  return runCallCommand(ctx, 'prompt', given, 'MCP: Get Prompt', async ({ name, prompts }) => {
    const pick = await vscode.window.showQuickPick(prompts.map((p) => promptPickItem(p)), { title: `MCP: Get Prompt · ${name}`, placeHolder: `Pick one of ${prompts.length} prompts`, ...NAMED_PICK_OPTIONS });
    return pick?.value.name;
  });
}
