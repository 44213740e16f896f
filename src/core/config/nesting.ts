/**
 * A guard against config files nested too deep to read. The parsers and everything that walks
 * their result (jsonc-parser's `parseTree`/`getNodeValue`, `yaml`, our source trees, the lint rules)
 * recurse once per level: a file a few thousand levels deep exhausts the stack (jsonc-parser's
 * `getNodeValue` overflows at about 3,000 levels, `yaml` at about 900, with Node's default stack),
 * and smol-toml's own limit (1,000) takes seconds to reach through our position scanner. No MCP
 * config needs more than a dozen levels, so a file deeper than {@link MAX_NESTING} is refused
 * before any of that runs, with the place where it gets too deep.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Document } from 'yaml';
import { loadYaml } from '../lazy';
import type { Range } from './model';
import type { LineIndex } from './text';

/** Objects and arrays (tables, mappings, sequences) inside one another, at most; the root object counts as 1. */
export const MAX_NESTING = 100;

/** Where a file first nests deeper than {@link MAX_NESTING}, and the message to show there. */
export interface TooDeep {
  message: string;
  /** The opening bracket (or the node) of the first level past the limit. */
  range: Range;
}

const message = (lines: LineIndex, offset: number) => {
  const p = lines.positionAt(offset);
  return `Nested more than ${MAX_NESTING} levels deep at line ${p.line + 1}, column ${p.character + 1}: MCP DevTools does not read a file nested this deep (its parsers would run out of stack). Flatten the value there.`;
};

const found = (lines: LineIndex, offset: number): TooDeep => ({ message: message(lines, offset), range: lines.range(offset, 1) });

/**
 * JSON / JSONC: the first `{` or `[` past {@link MAX_NESTING} levels, found with jsonc-parser's
 * scanner (a loop, not recursion: strings and comments are skipped as the parser would).
 * @returns `undefined` when the text is within the limit (or is not JSON at all)
 */
export function jsonTooDeep(lines: LineIndex): TooDeep | undefined {
  const scanner = createScanner(lines.text, false);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) return found(lines, scanner.getTokenOffset());
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * TOML: the first `[` or `{` of a value past {@link MAX_NESTING} levels. Strings (basic, literal,
 * multi-line) and comments are skipped; a table header (`[a.b]`, `[[a]]`) opens and closes on its
 * line, so it never adds up.
 */
export function tomlTooDeep(lines: LineIndex): TooDeep | undefined {
  const t = lines.text;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '#') {
      while (i < t.length && t[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const triple = t.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      for (i += close.length; i < t.length && !t.startsWith(close, i); i++) {
        if (c === '"' && t[i] === '\\') i++;
        else if (!triple && t[i] === '\n') break;
      }
      if (triple) i += 2;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return found(lines, i);
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * YAML: the first mapping or sequence past {@link MAX_NESTING} levels in a parsed document (block
 * and flow collections alike; aliases are not followed). Walks with an explicit stack, so it works
 * on whatever `yaml` recovered from a document it could not finish.
 */
export function yamlTooDeep(doc: Document, lines: LineIndex): TooDeep | undefined {
  // the document came from `yaml`, so it is loaded: this takes its node guards from the same lazy module
  const { isMap, isPair, isSeq } = loadYaml();
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return found(lines, node.range?.[0] ?? 0);
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}
