import * as vscode from 'vscode';
import { suggestWatchGlob } from '../core/config/devWatch';
import { pickServer } from './pickServer';
import { baseFolder } from './serverWatch';
import type { ServerArg, ServersContext } from './serversContext';

/**
 * MCP: Watch Server Source… — for any stdio server (from any client's file): asks for a glob,
 * prefilled with the folder of the script its command runs, and restarts the server when a
 * matching file changes, for this window. `glob` in the argument skips the question (tests, code).
 * @returns the glob watched, or undefined when cancelled
 */
export async function watchServerSource(ctx: ServersContext, arg?: ServerArg & { glob?: string }): Promise<string | undefined> {
  const id = await pickServer(ctx, arg, 'MCP: Watch Server Source');
  if (!id) return undefined;
  const def = ctx.live.snapshot(id)?.definition;
  if (!def) throw new Error(`Watch Server Source: no server with id ${id}; refresh the Servers view and try again.`);
  if (def.transport?.kind !== 'stdio') throw new Error(`Watch Server Source: server "${def.name}" is a ${def.transport?.kind ?? 'server without a transport'}, not a local process: only a stdio server's source can be watched.`);
  const base = baseFolder(def);
  const glob = arg && 'glob' in arg && typeof arg.glob === 'string' ? arg.glob : await vscode.window.showInputBox({
    title: `MCP: Watch Server Source — ${def.name}`,
    prompt: `Restart "${def.name}" when a file matching this glob changes (absolute, or relative to ${base}; "!" excludes; separate several with ","). For this window only.`,
    value: ctx.live.watches.watched(id)?.globs.join(', ') ?? suggestWatchGlob(def, base),
    validateInput: (v) => (v.split(',').some((g) => g.trim()) ? undefined : 'Give at least one glob, such as src/**/*.ts'),
  });
  if (!glob) return undefined;
  ctx.live.watches.watch(def, glob.split(',').map((g) => g.trim()).filter(Boolean));
  ctx.live.refreshNode(id);
  return glob;
}

/** MCP: Stop Watching Server Source — no more restarts on change for this server, for this window. */
export async function stopWatchingServerSource(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Stop Watching Server Source');
  if (!id) return;
  ctx.live.watches.unwatch(id);
  ctx.live.refreshNode(id);
}
