/**
 * What changed between two sets of server definitions, and whether a change needs a new session.
 *
 * Pure core: no `vscode` import.
 */
import type { ServerDefinition } from './model';

/**
 * The difference between the definitions before and after a config file was re-read, by id.
 * Unchanged definitions appear nowhere.
 */
export interface DefinitionChanges {
  /** New ids. */
  added: ServerDefinition[];
  /** Ids that are gone. */
  removed: string[];
  /**
   * Same id, but what runs changed ({@link launchKey}), or the server was disabled or enabled:
   * its session (if any) must end, and a new one use the new definition.
   */
  relaunched: ServerDefinition[];
  /** Same id and launch; something else changed (options such as timeouts, source ranges). */
  updated: ServerDefinition[];
}

/**
 * A string that is equal for two definitions exactly when they launch the same thing: the client
 * (its variable dialect) and the transport (command, args, cwd, env, envFile, env_vars; or URL,
 * headers, bearer token variable, env headers), and the debugger of VS Code's `dev.debug` (it
 * changes the command line), source ranges left out. `dev.watch` is not part of it: a new glob
 * needs no new session.
 */
export function launchKey(def: ServerDefinition): string {
  const debug = def.dev?.debug ? { type: def.dev.debug.value, debugpyPath: def.dev.debugpyPath?.value ?? null } : null;
  return JSON.stringify({ client: def.client, transport: def.transport ?? null, ...(debug && { debug }) }, withoutRanges);
}

/** Compares definitions by id. `before` and `after` may be in any order; ids are unique within each. */
export function diffDefinitions(before: readonly ServerDefinition[], after: readonly ServerDefinition[]): DefinitionChanges {
  const old = new Map(before.map((d) => [d.id, d]));
  const next = new Set(after.map((d) => d.id));
  const changes: DefinitionChanges = { added: [], removed: before.filter((d) => !next.has(d.id)).map((d) => d.id), relaunched: [], updated: [] };
  for (const d of after) {
    const prev = old.get(d.id);
    if (!prev) changes.added.push(d);
    else if (launchKey(prev) !== launchKey(d) || !!prev.options.disabled !== !!d.options.disabled) changes.relaunched.push(d);
    else if (JSON.stringify(prev) !== JSON.stringify(d)) changes.updated.push(d);
  }
  return changes;
}

function withoutRanges(key: string, value: unknown): unknown {
  return key === 'range' ? undefined : value;
}
