import * as vscode from 'vscode';
import { LOGGING_LEVELS } from '../core/connection/events';
import type { ServersContext, ServerArg } from './serversContext';
import { pickServer } from './pickServer';

/**
 * MCP: Set Server Log Level… — sends `logging/setLevel` (spec 2024-11-05, logging) so the server's
 * `notifications/message` at that level and above reach its output channel.
 */
export async function setLogLevel(ctx: ServersContext, arg?: ServerArg, level?: string): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Set Server Log Level', (s) => s.kind === 'running');
  if (!id) return;
  const snap = ctx.live.snapshot(id);
  if (!snap?.info?.capabilities.logging) throw new Error(`server "${snap?.definition.name ?? id}" does not declare the logging capability, so it has no log level to set.`);
  const picked = level ?? (await vscode.window.showQuickPick([...LOGGING_LEVELS], { title: `Log level of ${snap.definition.name}`, placeHolder: 'Messages at this level and above are sent' }));
  if (!picked) return;
  await ctx.live.setLogLevel(id, picked as (typeof LOGGING_LEVELS)[number]);
  ctx.live.logs.channel(id, snap.definition.name).info(`log level set to ${picked}`);
}
