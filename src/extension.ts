import * as vscode from 'vscode';
import { registerCommands, type CommandContext } from './commands';
import { setSchemaDir } from './core/lazy';
import type { ConfigDiagnostics } from './configEditor/diagnostics';
import { registerConfigEditor } from './configEditor';
import { ArgsEditor, SCHEMA_SCHEME } from './calls/argsEditor';
import type { CallServices } from './calls/callContext';
import { LastArguments } from './calls/lastArguments';
import { CallHistory } from './history/callHistory';
import { HistoryTreeProvider } from './history/historyTree';
import { QuickInputUi } from './ui/quickInputUi';
import { ResultPanels } from './calls/resultPanel';
import { FormViews } from './calls/formView';
import { LiveServers } from './servers/liveServers';
import { registerMcpBridge } from './servers/mcpBridge';
import { RESOURCE_SCHEME, ResourceDocuments } from './resources/resourceDocuments';
import { registerStatusBar } from './servers/statusBar';
import { ServersModel } from './servers/serversModel';
import { ServersTreeProvider } from './servers/serversTree';
import { ProtocolPanels } from './servers/protocolPanel';
import { Settings } from './settings';
import { CollectionTests } from './history/collectionTests';

/** What `activate` returns: used by the integration tests, not a public API. */
export interface ExtensionApi {
  servers: ServersModel;
  serversTree: ServersTreeProvider;
  diagnostics: ConfigDiagnostics;
  live: LiveServers;
  /** Calls: tests replace `calls.formUi` to answer forms, drive `calls.formViews.active`, and read `calls.results.last`. */
  calls: CallServices;
  history: CallHistory;
  historyTree: HistoryTreeProvider;
  /** The Protocol views: tests read a view's model (`get(serverId)`). */
  protocol: ProtocolPanels;
  /** The Testing view of collection files: tests read `controller.items` and `lastRun`. */
  collections: CollectionTests;
}

let live: LiveServers | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('MCP DevTools', { log: true });
  context.subscriptions.push(log);
  try {
    setSchemaDir(vscode.Uri.joinPath(context.extensionUri, 'media', 'schemas').fsPath);
    const settings = new Settings(vscode.workspace);
    const servers = new ServersModel(log, settings);
    live = new LiveServers(servers, context, log, settings);
    const serversTree = new ServersTreeProvider(servers, settings, live);
    const view = vscode.window.createTreeView('mcpDevtools.servers', { treeDataProvider: serversTree, showCollapseAll: true });
    const resources = new ResourceDocuments(live);
    const protocol = new ProtocolPanels(live, context.extensionUri);
    context.subscriptions.push(
      servers,
      serversTree,
      view,
      resources,
      protocol,
      vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, resources),
      registerStatusBar(live),
      autostartOnViewOpen(view, live, settings),
      settings.promptReloadOnChange((message, action) => vscode.window.showInformationMessage(message, action), () => vscode.commands.executeCommand('workbench.action.reloadWindow')),
    );
    const argsEditor = new ArgsEditor();
    const history = new CallHistory(context.workspaceState, (id, text) => live!.redact(id, text), () => ({
      maxEntries: settings.get('history.maxEntries'),
      maxResultBytes: settings.get('calls.maxResultBytes'),
    }));
    const calls: CallServices = {
      live,
      settings,
      formUi: new QuickInputUi(),
      withProgress: (options, task) => vscode.window.withProgress(options, task),
      formViews: new FormViews(context.extensionUri),
      results: new ResultPanels((serverId, uri) => vscode.commands.executeCommand('mcpDevtools.openResource', { serverId, uri })),
      lastArguments: new LastArguments(context.workspaceState),
      argsEditor,
      history,
    };
    const historyTree = new HistoryTreeProvider(history);
    // elicitation forms use the same UI as tool calls (and the same test hook)
    live.formUiSource = () => calls.formUi;
    context.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, argsEditor),
      vscode.languages.registerCodeLensProvider({ scheme: 'file', language: 'json' }, argsEditor),
      history,
      calls.results,
      calls.formViews,
      vscode.window.createTreeView('mcpDevtools.history', { treeDataProvider: historyTree }),
    );
    const collections = new CollectionTests({ live, settings, servers });
    context.subscriptions.push(collections);
    const ctx: CommandContext = { vscode: context, log, settings, servers, live, protocol, resources, calls, history, collections, reveal: (node) => Promise.resolve(view.reveal(serversTree.stable(node), { select: true, focus: true, expand: true })) };
    registerCommands(ctx);
    context.subscriptions.push(registerMcpBridge(ctx));
    const diagnostics = registerConfigEditor(ctx);

    log.info(`MCP DevTools ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}).`);
    return { servers, serversTree, diagnostics, live, calls, history, historyTree, protocol, collections };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`Activation failed: ${message}`);
    void vscode.window.showErrorMessage(`MCP DevTools failed to start: ${message}`);
    throw e;
  }
}

/** `mcpDevtools.servers.autostart: "onViewOpen"`: start every server the first time the view shows. */
function autostartOnViewOpen(view: vscode.TreeView<unknown>, servers: LiveServers, settings: Settings): vscode.Disposable {
  let done = false;
  const maybe = () => {
    if (done || !view.visible) return;
    if (settings.get('servers.autostart') !== 'onViewOpen') return;
    done = true;
    void servers.startAll({ ask: true });
  };
  const sub = view.onDidChangeVisibility(maybe);
  maybe();
  return sub;
}

/** Stops every server and waits until no server process is left. */
export async function deactivate(): Promise<void> {
  await live?.dispose();
  live = undefined;
}
