/**
 * Quick-fix edits on YAML text (Continue's `.continue/**.yaml`): minimal text edits at the node
 * ranges of the `yaml` package's Document, so comments, blank lines, indentation and quoting
 * elsewhere stay as written (re-serialising the Document would normalise all of them).
 *
 * Values are written in YAML syntax: a string plain when it reads back as the same string (else
 * double-quoted; a quoted value keeps its quote style), collections in flow style in place of a
 * value (`["-y", "pkg"]`), and in block style under a new key.
 */
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { loadYaml } from '../lazy';
import type { DocPath, LintContext, TextEdit } from './types';

type Style = Scalar['type'];

/** A double-quoted YAML string (JSON's escapes are YAML's; DEL and the Unicode line separators escaped). */
const doubleQuoted = (v: string) => JSON.stringify(v).replace(/[\x7f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A scalar in YAML syntax. A string is plain when it reads back as that same string (not a number,
 * a boolean, a comment, a mapping…) and, inside a flow collection, holds no flow indicator;
 * otherwise quoted: `style` keeps a single-quoted or double-quoted value's style.
 */
export function yamlScalar(value: string | number | boolean | null, inFlow = false, style?: Style): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  const oneLine = !/[\n\r\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/.test(value);
  if (style === 'QUOTE_SINGLE' && oneLine) return `'${value.replace(/'/g, "''")}'`;
  if (style !== 'QUOTE_DOUBLE' && oneLine && value && !(inFlow && /[,[\]{}]/.test(value))) {
    // the common case without a parse: a word that is no YAML keyword (true, null, yes, ~…)
    if (/^[A-Za-z_/@][\w./@-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value)) return value;
    try {
      if (loadYaml().parse(value) === value) return value;
    } catch {
      // not a plain scalar
    }
  }
  return doubleQuoted(value);
}

/** `value` as YAML text for a value position: scalars via {@link yamlScalar}, collections in flow style. */
export function yamlFlow(value: unknown, inFlow = false, style?: Style): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return yamlScalar(value, inFlow, style);
  if (Array.isArray(value)) {
    // strings quoted inside flow collections, as JSON writes them: "--port" reads better than --port
    const items = value.map((v) => yamlFlow(v, true, 'QUOTE_DOUBLE'));
    return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => [yamlScalar(k, true), yamlFlow(v, true, 'QUOTE_DOUBLE')] as const);
    return pairs.some(([, v]) => v === undefined) ? undefined : pairs.length ? `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : '{}';
  }
  return undefined;
}

/** `key: value` lines at `indent`; a list or map of scalars in block style below the key. */
function blockPair(key: string, value: unknown, indent: string, eol: string): string | undefined {
  const k = yamlScalar(key);
  const isScalarish = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (Array.isArray(value) && value.length && value.every(isScalarish)) {
    return [`${indent}${k}:`, ...value.map((v) => `${indent}  - ${yamlScalar(v as string, false, 'QUOTE_DOUBLE')}`)].join(eol);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length && Object.values(value).every(isScalarish)) {
    return [`${indent}${k}:`, ...Object.entries(value).map(([n, v]) => `${indent}  ${yamlScalar(n)}: ${yamlScalar(v as string)}`)].join(eol);
  }
  const flow = yamlFlow(value);
  return flow === undefined ? undefined : `${indent}${k}: ${flow}`;
}

interface Located {
  node: YamlNode | null | undefined;
  /** The pair holding the node, when its parent is a map. */
  pair?: Pair<YamlNode, YamlNode | null>;
  parent?: YAMLMap | YAMLSeq;
}

/** The node at `path` in the Document, with its pair and parent collection; `undefined` when absent. */
function locate(doc: Document | undefined, path: DocPath): Located | undefined {
  const { isMap, isScalar, isSeq } = loadYaml();
  let at: Located = { node: doc?.contents as YamlNode | null | undefined };
  if (!doc) return undefined;
  for (const seg of path) {
    const node = at.node;
    if (isMap(node)) {
      const pair = (node.items as Pair<YamlNode, YamlNode | null>[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) return undefined;
      at = { node: pair.value, pair, parent: node };
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      at = { node: node.items[seg] as YamlNode, parent: node };
    } else return undefined;
  }
  return at;
}

const rangeOf = (n: unknown): [number, number, number] | undefined => (n as { range?: [number, number, number] } | null)?.range ?? undefined;
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
/** The end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}
/** The offset after the line break that ends the line holding `offset - 1` (`offset` itself when it starts a line). */
function afterLine(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

const styleOf = (n: unknown): Style | undefined => (loadYaml().isScalar(n) ? n.type : undefined);

/** Renames the mapping key at the end of `path`, keeping its quote style. */
export function yamlRenameKey(ctx: LintContext, path: DocPath, newKey: string): TextEdit[] | undefined {
  const at = locate(ctx.yamlDoc, path);
  const r = rangeOf(at?.pair?.key);
  if (!at?.pair || !r) return undefined;
  return [{ offset: r[0], length: r[1] - r[0], newText: yamlScalar(newKey, !!at.parent?.flow, styleOf(at.pair.key)) }];
}

/** Replaces the value at `path` (a string keeps its quote style; a collection is written in flow style). */
export function yamlReplaceValue(ctx: LintContext, path: DocPath, value: unknown): TextEdit[] | undefined {
  const at = locate(ctx.yamlDoc, path);
  const r = rangeOf(at?.node);
  if (!at || !r) return undefined;
  const style = styleOf(at.node);
  const newText = yamlFlow(value, !!at.parent?.flow, style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE' ? style : undefined);
  if (newText === undefined) return undefined;
  // a block collection's range ends after its last line break: keep that
  const length = ctx.text.slice(r[0], r[1]).trimEnd().length;
  return [{ offset: r[0], length, newText }];
}

/** Inserts `value` as item `index` of the sequence at `path`: `, item` in a flow sequence, a `- item` line in a block one. */
export function yamlInsertArrayItem(ctx: LintContext, path: DocPath, index: number, value: unknown): TextEdit[] | undefined {
  const { isSeq } = loadYaml();
  const seq = locate(ctx.yamlDoc, path)?.node;
  const r = rangeOf(seq);
  if (!isSeq(seq) || !r) return undefined;
  const text = ctx.text;
  const items = seq.items.map(rangeOf);
  if (items.some((x) => !x)) return undefined;
  const refIndex = Math.min(index, items.length - 1);
  const refStyle = refIndex >= 0 ? styleOf(seq.items[refIndex]) : undefined;
  const style = refStyle === 'QUOTE_DOUBLE' || refStyle === 'QUOTE_SINGLE' ? refStyle : undefined;
  if (seq.flow) {
    const item = yamlFlow(value, true, style);
    if (item === undefined) return undefined;
    if (index < items.length) return [{ offset: items[index]![0], length: 0, newText: `${item}, ` }];
    if (items.length) return [{ offset: items[items.length - 1]![1], length: 0, newText: `, ${item}` }];
    return [{ offset: text.indexOf('[', r[0]) + 1, length: 0, newText: item }];
  }
  const ref = items[refIndex];
  const item = yamlFlow(value, false, style);
  if (item === undefined || !ref) return undefined;
  const ls = lineStart(text, ref[0]);
  const marker = /^([ \t]*)-[ \t]/.exec(text.slice(ls, ref[0]));
  if (!marker) return undefined;
  if (index < items.length) return [{ offset: ls, length: 0, newText: `${marker[1]}- ${item}${eolOf(text)}` }];
  return [{ offset: lineEnd(text, items[items.length - 1]![1]), length: 0, newText: `${eolOf(text)}${marker[1]}- ${item}` }];
}

/** Replaces `[index, index+length)` of the string at `path`: in place when the scalar is written without escapes and stays in its style. */
export function yamlReplaceInString(ctx: LintContext, path: DocPath, value: string, index: number, length: number, newText: string): TextEdit[] | undefined {
  const at = locate(ctx.yamlDoc, path);
  const r = rangeOf(at?.node);
  if (!at || !r) return undefined;
  const raw = ctx.text.slice(r[0], r[1]);
  const inFlow = !!at.parent?.flow;
  const style = styleOf(at.node);
  const next = value.slice(0, index) + newText + value.slice(index + length);
  if (style === 'PLAIN' && raw === value && yamlScalar(next, inFlow) === next) return [{ offset: r[0] + index, length, newText }];
  if (style === 'QUOTE_DOUBLE' && raw === doubleQuoted(value)) return [{ offset: r[0] + 1 + index, length, newText: doubleQuoted(newText).slice(1, -1) }];
  if (style === 'QUOTE_SINGLE' && raw === `'${value}'` && !/['\n\r]/.test(value + newText)) return [{ offset: r[0] + 1 + index, length, newText }];
  return [{ offset: r[0], length: r[1] - r[0], newText: yamlScalar(next, inFlow, style) }];
}

/**
 * Sets (or with `undefined` removes) the value at `path`. An existing value is replaced; a new key
 * goes on a line after the map's last pair at its indentation (block style), or at the end of a
 * flow map; a removed pair or item goes with its lines (block) or its comma (flow).
 */
export function yamlSetPath(ctx: LintContext, path: DocPath, value: unknown, isArrayInsertion = false): TextEdit[] | undefined {
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  if (isArrayInsertion && typeof last === 'number') return yamlInsertArrayItem(ctx, parentPath, last, value);
  if (last === undefined) return undefined;
  const text = ctx.text;
  const at = locate(ctx.yamlDoc, path);
  if (value === undefined) return at ? remove(text, at) : undefined;
  if (at) return yamlReplaceValue(ctx, path, value);
  const { isMap } = loadYaml();
  const map = locate(ctx.yamlDoc, parentPath)?.node;
  if (!isMap(map) || typeof last !== 'string') return undefined;
  const pairs = map.items as Pair<YamlNode, YamlNode | null>[];
  if (map.flow) {
    const v = yamlFlow(value, true);
    if (v === undefined) return undefined;
    const pair = `${yamlScalar(last, true)}: ${v}`;
    const end = rangeOf(pairs.at(-1)?.value) ?? rangeOf(pairs.at(-1)?.key);
    if (end) return [{ offset: end[1], length: 0, newText: `, ${pair}` }];
    const r = rangeOf(map);
    return r ? [{ offset: text.indexOf('{', r[0]) + 1, length: 0, newText: ` ${pair} ` }] : undefined;
  }
  const lastPair = pairs.at(-1);
  const key = rangeOf(lastPair?.key);
  if (!lastPair || !key) return undefined;
  const indent = ' '.repeat(key[0] - lineStart(text, key[0]));
  const eol = eolOf(text);
  const lines = blockPair(last, value, indent, eol);
  if (lines === undefined) return undefined;
  const end = rangeOf(lastPair.value) ?? key;
  // after the last pair's value and its comment: its node end, on to the end of that line
  const offset = afterLine(text, end[2]);
  return offset >= text.length && !text.endsWith('\n') ? [{ offset: text.length, length: 0, newText: `${eol}${lines}` }] : [{ offset, length: 0, newText: `${lines}${eol}` }];
}

/** Removes a pair or a sequence item: its lines in block style (a first pair after `- ` gives its place to the next), its comma in flow style. */
function remove(text: string, at: Located): TextEdit[] | undefined {
  const start = rangeOf(at.pair ? at.pair.key : at.node)?.[0];
  const end = rangeOf(at.node) ?? rangeOf(at.pair?.key);
  if (start === undefined || !end || !at.parent) return undefined;
  if (at.parent.flow) {
    let b = start;
    while (b > 0 && /[ \t]/.test(text[b - 1])) b--;
    if (text[b - 1] === ',') return [{ offset: b - 1, length: end[1] - (b - 1), newText: '' }];
    let a = end[1];
    while (a < text.length && /[ \t]/.test(text[a])) a++;
    if (text[a] === ',') a++;
    while (a < text.length && /[ \t]/.test(text[a])) a++;
    return [{ offset: start, length: a - start, newText: '' }];
  }
  const ls = lineStart(text, start);
  const before = text.slice(ls, start);
  const items = at.parent.items as unknown[];
  const i = items.indexOf(at.pair ?? at.node);
  if (at.pair && !/^[ \t]*$/.test(before)) {
    // the first pair of a map written after "- ": the next pair moves up to its place
    const next = rangeOf((items[i + 1] as Pair | undefined)?.key);
    return next ? [{ offset: start, length: next[0] - start, newText: '' }] : [{ offset: start, length: end[1] - start, newText: '{}' }];
  }
  if (!at.pair && !/^[ \t]*-[ \t]*$/.test(before)) return undefined;
  return [{ offset: ls, length: afterLine(text, end[2]) - ls, newText: '' }];
}
