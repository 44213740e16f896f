import type { ExtensionContext } from './context';

/** MCP: Refresh Servers — re-reads every config file now (never debounced). */
export async function refresh(ctx: ExtensionContext): Promise<void> {
  await ctx.servers.refresh();
}
