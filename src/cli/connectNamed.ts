/**
 * Starting one configured server by name for a one-shot command (`call`, `describe`, `prompt`):
 * the same discovery and registry as `list`/`read`, then the server's lists.
 *
 * Pure core: no `vscode` import.
 */
import type { Prompt, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRegistry, ServerSnapshot } from '../core/connection';
import { UsageError, type Io } from './io';
import { failures, workspaceRegistry } from './list';
import type { ConfigChoice } from './options';

/** A running server and how to let it go. */
export interface NamedServer {
  registry: ServerRegistry;
  id: string;
  name: string;
  snapshot: ServerSnapshot;
  /** Stops the server (its whole process tree). Never throws. */
  dispose(): Promise<void>;
}

/**
 * Starts the server named `name` in the config files `choice` selects (the nearest folder with
 * MCP config files from `io.cwd` up, or the `--config` files) and waits for its lists.
 * Returns `undefined` after printing why it failed (on stderr, prefixed with `mcp-devtools <verb>`).
 * @throws UsageError when no server of that name is configured, or a `--config` file cannot be read
 */
export async function connectNamed(io: Io, verb: string, name: string, timeoutMs: number, choice: ConfigChoice): Promise<NamedServer | undefined> {
  const { registry, servers } = await workspaceRegistry(io, [name], timeoutMs, choice);
  const dispose = () => registry.dispose().catch(() => undefined);
  try {
    const id = servers[0].id;
    await registry.start(id);
    const snapshot = registry.get(id);
    if (!snapshot || snapshot.state.kind !== 'running') {
      io.err(`mcp-devtools ${verb}: server "${name}" failed: ${snapshot ? failures(snapshot).join('\n') : 'gone'}`);
      await dispose();
      return undefined;
    }
    return { registry, id, name, snapshot, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** The tools a server listed (empty when it has none or the list failed). */
export function toolsOf(s: ServerSnapshot): Tool[] {
  const l = s.lists.tools;
  return l.kind === 'loaded' ? l.items : [];
}

/** The prompts a server listed. */
export function promptsOf(s: ServerSnapshot): Prompt[] {
  const l = s.lists.prompts;
  return l.kind === 'loaded' ? l.items : [];
}

/**
 * The named item of a list.
 * @throws UsageError naming what exists when there is no such item (or the list failed)
 */
export function findNamed<T extends { name: string }>(items: readonly T[], name: string, what: string, server: NamedServer, listKind: 'tools' | 'prompts'): T {
  const found = items.find((t) => t.name === name);
  if (found) return found;
  const l = server.snapshot.lists[listKind];
  if (l.kind === 'error') throw new UsageError(`server "${server.name}" could not list its ${listKind}: ${l.message}`);
  if (l.kind === 'unsupported') throw new UsageError(`server "${server.name}" has no ${listKind} (it did not declare the capability)`);
  throw new UsageError(`server "${server.name}" has no ${what} named "${name}"${items.length ? ` (${listKind}: ${items.map((t) => t.name).join(', ')})` : ''}`);
}
