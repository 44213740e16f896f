import type { ServersContext } from './serversContext';

/** MCP: Refresh Servers — re-reads every config file now (never debounced) and re-lists running servers. */
export async function refresh(ctx: ServersContext): Promise<void> {
  await ctx.servers.refresh();
  await ctx.live.sync();
  await ctx.live.refreshLists();
}
