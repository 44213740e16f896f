import * as vscode from 'vscode';
import { ServerState } from '../core/connection/state';
import { CLIENT_LABELS } from '../core/config/model';
import { serverIdOf, type ServersContext, type ServerArg } from './serversContext';

/**
 * The server a command acts on: the one its argument names, else the user's pick from a quick pick
 * (filtered by `filter`). @returns the server id, or undefined when the user cancelled or none fit.
 */
export async function pickServer(ctx: ServersContext, arg: ServerArg, title: string, filter: (s: ServerState) => boolean = () => true): Promise<string | undefined> {
  const given = serverIdOf(arg);
  if (given) return given;
  await ctx.live.sync();
  const candidates = ctx.live.all().filter((s) => filter(s.state));
  if (!candidates.length) {
    void vscode.window.showInformationMessage(`${title}: no server fits (configured: ${ctx.live.all().length}).`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    candidates.map((s) => ({
      label: s.definition.name,
      description: `${ServerState.label(s.state)} · ${CLIENT_LABELS[s.definition.client]}`,
      detail: vscode.workspace.asRelativePath(s.definition.file),
      id: s.id,
    })),
    { title, placeHolder: 'Pick an MCP server', matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.id;
}
