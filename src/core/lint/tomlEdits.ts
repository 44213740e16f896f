/**
 * Quick-fix edits on TOML text (Codex `config.toml`): minimal text edits at the offsets the
 * config reader's scanner knows (`config/tomlPositions`), so comments, blank lines, key order and
 * the file's table layout stay as written. smol-toml only parses; no formatting-preserving TOML
 * editor is installed, and these few edits do not need one.
 *
 * Values are written in TOML syntax: basic strings (a literal string stays literal when it can),
 * numbers, booleans, arrays and inline tables. `null` has no TOML spelling: such an edit is
 * `undefined` (no fix).
 */
import { pathKey, type TomlPositions, type TomlSpan } from '../config/tomlPositions';
import type { DocPath, LintContext, TextEdit } from './types';

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** A TOML basic string (JSON's escapes are TOML's, plus DEL); a literal string when `literal` and the value allows one. */
export function tomlString(value: string, literal = false): string {
  if (literal && !/['\n\r\x00-\x08\x0b-\x1f\x7f]/.test(value)) return `'${value}'`;
  return JSON.stringify(value).replace(/\x7f/g, '\\u007F');
}

/** A key as TOML writes it: bare when it can be, else quoted. */
export const tomlKey = (key: string): string => (BARE_KEY.test(key) ? key : tomlString(key));

/** `value` in TOML syntax, or `undefined` for what TOML cannot express (null, undefined, NaN). */
export function tomlValue(value: unknown, literal = false): string | undefined {
  if (typeof value === 'string') return tomlString(value, literal);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => tomlValue(v));
    return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value).map(([k, v]) => [k, tomlValue(v)] as const);
    if (pairs.some(([, v]) => v === undefined)) return undefined;
    return pairs.length ? `{ ${pairs.map(([k, v]) => `${tomlKey(k)} = ${v}`).join(', ')} }` : '{}';
  }
  return undefined;
}

const positionsOf = (ctx: LintContext): TomlPositions | undefined => ctx.tomlPositions?.();
const spanOf = (p: TomlPositions, path: DocPath): TomlSpan | undefined => p.spans.get(pathKey(path.map(String)));

/** Renames the last segment of `path` everywhere it is written (a table's headers and dotted keys alike). */
export function tomlRenameKey(ctx: LintContext, path: DocPath, newKey: string): TextEdit[] | undefined {
  const p = positionsOf(ctx);
  const mentions = p?.mentions.get(pathKey(path.map(String)));
  if (!mentions?.length) return undefined;
  return mentions.map((m) => ({ offset: m.start, length: m.end - m.start, newText: tomlKey(newKey) }));
}

/** Replaces the value written at `path` (a key's value or an array item). */
export function tomlReplaceValue(ctx: LintContext, path: DocPath, value: unknown): TextEdit[] | undefined {
  const p = positionsOf(ctx);
  const s = p && spanOf(p, path);
  if (s?.valueStart === undefined || s.valueEnd === undefined) return undefined;
  const newText = tomlValue(value, ctx.text[s.valueStart] === "'");
  return newText === undefined ? undefined : [{ offset: s.valueStart, length: s.valueEnd - s.valueStart, newText }];
}

/** Item spans of the array written at `path`, in order. */
function itemsOf(p: TomlPositions, path: DocPath): TomlSpan[] {
  const out: TomlSpan[] = [];
  for (let i = 0; ; i++) {
    const s = spanOf(p, [...path, i]);
    if (s?.valueStart === undefined) return out;
    out.push(s);
  }
}

/** Inserts `value` as item `index` of the inline array at `path`, on the line style of its neighbours. */
export function tomlInsertArrayItem(ctx: LintContext, path: DocPath, index: number, value: unknown): TextEdit[] | undefined {
  const p = positionsOf(ctx);
  const arr = p && spanOf(p, path);
  const text = tomlValue(value);
  if (!p || arr?.valueStart === undefined || ctx.text[arr.valueStart] !== '[' || text === undefined) return undefined;
  const items = itemsOf(p, path);
  if (index < items.length) return [{ offset: items[index].valueStart!, length: 0, newText: `${text}, ` }];
  if (items.length) return [{ offset: items[items.length - 1].valueEnd!, length: 0, newText: `, ${text}` }];
  return [{ offset: arr.valueStart + 1, length: 0, newText: text }];
}

