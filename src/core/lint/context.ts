/**
 * Builds the {@link LintContext} of one file: parses it once for its syntax (jsonc-parser tree,
 * TOML, YAML), finds the servers, and provides path → range lookups for the rules.
 */
import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import type { Document } from 'yaml';
import { loadYaml } from '../lazy';
import type { ConfigFormat } from '../config/formats';
import type { Range } from '../config/model';
import { jsonTooDeep, tomlTooDeep, yamlTooDeep, type TooDeep } from '../config/nesting';
import { LineIndex } from '../config/text';
import { scanToml, type TomlPositions } from '../config/tomlPositions';
import { jsonLocator, tomlLocator, yamlLocator, type Locator } from './locate';
import { containerOf, isObject, serverEntries, valueAt } from './servers';
import type { LintContext, ServerEntry, WhichFn } from './types';
import { defaultWhich } from './which';

export interface ContextOptions {
  env?: Readonly<Record<string, string | undefined>>;
  which?: WhichFn;
  cwd?: string;
}

/** Claude Code's local-scope servers: `projects["<abs path>"].mcpServers` in `~/.claude.json`. */
function projectServers(data: unknown): ServerEntry[] {
  const projects = valueAt(data, ['projects']);
  if (!isObject(projects)) return [];
  return Object.keys(projects).flatMap((p) => serverEntries(data, ['projects', p], 'mcpServers'));
}

export function buildContext(text: string, path: string, format: ConfigFormat, opts: ContextOptions = {}): LintContext {
  const lines = new LineIndex(text);
  const parseErrors: ParseError[] = [];
  let data: unknown;
  let tree: Node | undefined;
  let syntaxError: { message: string; range: Range } | undefined;
  let locate: Locator;
  let tooDeep: TooDeep | undefined;
  let yamlDoc: Document | undefined;
  let tomlPositions: (() => TomlPositions) | undefined;
  const isJson = format.syntax !== 'toml' && format.syntax !== 'yaml';
  if (isJson && (tooDeep = jsonTooDeep(lines))) {
    locate = jsonLocator(undefined, lines);
  } else if (format.syntax === 'toml' && (tooDeep = tomlTooDeep(lines))) {
    locate = tomlLocator(() => scanToml(''), lines);
  } else if (isJson) {
    tree = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
    data = tree ? getNodeValue(tree) : undefined;
    locate = jsonLocator(tree, lines);
  } else if (format.syntax === 'toml') {
    try {
      data = parseToml(text);
    } catch (e) {
      const err = e as { line?: number; column?: number; message?: string };
      const offset = lines.offsetAt({ line: Math.max(0, (err.line ?? 1) - 1), character: Math.max(0, (err.column ?? 1) - 1) });
      syntaxError = { message: String(err.message ?? e).split('\n')[0], range: lines.range(offset, 1) };
    }
    let scanned: TomlPositions | undefined;
    tomlPositions = () => (scanned ??= scanToml(text));
    locate = tomlLocator(tomlPositions, lines);
  } else {
    let doc: Document | undefined;
    try {
      doc = loadYaml().parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
      tooDeep = yamlTooDeep(doc, lines);
      if (tooDeep) doc = undefined;
      const first = doc?.errors[0];
      if (first) syntaxError = { message: first.message.split('\n')[0], range: lines.range(first.pos[0], Math.max(1, first.pos[1] - first.pos[0])) };
      data = doc?.toJS({ maxAliasCount: 100 });
    } catch (e) {
      syntaxError ??= { message: (e as Error).message.split('\n')[0], range: lines.range(0, 0) };
    }
    locate = yamlLocator(doc, lines);
    if (doc && !doc.errors.length) yamlDoc = doc;
  }
  const { containerPath, serversKey } = containerOf(format);
  return {
    text,
    path,
    format,
    lines,
    data,
    tree,
    parseErrors,
    syntaxError,
    tooDeep,
    containerPath,
    serversKey,
    servers: [...serverEntries(data, containerPath, serversKey), ...(format.id === 'claude-code-user' ? projectServers(data) : [])],
    env: opts.env ?? process.env,
    which: opts.which ?? defaultWhich,
    cwd: opts.cwd,
    locate,
    has: (p) => valueAt(data, p) !== undefined,
    isJson,
    yamlDoc,
    tomlPositions,
  };
}
