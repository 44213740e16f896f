/**
 * What changed in a server's lists across a restart: items added, removed, or changed (a tool's
 * `inputSchema`, `outputSchema` or `description`; a prompt's `arguments` or `description`; a
 * resource's or template's `description`, `mimeType` or `name`). The Servers tree marks the items
 * with it after a watched server restarted.
 *
 * Pure core: no `vscode` import.
 */
import type { ListItems } from './lists';
import { LIST_KINDS, type ListKind } from './state';

/** One item's change. `reason` is a short phrase for a tooltip: `added`, `inputSchema and description changed`. */
export type ItemChange =
  | { kind: 'added'; reason: string }
  | { kind: 'removed'; reason: string; item: ListItems[ListKind] }
  | { kind: 'changed'; reason: string; fields: string[] };

/** Per list, the changes by item key ({@link itemKey}); lists that did not change have an empty map. */
export type ListChanges = { [K in ListKind]: Map<string, ItemChange> };

/** Lists as compared: the loaded items of each list, `undefined` for a list that was not loaded (not compared). */
export type ListsToCompare = { [K in ListKind]?: readonly ListItems[K][] };

/** The fields compared per list, in the order a reason names them. */
const FIELDS: { [K in ListKind]: readonly string[] } = {
  tools: ['inputSchema', 'outputSchema', 'description'],
  prompts: ['arguments', 'description'],
  resources: ['name', 'description', 'mimeType'],
  resourceTemplates: ['name', 'description', 'mimeType'],
};

/** What tells items apart within a list: a resource's `uri`, a template's `uriTemplate`, else the `name`. */
export function itemKey(item: ListItems[ListKind]): string {
  const e = item as { name: string; uri?: string; uriTemplate?: string };
  return e.uri ?? e.uriTemplate ?? e.name;
}

/**
 * Compares the lists before and after a restart. A list missing on either side (not loaded, not
 * supported) is not compared: its map is empty. Field values are compared as JSON with object keys
 * sorted, so a schema whose keys came back in another order is not "changed".
 */
export function diffLists(before: ListsToCompare, after: ListsToCompare): ListChanges {
  const out = { tools: new Map(), prompts: new Map(), resources: new Map(), resourceTemplates: new Map() } as ListChanges;
  for (const kind of LIST_KINDS) {
    const old = before[kind];
    const now = after[kind];
    if (!old || !now) continue;
    const changes = out[kind] as Map<string, ItemChange>;
    const oldByKey = new Map<string, ListItems[ListKind]>(old.map((i) => [itemKey(i), i]));
    const nowKeys = new Set(now.map(itemKey));
    for (const item of now) {
      const key = itemKey(item);
      const prev = oldByKey.get(key);
      if (!prev) {
        changes.set(key, { kind: 'added', reason: 'added since the restart' });
        continue;
      }
      const fields = FIELDS[kind].filter((f) => canonical((prev as Record<string, unknown>)[f]) !== canonical((item as Record<string, unknown>)[f]));
      if (fields.length) changes.set(key, { kind: 'changed', fields, reason: `${joinWords(fields)} changed since the restart` });
    }
    for (const [key, item] of oldByKey) if (!nowKeys.has(key)) changes.set(key, { kind: 'removed', item, reason: 'removed since the restart' });
  }
  return out;
}

/** Whether any list changed. */
export function hasListChanges(c: ListChanges): boolean {
  return LIST_KINDS.some((k) => c[k].size > 0);
}

/** JSON with object keys sorted; `undefined` stays distinct from every value. */
function canonical(v: unknown): string {
  return v === undefined ? '\0undefined' : JSON.stringify(v, (_k, val: unknown) => (val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : val));
}

const joinWords = (w: readonly string[]) => (w.length < 2 ? w.join('') : `${w.slice(0, -1).join(', ')} and ${w[w.length - 1]}`);
