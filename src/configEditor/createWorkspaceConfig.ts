import * as vscode from 'vscode';
import type { ServersContext } from '../servers/serversContext';

/**
 * The commented starter `.vscode/mcp.json`. Format: VS Code's MCP configuration
 * (https://code.visualstudio.com/docs/copilot/reference/mcp-configuration): `servers` + `inputs`.
 */
export const WORKSPACE_CONFIG_TEMPLATE = `{
  // MCP servers for this workspace. Each entry is started by the MCP clients that read this file
  // (VS Code, MCP DevTools). Reference: https://code.visualstudio.com/docs/copilot/reference/mcp-configuration
  "servers": {
    // A local server, started as a process that speaks MCP over stdin/stdout.
    "everything": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-everything"]
    }
    // A remote server over Streamable HTTP; secrets come from an input and are stored securely:
    // "my-remote": {
    //   "type": "http",
    //   "url": "https://example.com/mcp",
    //   "headers": { "Authorization": "Bearer \${input:api-token}" }
    // }
  },
  "inputs": [
    // { "type": "promptString", "id": "api-token", "description": "API token", "password": true }
  ]
}
`;

/**
 * MCP: Create Workspace Config — writes the template to `<folder>/.vscode/mcp.json` and opens it.
 * Never overwrites: an existing file is opened instead.
 * @returns the file's URI, or undefined when there is no folder or the user cancelled.
 */
export async function createWorkspaceConfig(ctx: ServersContext): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage('Open a folder first: .vscode/mcp.json belongs to a workspace folder.');
    return undefined;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create .vscode/mcp.json in which folder?' });
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, '.vscode', 'mcp.json');
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(WORKSPACE_CONFIG_TEMPLATE));
    ctx.log.info(`Created ${uri.fsPath}`);
  }
  await vscode.window.showTextDocument(uri);
  await ctx.servers.refresh();
  return uri;
}
