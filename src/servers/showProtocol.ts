import type { ServersContext, ServerArg } from './serversContext';
import { pickServer } from './pickServer';
import type { ProtocolView } from './protocolPanel';

/**
 * MCP: Show Protocol — the server's Protocol view: every JSON-RPC message, newest first, from its
 * first `initialize` on (kept whether or not the view was open). From a server node, or picked.
 * @returns the view (tests read its model), or undefined when no server was picked
 */
export async function showProtocol(ctx: ServersContext, arg?: ServerArg): Promise<ProtocolView | undefined> {
  const id = await pickServer(ctx, arg, 'MCP: Show Protocol');
  return id ? ctx.protocol.show(id) : undefined;
}
