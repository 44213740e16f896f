import type { AppContext } from '../context';
import type { LiveServers } from './liveServers';
import type { ProtocolPanels } from './protocolPanel';
import type { ServersModel } from './serversModel';
import type { ServersNode } from './serversTree';

/** What the server commands use: the config model, the live servers and the Servers view. */
export interface ServersContext extends AppContext {
  servers: ServersModel;
  live: LiveServers;
  /** The Protocol views, one per server. */
  protocol: ProtocolPanels;
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
