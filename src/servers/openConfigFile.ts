import * as vscode from 'vscode';
import { CLIENT_LABELS } from '../core/config/model';
import type { ServersContext } from './serversContext';
import { CONNECTED_FILE } from './serversModel';

/** MCP: Open Config File… — quick pick of every discovered config file. */
export async function openConfigFile(ctx: ServersContext): Promise<void> {
  const files = (await ctx.servers.getFiles()).filter((f) => f.path !== CONNECTED_FILE);
  if (!files.length) {
    const create = 'Create .vscode/mcp.json';
    const answer = await vscode.window.showInformationMessage('No MCP config file was found in this workspace.', create);
    if (answer === create) await vscode.commands.executeCommand('mcpDevtools.createWorkspaceConfig');
    return;
  }
  const pick = await vscode.window.showQuickPick(
    files.map((f) => ({
      label: vscode.workspace.asRelativePath(f.path),
      description: CLIENT_LABELS[f.client],
      detail: f.error ? `$(warning) ${f.error.message}` : `${f.servers.length} server(s): ${f.servers.map((s) => s.name).join(', ')}`,
      path: f.path,
    })),
    { title: 'MCP: Open Config File', placeHolder: 'Pick an MCP config file', matchOnDescription: true },
  );
  if (pick) await vscode.window.showTextDocument(vscode.Uri.file(pick.path));
}
