import { LIST_KINDS } from '../core/connection';
import type { ServersContext } from './serversContext';

/** MCP: Refresh Servers — re-reads every config file now (never debounced) and re-lists running servers. */
export async function refresh(ctx: ServersContext): Promise<void> {
  await ctx.servers.refresh();
  await ctx.live.sync();
  const running = ctx.live.registry.all().filter((s) => s.state.kind === 'running');
  await Promise.all(running.flatMap((s) => LIST_KINDS.filter((k) => s.lists[k].kind !== 'unsupported').map((k) => ctx.live.registry.refresh(s.id, k))));
}
