/**
 * Document paths → source ranges, for each syntax: jsonc-parser trees for JSON, `yaml` nodes for
 * YAML, and a line scanner for TOML (smol-toml keeps no positions).
 */
import type { Node } from 'jsonc-parser';
import type { Document } from 'yaml';
import { loadYaml } from '../lazy';
import type { Range } from '../config/model';
import type { LineIndex } from '../config/text';
import { pathKey, type TomlPositions } from '../config/tomlPositions';
import type { DocPath } from './types';

export type Locator = (path: DocPath, what?: 'key' | 'value') => Range;

/**
 * The jsonc node of a value at `path`, if present (segments must be numbers for array items).
 * With duplicate keys the last one wins, as in `JSON.parse` and the data the rules see
 * (jsonc-parser's `findNodeAtLocation` would return the first).
 */
export function jsonNode(tree: Node | undefined, path: DocPath): Node | undefined {
  let node = tree;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      let hit: Node | undefined;
      for (const prop of node.children ?? []) if (prop.children?.[0]?.value === seg && prop.children.length > 1) hit = prop.children[1];
      node = hit;
    } else if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else return undefined;
  }
  return node;
}

export function jsonLocator(tree: Node | undefined, lines: LineIndex): Locator {
  return (path, what = 'value') => {
    for (let n = path.length; n >= 0; n--) {
      const node = jsonNode(tree, path.slice(0, n));
      if (!node) continue;
      const target = what === 'key' && n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
      return lines.range(target.offset, target.length);
    }
    return lines.range(0, 0);
  };
}

export function yamlLocator(doc: Document | undefined, lines: LineIndex): Locator {
  return (path, what = 'value') => {
    const { isMap, isScalar, isSeq } = loadYaml();
    let node: unknown = doc?.contents;
    let best: [number, number] = [0, 0];
    const rangeOf = (n: unknown): [number, number] | undefined => {
      const r = (n as { range?: [number, number, number] } | null)?.range;
      return r ? [r[0], r[1] - r[0]] : undefined;
    };
    best = rangeOf(node) ?? best;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        if (last && what === 'key') return toRange(rangeOf(pair.key) ?? best);
        node = pair.value;
        best = rangeOf(node) ?? rangeOf(pair.key) ?? best;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        best = rangeOf(node) ?? best;
      } else break;
    }
    return toRange(best);
  };
  function toRange([offset, length]: [number, number]): Range {
    return lines.range(offset, length);
  }
}

/** TOML: key and value spans from the config reader's scanner (smol-toml keeps no positions). */
export function tomlLocator(scan: () => TomlPositions, lines: LineIndex): Locator {
  return (path, what = 'value') => {
    const positions = scan();
    for (let n = path.length; n >= 1; n--) {
      const key = pathKey(path.slice(0, n).map(String));
      const span = positions.spans.get(key);
      const wantKey = what === 'key' || n < path.length;
      if (span) {
        const [s, e] = wantKey && span.keyStart !== undefined ? [span.keyStart, span.keyEnd!] : [span.valueStart ?? span.keyStart, span.valueEnd ?? span.keyEnd];
        if (s !== undefined && e !== undefined) return lines.range(s, e - s);
      }
      const ext = positions.extents.get(key);
      if (ext) return lines.range(ext.start, Math.min(ext.end, ext.start + 200) - ext.start);
    }
    return lines.range(0, 0);
  };
}
