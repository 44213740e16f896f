import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ClientId, ConfigFile, InputDefinition, Located, Scope, ServerDefinition, Transport } from './model';
import { LineIndex } from './text';

/**
 * Reads the JSON-shaped server maps that most clients share: `{ "<key>": { "<name>": {…} } }`,
 * with VS Code's `servers` + `inputs` and the `mcpServers` of Claude Code, Cursor and others.
 * JSONC (comments, trailing commas) is accepted here; whether a client tolerates it is a lint rule.
 *
 * Never throws: a file that does not parse comes back with `error` set and what could be recovered.
 */
export function readJsonServers(
  text: string,
  opts: { path: string; client: ClientId; scope: Scope; topLevelKey: string },
): ConfigFile {
  const idx = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const file: ConfigFile = { path: opts.path, client: opts.client, scope: opts.scope, servers: [], inputs: [] };
  if (!text.trim()) {
    file.error = { message: 'The file is empty: expected a JSON object.' };
    return file;
  }
  if (errors.length) {
    const e = errors[0];
    file.error = { message: `JSON syntax error: ${describeParseError(e)}`, range: idx.range(e.offset, e.length) };
  }
  if (!root) return file;
  if (root.type !== 'object') {
    file.error ??= { message: `Expected a JSON object at the top level, found ${root.type}.`, range: idx.range(root.offset, root.length) };
    return file;
  }
  const loc = <T>(node: Node | undefined): Located<T> | undefined =>
    node ? { value: getNodeValue(node) as T, range: idx.range(node.offset, node.length) } : undefined;

  const serversNode = property(root, opts.topLevelKey);
  if (serversNode?.type === 'object') {
    for (const prop of serversNode.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const name = String(keyNode.value);
      const def: ServerDefinition = {
        name,
        id: `${opts.path}#${name}`,
        client: opts.client,
        file: opts.path,
        range: idx.range(valueNode.offset, valueNode.length),
        nameRange: idx.range(keyNode.offset, keyNode.length),
        options: {},
      };
      if (valueNode.type === 'object') def.transport = transportOf(valueNode, loc);
      file.servers.push(def);
    }
  }
  const inputsNode = property(root, 'inputs');
  if (inputsNode?.type === 'array') {
    for (const item of inputsNode.children ?? []) {
      if (item.type !== 'object') continue;
      const v = getNodeValue(item) as Record<string, unknown>;
      if (typeof v.id !== 'string') continue;
      const input: InputDefinition = {
        id: v.id,
        type: typeof v.type === 'string' ? v.type : '',
        range: idx.range(item.offset, item.length),
      };
      if (typeof v.description === 'string') input.description = v.description;
      if (typeof v.password === 'boolean') input.password = v.password;
      if (Array.isArray(v.options)) input.options = v.options.filter((o): o is string => typeof o === 'string');
      if (typeof v.default === 'string') input.default = v.default;
      file.inputs.push(input);
    }
  }
  return file;
}

/** The value node of `key` in an object node, if present. */
export function property(obj: Node, key: string): Node | undefined {
  for (const prop of obj.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

function transportOf(node: Node, loc: <T>(n: Node | undefined) => Located<T> | undefined): Transport | undefined {
  const type = property(node, 'type')?.value;
  const command = property(node, 'command');
  const urlNode = property(node, 'url') ?? property(node, 'serverUrl') ?? property(node, 'httpUrl');
  if (command?.type === 'string' && (type === undefined || type === 'stdio')) {
    const argsNode = property(node, 'args');
    const envNode = property(node, 'env');
    const env: Record<string, Located<string | null>> = {};
    for (const p of envNode?.type === 'object' ? envNode.children ?? [] : []) {
      const [k, v] = p.children ?? [];
      if (k && v) env[String(k.value)] = { value: v.value === null ? null : String(v.value), range: loc(v)?.range };
    }
    const t: Transport = {
      kind: 'stdio',
      command: loc<string>(command)!,
      args: argsNode?.type === 'array' ? (argsNode.children ?? []).map((a) => ({ value: String(a.value), range: loc(a)?.range })) : [],
      env,
    };
    const cwd = property(node, 'cwd');
    if (cwd?.type === 'string') t.cwd = loc<string>(cwd);
    const envFile = property(node, 'envFile');
    if (envFile?.type === 'string') t.envFile = loc<string>(envFile);
    return t;
  }
  if (urlNode?.type === 'string') {
    const url = loc<string>(urlNode)!;
    const kind = type === 'sse' ? 'sse' : /^wss?:/i.test(url.value) ? 'ws' : 'http';
    const headers: Record<string, Located<string>> = {};
    const headersNode = property(node, 'headers');
    for (const p of headersNode?.type === 'object' ? headersNode.children ?? [] : []) {
      const [k, v] = p.children ?? [];
      if (k && v) headers[String(k.value)] = { value: String(v.value), range: loc(v)?.range };
    }
    return { kind, url, headers };
  }
  return undefined;
}

/** jsonc-parser's error code as words: `PropertyNameExpected` → "property name expected". */
export function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
