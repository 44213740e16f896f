import type { LiveServers } from './liveServers';

/**
 * Starts a server when it is not running (after the trust check), for a call the user asked for.
 * @throws Error saying why it is not running (not trusted, Restricted Mode, failed to start)
 */
export async function ensureRunning(live: LiveServers, serverId: string): Promise<void> {
  if (live.snapshot(serverId)?.state.kind === 'running') return;
  const blocked = await live.start(serverId);
  if (blocked) throw new Error(blocked);
  const s = live.snapshot(serverId);
  if (s?.state.kind !== 'running') throw new Error(`server "${s?.definition.name ?? serverId}" is not running${s?.state.kind === 'error' ? `: ${s.state.message}` : ''}`);
}
