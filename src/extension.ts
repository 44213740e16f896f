import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { setSchemaDir } from './core/lint';
import type { ConfigDiagnostics } from './editor/diagnostics';
import { registerConfigEditor } from './editor';
import type { ExtensionContext } from './commands/context';
import { ServersModel } from './views/serversModel';
import { ServersTreeProvider } from './views/serversTree';

/** What `activate` returns: used by the integration tests, not a public API. */
export interface ExtensionApi {
  servers: ServersModel;
  serversTree: ServersTreeProvider;
  diagnostics: ConfigDiagnostics;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('MCP DevTools', { log: true });
  context.subscriptions.push(log);
  try {
    const servers = new ServersModel(log);
    context.subscriptions.push(servers);
    const ctx: ExtensionContext = { vscode: context, log, servers };

    const serversTree = new ServersTreeProvider(servers);
    context.subscriptions.push(vscode.window.createTreeView('mcpDevtools.servers', { treeDataProvider: serversTree, showCollapseAll: true }));
    registerCommands(ctx);
    setSchemaDir(vscode.Uri.joinPath(context.extensionUri, 'media', 'schemas').fsPath);
    const diagnostics = registerConfigEditor(ctx);

    log.info(`MCP DevTools ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}).`);
    return { servers, serversTree, diagnostics };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`MCP DevTools failed to start: ${message}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
