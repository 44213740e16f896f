/**
 * Collection files (`*.mcp-tests.json`): saved calls kept in the repository and replayed as
 * regression tests (`mcp-devtools test`). JSON, so the file diffs line by line, needs no new
 * parser, and jsonc-parser gives the exact range of each saved call (for a Testing view and a
 * CodeLens). The JSON Schema is `media/schemas/mcp-tests.schema.json`.
 *
 * ```json
 * { "server": "everything",
 *   "calls": [ { "kind": "tool", "name": "echo", "arguments": { "message": "hi" },
 *                "match": "exact", "ignore": ["/content/*\/text"], "timeoutMs": 10000,
 *                "expect": { "content": [{ "type": "text", "text": "Echo: hi" }] } } ] }
 * ```
 *
 * Pure core: no `vscode` import.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** The file name ending a collection file has. */
export const COLLECTION_SUFFIX = '.mcp-tests.json';

/** How a result is compared with its snapshot (`compare.ts`). */
export type MatchMode = 'exact' | 'subset' | 'schema';
export const MATCH_MODES: readonly MatchMode[] = ['exact', 'subset', 'schema'];

/**
 * The server of a saved call: a configured server's name, or a server with no config file (as
 * `core/config/adHoc.ts` `AdHocServer`, but env by NAME only: values are taken from the
 * environment `test` runs in, so no secret is ever written). A header value may be `${env:NAME}`.
 */
export type SavedServer =
  | string
  | { url: string; headers?: Record<string, string> }
  | { command: string[]; env?: string[]; cwd?: string };

/** One saved call: what to send, and what should come back. */
export interface SavedCall {
  kind: 'tool' | 'prompt';
  name: string;
  /** Overrides the file's `server`. */
  server?: SavedServer;
  arguments: Record<string, unknown>;
  /** Default `exact`. */
  match?: MatchMode;
  /** JSON pointers into the result left out of the comparison; a segment `*` matches any key or index. */
  ignore?: string[];
  /** The request's time budget, milliseconds (default: `test --timeout`). */
  timeoutMs?: number;
  /** The result snapshot, normalised (`normaliseResult`). */
  expect: unknown;
}

/** A whole collection file. */
export interface Collection {
  /** The default server of its calls. */
  server?: SavedServer;
  calls: SavedCall[];
}

/** Offsets (UTF-16 code units, as jsonc-parser and VS Code's `positionAt` count) of one saved call in its file's text. */
export interface TextRange {
  offset: number;
  length: number;
}

/** A saved call as read, with where it stands (for a TestController and CodeLens) and a stable label. */
export interface LocatedCall {
  call: SavedCall;
  /** Its server: the call's or the file's. */
  server: SavedServer;
  /** Index in `calls`. */
  index: number;
  /** `#3 tool echo`: unique in the file. */
  label: string;
  range: TextRange;
}

/** What a collection file holds, read. */
export interface ReadCollection {
  collection: Collection;
  calls: LocatedCall[];
}

/** A defect of a collection file: what is wrong, and where (1-based line and column). */
export class CollectionError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and checks a collection file. Strict JSON with comments and trailing commas tolerated
 * (jsonc-parser), as VS Code's own JSON settings files are.
 * @param file the name used in errors
 * @throws CollectionError for the first defect: not JSON, not an object, no `calls` array, a call
 *   without `kind`/`name`/`expect`, a `match` that is not exact|subset|schema, an `ignore` entry
 *   that is not a JSON pointer, a `timeoutMs` that is not a positive number, a call with no server
 */
