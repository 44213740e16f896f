import which from 'which';
import type { WhichFn } from './types';

const TTL_MS = 30_000;
/** PATH + cwd → command → result (a nested map: no long string keys per lookup). */
const cache = new Map<string, Map<string, { at: number; hit: string | null }>>();

/** The scope of the previous lookup: consecutive lookups share a PATH, so skip building its key. */
let last: { pathVar: string; cwd: string | undefined; map: Map<string, { at: number; hit: string | null }> } | undefined;

/**
 * The default command lookup: the `which` package with an explicit PATH, so the search is the one
 * the server's process would do, not ours. Results are cached for 30 s (linting runs on every keystroke).
 */
export const defaultWhich: WhichFn = (command, pathVar, cwd) => {
  let byCommand: Map<string, { at: number; hit: string | null }> | undefined;
  if (last && last.pathVar === pathVar && last.cwd === cwd) byCommand = last.map;
  else {
    const scope = `${pathVar}\0${cwd ?? ''}`;
    byCommand = cache.get(scope);
    if (!byCommand) cache.set(scope, (byCommand = new Map()));
    last = { pathVar, cwd, map: byCommand };
  }
  const now = Date.now();
  const c = byCommand.get(command);
  if (c && now - c.at < TTL_MS) return c.hit;
  let hit: string | null = null;
  try {
    hit = which.sync(command, { path: pathVar, nothrow: true });
  } catch {
    hit = null;
  }
  byCommand.set(command, { at: now, hit });
  return hit;
};
