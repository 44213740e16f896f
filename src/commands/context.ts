import type * as vscode from 'vscode';
import type { CallContext } from '../calls/callContext';
import type { CallHistory } from '../calls/history';
import type { LiveServers } from '../live/liveServers';
import type { ResourceDocuments } from '../live/resourceDocuments';
import type { ServersNode } from '../views/serversTree';
import type { ServersModel } from '../views/serversModel';

/** What commands may use, passed explicitly (no globals). */
export interface ExtensionContext {
  vscode: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  servers: ServersModel;
  live: LiveServers;
  /** Read-only documents of MCP resources. */
  resources: ResourceDocuments;
  /** Tool calls, prompts and their results. */
  calls: CallContext;
  history: CallHistory;
  /** Reveals a node in the Servers view. */
  reveal(node: ServersNode): Promise<void>;
}

/** A command's server argument: `{ serverId }` (palette, code, tests) or a tree node (menus). */
export type ServerArg = { serverId: string } | ServersNode | undefined;

/** The server id of a command argument, if it names one. */
export function serverIdOf(arg: ServerArg): string | undefined {
  if (!arg) return undefined;
  if ('serverId' in arg && typeof arg.serverId === 'string') return arg.serverId;
  if ('kind' in arg && arg.kind === 'server') return arg.server.id;
  return undefined;
}