export function readCollection(text: string, file: string): ReadCollection {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const fail = (offset: number, reason: string): never => {
    const [l, c] = lineColumn(text, offset);
    throw new CollectionError(file, l, c, reason);
  };
  if (errors.length) fail(errors[0].offset, `not valid JSON (${printParseErrorCode(errors[0].error)}): fix the syntax`);
  if (!root || root.type !== 'object') fail(root?.offset ?? 0, 'a collection file is a JSON object with a "calls" array');
  const prop = (n: Node, key: string) => n.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  const top = root as Node;
  const serverNode = prop(top, 'server');
  const fileServer = serverNode ? checkServer(JSON.parse(JSON.stringify(getNodeValue(serverNode))), (r) => fail(serverNode.offset, r)) : undefined;
  const callsNode = prop(top, 'calls');
  if (!callsNode || callsNode.type !== 'array') fail(callsNode?.offset ?? top.offset, '"calls" must be an array of saved calls');
  const calls: LocatedCall[] = [];
  (callsNode as Node).children?.forEach((node, index) => {
    const at = (key: string) => prop(node, key)?.offset ?? node.offset;
    // getNodeValue builds null-prototype objects: a plain copy, as JSON.parse gives
    const v = JSON.parse(JSON.stringify(getNodeValue(node))) as unknown;
    if (!isObject(v)) return fail(node.offset, `calls[${index}] must be an object`);
    if (v.kind !== 'tool' && v.kind !== 'prompt') fail(at('kind'), `calls[${index}].kind must be "tool" or "prompt"`);
    if (typeof v.name !== 'string' || !v.name) fail(at('name'), `calls[${index}].name must be the tool's or prompt's name`);
    if (v.arguments !== undefined && !isObject(v.arguments)) fail(at('arguments'), `calls[${index}].arguments must be an object`);
    if (!('expect' in v)) fail(node.offset, `calls[${index}] has no "expect" (the result snapshot): run "mcp-devtools test --update" to record one`);
    if (v.match !== undefined && !MATCH_MODES.includes(v.match as MatchMode)) fail(at('match'), `calls[${index}].match must be one of ${MATCH_MODES.join(', ')}`);
    if (v.ignore !== undefined && (!Array.isArray(v.ignore) || v.ignore.some((p) => typeof p !== 'string' || (p !== '' && !p.startsWith('/'))))) {
      fail(at('ignore'), `calls[${index}].ignore must be an array of JSON pointers such as "/content/0/text" ("*" matches any one key or index)`);
    }
    if (v.timeoutMs !== undefined && !(typeof v.timeoutMs === 'number' && v.timeoutMs > 0)) fail(at('timeoutMs'), `calls[${index}].timeoutMs must be a positive number of milliseconds`);
    const own = v.server === undefined ? undefined : checkServer(v.server, (r) => fail(at('server'), `calls[${index}].${r}`));
    const server = own ?? fileServer;
    if (server === undefined) fail(node.offset, `calls[${index}] names no server: give "server" in the call or at the top of the file`);
    const call = { ...v, arguments: (v.arguments ?? {}) as Record<string, unknown> } as SavedCall;
    calls.push({ call, server: server as SavedServer, index, label: `#${index + 1} ${call.kind} ${call.name}`, range: { offset: node.offset, length: node.length } });
  });
  return { collection: { ...(fileServer !== undefined && { server: fileServer }), calls: calls.map((c) => c.call) }, calls };
}

function checkServer(v: unknown, fail: (reason: string) => never): SavedServer {
  if (typeof v === 'string' && v) return v;
  if (isObject(v)) {
    if (typeof v.url === 'string' && (v.headers === undefined || (isObject(v.headers) && Object.values(v.headers).every((h) => typeof h === 'string')))) return v as SavedServer;
    if (Array.isArray(v.command) && v.command.length && v.command.every((a) => typeof a === 'string')
      && (v.env === undefined || (Array.isArray(v.env) && v.env.every((e) => typeof e === 'string')))
      && (v.cwd === undefined || typeof v.cwd === 'string')) return v as SavedServer;
  }
  return fail('server must be a configured server\'s name, {"url": …, "headers"?: {…}} or {"command": [argv…], "env"?: [NAME…], "cwd"?: …}');
}

/** A stable key for a server, to start each one once per run. */
export function serverKey(server: SavedServer, folder: string): string {
  return typeof server === 'string' ? `name:${server}` : JSON.stringify({ server, folder: 'command' in server ? folder : '' });
}
