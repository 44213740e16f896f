import type * as vscode from 'vscode';
import type { Settings } from './settings';

/**
 * What every capability may use: the extension's own VS Code context, its log and the settings. Each capability
 * folder extends this with what it adds (`ServersContext`, `ResourcesContext`, `CallsContext`,
 * `HistoryContext`); `extension.ts` builds the widest one and the command table hands it to every
 * command, which declares only the part it needs. Passed explicitly, never a global.
 *
 * This module sits below the capability folders: it imports `core` only.
 */
export interface AppContext {
  /** VS Code's context for this extension (subscriptions, workspaceState, extensionUri). */
  vscode: vscode.ExtensionContext;
  /** The extension's own log ("MCP DevTools" output channel). */
  log: vscode.LogOutputChannel;
  /** Every `mcpDevtools.*` setting, typed, with its default. */
  settings: Settings;
}
