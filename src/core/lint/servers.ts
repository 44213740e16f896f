import type { ConfigFormat } from '../config/formats';
import { SERVER_MAP_KEYS } from './clients';
import type { DocPath, ServerEntry } from './types';

/**
 * Splits a format's `topLevelKey` into the path of the object holding the servers and the key of
 * the servers map: `servers` → `[]` + `servers`; `settings.mcp.servers` → `['settings','mcp']` + `servers`.
 */
export function containerOf(format: Pick<ConfigFormat, 'topLevelKey' | 'serversPath'>): { containerPath: DocPath; serversKey: string } {
  const parts = format.serversPath?.length ? format.serversPath : format.topLevelKey.split('.');
  return { containerPath: parts.slice(0, -1), serversKey: parts[parts.length - 1] };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a document path, or `undefined`. */
export function valueAt(data: unknown, path: DocPath): unknown {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObject(v) && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(v, seg)) v = v[seg];
    else return undefined;
  }
  return v;
}

/** The servers as written: a `{name: {...}}` map, or a list of `{name, ...}` (Continue). */
export function serverEntries(data: unknown, containerPath: DocPath, serversKey: string): ServerEntry[] {
  // servers under another client's key (reported by top-level-key) are still checked, at their real path
  const key = valueAt(data, [...containerPath, serversKey]) !== undefined ? serversKey : SERVER_MAP_KEYS.find((k) => k !== 'mcp' && isObject(valueAt(data, [...containerPath, k]))) ?? serversKey;
  const map = valueAt(data, [...containerPath, key]);
  const base = [...containerPath, key];
  if (Array.isArray(map)) {
    return map.map((value, i) => ({ name: isObject(value) && typeof value.name === 'string' ? value.name : `#${i + 1}`, path: [...base, i], value }));
  }
  if (!isObject(map)) return [];
  return Object.keys(map).map((name) => ({ name, path: [...base, name], value: map[name] }));
}

/**
 * Calls `cb` for every string inside a value that contains `needle`, with its path. The path is
 * built only for matching strings (this runs over every value of 1,000-server files on each keystroke).
 */
export function forEachStringWith(value: unknown, path: DocPath, needle: string, cb: (path: DocPath, value: string) => void): void {
  const stack: (string | number)[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes(needle)) cb([...path, ...stack], v);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(i);
        visit(v[i]);
        stack.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k in v as Record<string, unknown>) {
        stack.push(k);
        visit((v as Record<string, unknown>)[k]);
        stack.pop();
      }
    }
  };
  visit(value);
}
