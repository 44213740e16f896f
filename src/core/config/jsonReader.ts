import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigFile, InputDefinition } from './model';
import { emptyFile, NO_RANGE, serversFromMap, type FileContext } from './servers';
import { fromJsonc, plain, type SourceNode } from './sourceTree';
import { jsonTooDeep } from './nesting';
import { LineIndex } from './text';

/** Options of {@link readJsonServers}. */
export interface JsonReadOptions extends FileContext {
  /** The top-level key of the server map (`servers`, `mcpServers`). */
  topLevelKey?: string;
  /** A key path to a nested server map, e.g. `['settings', 'mcp', 'servers']`; wins over `topLevelKey`. */
  serversPath?: readonly string[];
  /**
   * Paths tried, in order, when the server map is absent: VS Code still reads a deprecated
   * `mcpServers` in `mcp.json` (microsoft/vscode `mcpConfiguration.ts`), so its formats pass `[['mcpServers']]`.
   */
  aliasPaths?: readonly (readonly string[])[];
  /** Where VS Code `inputs` live; default: an `inputs` key beside the server map. */
  inputsPath?: readonly string[];
  /** Claude Code `~/.claude.json`: also read every `projects["<abs path>"].mcpServers` (local scope). */
  projects?: boolean;
}

/**
 * Reads the JSON-shaped server maps most clients share: `{ "<key>": { "<name>": {…} } }` — VS Code's
 * `servers` + `inputs` (also nested, as in `.code-workspace` `settings.mcp`), and the `mcpServers`
 * of Claude Desktop, Claude Code, Cursor, Windsurf, Cline, Gemini CLI and Continue's JSON files.
 * Transport and options are interpreted per `opts.client` (transportRules.ts, optionRules.ts).
 * JSONC (comments, trailing commas) and a leading byte-order mark are accepted here; whether a
 * client tolerates them is a lint rule.
 *
 * Never throws: a file that does not parse comes back with `error` (message and range) set and
 * whatever jsonc-parser recovered.
 */
export function readJsonServers(text: string, opts: JsonReadOptions): ConfigFile {
  const file = emptyFile(opts);
  try {
    return readInto(file, text, opts);
  } catch (e) {
    // Defensive only: nothing above is known to throw.
    file.error = { message: `Cannot read the file: ${(e as Error).message}` };
    return file;
  }
}

function readInto(file: ConfigFile, text: string, opts: JsonReadOptions): ConfigFile {
  const idx = new LineIndex(text);
  if (!text.trim()) {
    file.error = { message: 'The file is empty: expected a JSON object.', range: idx.range(0, text.length) };
    return file;
  }
  const deep = jsonTooDeep(idx);
  if (deep) {
    file.error = deep;
    return file;
  }
  const errors: ParseError[] = [];
  // A byte-order mark (files saved by Windows editors) is read as a space so offsets still match.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const rootNode: Node | undefined = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    file.error = { message: `JSON syntax error: ${describeParseError(e)}`, range: idx.range(e.offset, e.length) };
  }
  if (!rootNode) return file;
  if (rootNode.type !== 'object') {
    file.error ??= { message: `Expected a JSON object at the top level, found ${rootNode.type}.`, range: idx.range(rootNode.offset, rootNode.length) };
    return file;
  }
  // Only the parts holding servers become SourceNodes: ~/.claude.json can be megabytes of history.
  const nodeAt = (path: readonly string[]) => path.reduce<Node | undefined>((n, key) => (n?.type === 'object' ? property(n, key) : undefined), rootNode);
  const tree = (n: Node | undefined) => (n ? fromJsonc(n, idx) : undefined);
  const mainPath = opts.serversPath ?? [opts.topLevelKey ?? 'mcpServers'];
  const serversPath = nodeAt(mainPath) ? mainPath : (opts.aliasPaths ?? []).find((p) => nodeAt(p)) ?? mainPath;
  file.servers = serversFromMap(tree(nodeAt(serversPath)), opts);
  const projects = opts.projects ? nodeAt(['projects']) : undefined;
  for (const prop of projects?.type === 'object' ? projects.children ?? [] : []) {
    const [k, v] = prop.children ?? [];
    if (k && v?.type === 'object') file.servers.push(...serversFromMap(tree(property(v, 'mcpServers')), opts, String(k.value)));
  }
  file.inputs = inputsFrom(tree(nodeAt(opts.inputsPath ?? [...serversPath.slice(0, -1), 'inputs'])));
  return file;
}

/** VS Code `inputs`: `[{ type: "promptString" | "pickString", id, description?, password?, options?, default? }]`. */
export function inputsFrom(node: SourceNode | undefined): InputDefinition[] {
  if (node?.type !== 'array') return [];
  const inputs: InputDefinition[] = [];
  for (const item of node.items) {
    if (item.type !== 'object') continue;
    const v = plain(item) as Record<string, unknown>;
    if (typeof v.id !== 'string') continue;
    const input: InputDefinition = { id: v.id, type: typeof v.type === 'string' ? v.type : '', range: item.range ?? NO_RANGE };
    if (typeof v.description === 'string') input.description = v.description;
    if (typeof v.password === 'boolean') input.password = v.password;
    if (Array.isArray(v.options)) input.options = v.options.filter((o): o is string => typeof o === 'string');
    if (typeof v.default === 'string') input.default = v.default;
    inputs.push(input);
  }
  return inputs;
}

/** The value node of `key` in a jsonc-parser object node, if present (the last of duplicates, as `JSON.parse`). */
export function property(obj: Node, key: string): Node | undefined {
  const props = obj.children ?? [];
  for (let i = props.length - 1; i >= 0; i--) {
    const [k, v] = props[i].children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

/** jsonc-parser's error code as words: `PropertyNameExpected` → "property name expected". */
export function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
