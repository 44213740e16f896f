import type { Node } from 'jsonc-parser';
import type { Located, Range } from './model';
import type { LineIndex } from './text';

/**
 * A syntax-neutral tree of values with their source ranges: what the JSON, TOML and YAML readers
 * produce, so one set of per-client rules ({@link import('./serverRules')}) interprets them all.
 * `range` is absent only where the syntax gives no position (rare TOML layouts).
 */
export type SourceNode =
  | { type: 'object'; range?: Range; entries: SourceEntry[] }
  | { type: 'array'; range?: Range; items: SourceNode[] }
  | { type: 'string'; range?: Range; value: string }
  | { type: 'number'; range?: Range; value: number }
  | { type: 'boolean'; range?: Range; value: boolean }
  | { type: 'null'; range?: Range };

/** One `key: value` of an object node. */
export interface SourceEntry {
  key: string;
  keyRange?: Range;
  value: SourceNode;
}

/**
 * The entry of `key` in an object node (key range included). With duplicate keys the last wins,
 * as with `JSON.parse` and the clients built on it; the linter reports the duplicate.
 */
export function entry(node: SourceNode | undefined, key: string): SourceEntry | undefined {
  if (node?.type !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** The value of `key` in an object node (the last duplicate wins, see {@link entry}). */
export function child(node: SourceNode | undefined, key: string): SourceNode | undefined {
  return entry(node, key)?.value;
}

/** Follows a key path through nested objects: `at(root, ['settings', 'mcp', 'servers'])`. */
export function at(node: SourceNode | undefined, path: readonly string[]): SourceNode | undefined {
  let n = node;
  for (const key of path) n = child(n, key);
  return n;
}

/** A string value with its range; `undefined` for any other type. */
export function str(node: SourceNode | undefined): Located<string> | undefined {
  return node?.type === 'string' ? { value: node.value, range: node.range } : undefined;
}

/** A scalar as a string (numbers and booleans stringified), for env values and args written unquoted. */
export function scalarText(node: SourceNode): string | null | undefined {
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** A finite number with its range; `undefined` for anything else. */
export function num(node: SourceNode | undefined): Located<number> | undefined {
  return node?.type === 'number' && Number.isFinite(node.value) ? { value: node.value, range: node.range } : undefined;
}

/** A boolean with its range; `undefined` for anything else. */
export function bool(node: SourceNode | undefined): Located<boolean> | undefined {
  return node?.type === 'boolean' ? { value: node.value, range: node.range } : undefined;
}

/** The scalar items of an array node, stringified; non-scalars are skipped. */
export function strList(node: SourceNode | undefined): Located<string>[] | undefined {
  if (node?.type !== 'array') return undefined;
  const out: Located<string>[] = [];
  for (const item of node.items) {
    const v = scalarText(item);
    if (typeof v === 'string') out.push({ value: v, range: item.range });
  }
  return out;
}

/** The scalar entries of an object node, stringified (`null` kept as null). */
export function strMap(node: SourceNode | undefined): Record<string, Located<string | null>> | undefined {
  if (node?.type !== 'object') return undefined;
  const out: Record<string, Located<string | null>> = {};
  for (const e of node.entries) {
    const v = scalarText(e.value);
    if (v !== undefined) out[e.key] = { value: v, range: e.value.range };
  }
  return out;
}

/** The plain JS value of a node (objects keep the last duplicate key, like `JSON.parse`). */
export function plain(node: SourceNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Converts a jsonc-parser tree into a {@link SourceNode}, ranges computed with `idx`. */
export function fromJsonc(node: Node, idx: LineIndex): SourceNode {
  const range = idx.range(node.offset, node.length);
  switch (node.type) {
    case 'object': {
      const entries: SourceEntry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        entries.push({ key: String(k.value), keyRange: idx.range(k.offset, k.length), value: fromJsonc(v, idx) });
      }
      return { type: 'object', range, entries };
    }
    case 'array':
      return { type: 'array', range, items: (node.children ?? []).map((c) => fromJsonc(c, idx)) };
    case 'string':
      return { type: 'string', range, value: String(node.value) };
    case 'number':
      return { type: 'number', range, value: Number(node.value) };
    case 'boolean':
      return { type: 'boolean', range, value: Boolean(node.value) };
    default:
      return { type: 'null', range };
  }
}