/** Replaces `[index, index+length)` of the string at `path`: in place when the string is written without escapes. */
export function tomlReplaceInString(ctx: LintContext, path: DocPath, value: string, index: number, length: number, newText: string): TextEdit[] | undefined {
  const p = positionsOf(ctx);
  const s = p && spanOf(p, path);
  if (s?.valueStart === undefined || s.valueEnd === undefined) return undefined;
  const raw = ctx.text.slice(s.valueStart, s.valueEnd);
  const literal = raw.startsWith("'");
  if (raw === tomlString(value, literal) && !raw.startsWith("'''") && !raw.startsWith('"""')) {
    const inner = tomlString(newText, literal).slice(1, -1);
    if (!literal || tomlString(newText, true).startsWith("'")) return [{ offset: s.valueStart + 1 + index, length, newText: inner }];
  }
  return [{ offset: s.valueStart, length: raw.length, newText: tomlString(value.slice(0, index) + newText + value.slice(index + length), literal) }];
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

const childIndex = new WeakMap<TomlPositions, Map<string, TomlSpan[]>>();

/** The direct children of `path` written with a value (`key = value`), by position; indexed once per scan. */
function valuedChildren(p: TomlPositions, path: DocPath): TomlSpan[] {
  let index = childIndex.get(p);
  if (!index) {
    index = new Map();
    for (const [k, s] of p.spans) {
      if (s.valueStart === undefined || s.keyStart === undefined) continue;
      const parent = pathKey((JSON.parse(k) as string[]).slice(0, -1));
      const list = index.get(parent);
      if (list) list.push(s);
      else index.set(parent, [s]);
    }
    for (const list of index.values()) list.sort((a, b) => a.valueStart! - b.valueStart!);
    childIndex.set(p, index);
  }
  return index.get(pathKey(path.map(String))) ?? [];
}

/** Removes `[start, end)` from a `{…}` or `[…]` list with the comma that separates it. */
function removeListElement(text: string, start: number, end: number): TextEdit {
  let b = start;
  while (b > 0 && /[ \t]/.test(text[b - 1])) b--;
  if (text[b - 1] === ',') return { offset: b - 1, length: end - (b - 1), newText: '' };
  let a = end;
  while (a < text.length && /[ \t]/.test(text[a])) a++;
  if (text[a] === ',') {
    a++;
    while (a < text.length && /[ \t]/.test(text[a])) a++;
  }
  return { offset: start, length: a - start, newText: '' };
}

/**
 * Sets (or with `undefined` removes) the value at `path`: an existing value is replaced; a new key
 * goes after its table's last `key = value` line, written with the same dotted prefix, or at the
 * end of an inline table; a removed `key = value` line goes with its comment. Tables written as
 * `[headers]` are not removed (`undefined`).
 */
export function tomlSetPath(ctx: LintContext, path: DocPath, value: unknown, isArrayInsertion = false): TextEdit[] | undefined {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (isArrayInsertion && typeof last === 'number') return tomlInsertArrayItem(ctx, parent, last, value);
  const p = positionsOf(ctx);
  if (!p || last === undefined) return undefined;
  const text = ctx.text;
  const s = spanOf(p, path);
  if (value === undefined) {
    if (s?.valueStart === undefined || s.valueEnd === undefined) return undefined;
    if (typeof last === 'number') return [removeListElement(text, s.valueStart, s.valueEnd)];
    if (s.keyStart === undefined) return undefined;
    const ls = lineStart(text, s.keyStart);
    if (/^[\s\w."'-]*$/.test(text.slice(ls, s.keyStart))) {
      // a `key = value` line (perhaps dotted): the whole line, with its comment and line break
      const nl = text.indexOf('\n', s.valueEnd);
      return [{ offset: ls, length: (nl < 0 ? text.length : nl + 1) - ls, newText: '' }];
    }
    // inside an inline table: from the key (with its dotted prefix) to the value
    let k = s.keyStart;
    while (k > 0 && !/[{,]/.test(text[k - 1])) k--;
    while (/[ \t]/.test(text[k])) k++;
    return [removeListElement(text, k, s.valueEnd)];
  }
  if (s?.valueStart !== undefined) return tomlReplaceValue(ctx, path, value);
  if (typeof last !== 'string') return undefined;
  const newValue = tomlValue(value);
  if (newValue === undefined) return undefined;
  const pair = `${tomlKey(last)} = ${newValue}`;
  const ps = spanOf(p, parent);
  const children = valuedChildren(p, parent);
  if (ps?.valueStart !== undefined && ps.valueEnd !== undefined) {
    if (text[ps.valueStart] !== '{') return undefined;
    const after = children.at(-1);
    return after ? [{ offset: after.valueEnd!, length: 0, newText: `, ${pair}` }] : [{ offset: ps.valueStart + 1, length: 0, newText: ` ${pair} ` }];
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const after = children.at(-1);
  if (after) {
    const ls = lineStart(text, after.keyStart!);
    const prefix = text.slice(ls, after.keyStart);
    if (!/^[\s\w."'-]*$/.test(prefix)) return undefined;
    return [{ offset: lineEnd(text, after.valueEnd!), length: 0, newText: `${eol}${prefix}${pair}` }];
  }
  // an empty table: right under its header
  if (ps?.keyStart !== undefined && /^[ \t]*\[/.test(text.slice(lineStart(text, ps.keyStart), ps.keyStart))) return [{ offset: lineEnd(text, ps.keyStart), length: 0, newText: `${eol}${pair}` }];
  return undefined;
}
