import type { ConfigFormat } from '../config/formats';
import { SERVER_MAP_KEYS } from '../clients';
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

/** A string value containing `$`, with its path in the document. */
export interface DollarString {
  path: DocPath;
  value: string;
  server: ServerEntry;
}

const dollarCache = new WeakMap<object, DollarString[]>();

/**
 * Every string inside the servers that contains `$` (variables, `${input:}` references), with its
 * path; one walk per context, shared by the rules that need them. Paths are built only for
 * matching strings (this runs over every value of 1,000-server files on each keystroke).
 */
export function dollarStrings(ctx: { servers: readonly ServerEntry[] }): DollarString[] {
  const cached = dollarCache.get(ctx);
  if (cached) return cached;
  const out: DollarString[] = [];
  const stack: (string | number)[] = [];
  let server: ServerEntry | undefined;
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('$')) out.push({ path: server!.path.concat(stack), value: v, server: server! });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(i);
        visit(v[i]);
        stack.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) {
        stack.push(keys[i]);
        visit((v as Record<string, unknown>)[keys[i]]);
        stack.pop();
      }
    }
  };
  for (const s of ctx.servers) {
    server = s;
    visit(s.value);
  }
  dollarCache.set(ctx, out);
  return out;
}
