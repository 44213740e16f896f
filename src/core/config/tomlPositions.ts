/**
 * Where each key and value of a TOML document is, by key path. smol-toml parses values but gives
 * no positions, so this small scanner walks the text once: table headers (`[a."b.c"]`, `[[x]]`),
 * dotted and quoted keys, strings (basic, literal, multi-line), arrays and inline tables. It does
 * not validate anything (smol-toml does) and never throws; on text it does not understand it skips
 * to the next line.
 */

/** Offsets of one key path: the key as written (first mention) and its value. */
export interface TomlSpan {
  keyStart?: number;
  keyEnd?: number;
  valueStart?: number;
  valueEnd?: number;
}

/**
 * Key path → spans; plus, per path, the extent of everything written under it (for tables), and
 * every place its last key segment is written (a table named in several headers or dotted keys:
 * `[a.b]`, `[a.c]`, `a.d = 1` all mention `a`), for renaming it.
 */
export interface TomlPositions {
  spans: Map<string, TomlSpan>;
  extents: Map<string, { start: number; end: number }>;
  mentions: Map<string, { start: number; end: number }[]>;
}

/** The map key of a key path. */
export const pathKey = (path: readonly string[]): string => JSON.stringify(path);

const BARE = /[A-Za-z0-9_-]/;

/** Scans `text` into {@link TomlPositions}. */
export function scanToml(text: string): TomlPositions {
  const spans = new Map<string, TomlSpan>();
  const extents = new Map<string, { start: number; end: number }>();
  const mentions = new Map<string, { start: number; end: number }[]>();
  const arrayTableCounts = new Map<string, number>();
  let i = 0;
  let table: string[] = [];

  const note = (path: string[], start: number, end: number, what: 'key' | 'value') => {
    const k = pathKey(path);
    const s = spans.get(k) ?? {};
    if (what === 'key' && s.keyStart === undefined) Object.assign(s, { keyStart: start, keyEnd: end });
    if (what === 'value') Object.assign(s, { valueStart: start, valueEnd: end });
    spans.set(k, s);
    for (let d = 1; d <= path.length; d++) {
      const pk = pathKey(path.slice(0, d));
      const e = extents.get(pk);
      if (!e) extents.set(pk, { start, end });
      else Object.assign(e, { start: Math.min(e.start, start), end: Math.max(e.end, end) });
    }
  };
  const skipSpaces = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipLine = () => {
    while (i < text.length && text[i] !== '\n') i++;
  };
  /** Skips blanks, newlines and comments (inside arrays). */
  const skipBlank = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (text[i] === '#') skipLine();
      else return;
    }
  };
  /** A key path `a."b.c".'d'`, each segment noted as a key under `base`. */
  const keyPath = (base: string[]): string[] | undefined => {
    const path = [...base];
    for (;;) {
      skipSpaces();
      const start = i;
      let name: string;
      if (text[i] === '"' || text[i] === "'") {
        const q = text[i++];
        let raw = '';
        while (i < text.length && text[i] !== q && text[i] !== '\n') raw += q === '"' && text[i] === '\\' ? text[i++] + (text[i++] ?? '') : text[i++];
        if (text[i] !== q) return undefined;
        i++;
        name = q === '"' ? unescape(raw) : raw;
      } else {
        while (i < text.length && BARE.test(text[i])) i++;
        if (i === start) return undefined;
        name = text.slice(start, i);
      }
      path.push(name);
      note(path, start, i, 'key');
      const k = pathKey(path);
      const list = mentions.get(k);
      if (list) list.push({ start, end: i });
      else mentions.set(k, [{ start, end: i }]);
      skipSpaces();
      if (text[i] !== '.') return path;
      i++;
    }
  };
  /** A value at `i`, noted under `path` (recursing into arrays and inline tables). */
  const value = (path: string[]): void => {
    const start = i;
    const c = text[i];
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < text.length && !text.startsWith(close, i) && (triple || text[i] !== '\n')) i += c === '"' && text[i] === '\\' ? 2 : 1;
      i = Math.min(text.length, i + close.length);
      while (triple && text[i] === c) i++; // up to two quotes may end the content
    } else if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        skipBlank();
        if (i >= text.length || text[i] === ']') break;
        const before = i;
        value([...path, String(n)]);
        skipBlank();
        if (text[i] === ',') i++;
        else if (text[i] !== ']' || i === before) break;
      }
      if (text[i] === ']') i++;
    } else if (c === '{') {
      i++;
      for (;;) {
        skipSpaces();
        if (i >= text.length || text[i] === '}' || text[i] === '\n') break;
        const key = keyPath(path);
        skipSpaces();
        if (!key || text[i] !== '=') break;
        i++;
        skipSpaces();
        value(key);
        skipSpaces();
        if (text[i] === ',') i++;
        else break;
      }
      if (text[i] === '}') i++;
    } else {
      while (i < text.length && !/[,\]}#\n]/.test(text[i])) i++;
      while (i > start && /\s/.test(text[i - 1])) i--;
    }
    if (i > start) note(path, start, i, 'value');
  };

  while (i < text.length) {
    skipBlank();
    if (i >= text.length) break;
    const lineStart = i;
    if (text[i] === '[') {
      const arrayTable = text[i + 1] === '[';
      i += arrayTable ? 2 : 1;
      const path = keyPath([]);
      if (path) {
        if (arrayTable) {
          const n = arrayTableCounts.get(pathKey(path)) ?? 0;
          arrayTableCounts.set(pathKey(path), n + 1);
          path.push(String(n));
        }
        table = path;
        skipLine();
        note(table, lineStart, lineStart + text.slice(lineStart, i).trimEnd().length, 'key');
      }
    } else {
      const path = keyPath(table);
      skipSpaces();
      if (path && text[i] === '=') {
        i++;
        skipSpaces();
        value(path);
      }
    }
    skipLine();
  }
  return { spans, extents, mentions };
}

/** The common TOML basic-string escapes; an unknown escape is kept as written. */
function unescape(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (m, e: string) => {
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (e.length === 1) return simple[e] ?? m;
    const cp = parseInt(e.slice(1), 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}
