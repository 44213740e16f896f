import which from 'which';
import type { WhichFn } from './types';

const TTL_MS = 30_000;
/** PATH + cwd → command → result (a nested map: no long string keys per lookup). */
const cache = new Map<string, Map<string, { at: number; hit: string | null }>>();

/**
 * The default command lookup: the `which` package with an explicit PATH, so the search is the one
 * the server's process would do, not ours. Results are cached for 30 s (linting runs on every keystroke).
 */
export const defaultWhich: WhichFn = (command, pathVar, cwd) => {
  const scope = `${pathVar}\0${cwd ?? ''}`;
  let byCommand = cache.get(scope);
  if (!byCommand) cache.set(scope, (byCommand = new Map()));
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
