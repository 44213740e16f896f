import type * as vscode from 'vscode';
import type { ServersModel } from '../views/serversModel';

/** What commands may use, passed explicitly (no globals). */
export interface ExtensionContext {
  vscode: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  servers: ServersModel;
}
