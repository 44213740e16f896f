import type { Document } from 'yaml';
import { loadYaml } from '../lazy';
import type { ConfigFile } from './model';
import { emptyFile, serversFromList, serversFromMap, type FileContext } from './servers';
import { child, type SourceEntry, type SourceNode } from './sourceTree';
import { MAX_NESTING, yamlTooDeep } from './nesting';
import { LineIndex } from './text';

/**
 * Reads a Continue YAML file: the user's `~/.continue/config.yaml` or a block in the workspace's
 * `.continue/mcpServers/*.yaml`. Per Continue's docs (`config.yaml` reference, "mcpServers"),
 * `mcpServers:` is a list of objects with `name`, `type` (`stdio` | `sse` | `streamable-http`),
 * `command`, `args`, `env`, `cwd`, `url`, `requestOptions` and `connectionTimeout` (ms). Because
 * Continue also accepts Claude/Cursor-style files in that folder, a `mcpServers:` *map* of
 * name → definition is read too.
 *
 * Ranges come from the `yaml` package's node ranges. Never throws: a syntax error sets `error`
 * (the first one, with its range) and the document the parser recovered is still read.
 */
export function readContinueYaml(text: string, ctx: FileContext): ConfigFile {
  const file = emptyFile(ctx);
  const idx = new LineIndex(text);
  try {
    const doc = loadYaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    const err = doc.errors[0];
    const deep = yamlTooDeep(doc, idx);
    if (deep) {
      file.error = deep;
      return file;
    }
    if (err) {
      const [start, end] = err.pos;
      file.error = { message: `YAML syntax error: ${err.message.split('\n')[0]}`, range: idx.range(start, Math.max(0, end - start)) };
    }
    const walk = { doc, left: MAX_NODES, cut: false };
    const root = doc.contents ? toNode(doc.contents, idx, 0, walk) : undefined;
    if (walk.cut) {
      file.error ??= {
        message: `The file expands to more than ${MAX_NODES.toLocaleString('en-US')} values or nests deeper than ${MAX_DEPTH} levels (aliases that repeat anchors?); the rest was not read. Write the values out or remove the repeated aliases.`,
        range: idx.range(0, 0),
      };
    }
    if (!root || root.type === 'null') {
      file.error ??= { message: 'The file is empty: expected a YAML mapping with `mcpServers`.', range: idx.range(0, text.length) };
      return file;
    }
    if (root.type !== 'object') {
      file.error ??= { message: `Expected a YAML mapping at the top level, found ${root.type === 'array' ? 'a list' : 'a ' + root.type}.`, range: root.range };
      return file;
    }
    const servers = child(root, 'mcpServers');
    file.servers = servers?.type === 'array' ? serversFromList(servers, ctx) : serversFromMap(servers, ctx);
  } catch (e) {
    file.error ??= { message: `Cannot read the file: ${(e as Error).message}` };
  }
  return file;
}

/** Nesting depth and node count beyond which aliases are not expanded (a guard against alias bombs). */
const MAX_DEPTH = MAX_NESTING;
const MAX_NODES = 50_000;

/** A `yaml` AST node as a {@link SourceNode}. Aliases are resolved to their anchor's value (range of the alias). */
function toNode(node: unknown, idx: LineIndex, depth: number, walk: { doc: Document; left: number; cut: boolean }): SourceNode {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  const range = r ? idx.range(r[0], Math.max(0, r[1] - r[0])) : undefined;
  if (depth > MAX_DEPTH || --walk.left < 0) {
    walk.cut = true;
    return { type: 'null', range };
  }
  const { isAlias, isMap, isPair, isScalar, isSeq } = loadYaml();
  if (isMap(node)) {
    const entries: SourceEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const keyText = isScalar(key) ? String(key.value) : key == null ? '' : String(key);
      const kr = (key as { range?: [number, number, number] } | null)?.range;
      entries.push({
        key: keyText,
        keyRange: kr ? idx.range(kr[0], Math.max(0, kr[1] - kr[0])) : undefined,
        value: pair.value == null ? { type: 'null', range: undefined } : toNode(pair.value, idx, depth + 1, walk),
      });
    }
    return { type: 'object', range, entries };
  }
  if (isSeq(node)) return { type: 'array', range, items: node.items.map((i) => toNode(i, idx, depth + 1, walk)) };
  if (isAlias(node)) return { ...toNode(node.resolve(walk.doc), idx, depth + 1, walk), range };
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return { type: 'string', range, value: v };
    if (typeof v === 'number' || typeof v === 'bigint') return { type: 'number', range, value: Number(v) };
    if (typeof v === 'boolean') return { type: 'boolean', range, value: v };
    if (v instanceof Date) return { type: 'string', range, value: v.toISOString() };
    return { type: 'null', range };
  }
  return { type: 'null', range };
}
