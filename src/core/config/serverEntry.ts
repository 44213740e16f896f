/**
 * Writing a server into a config file ("Save to Config…" of a server connected with no config
 * file): the server's object in the file's client dialect (its `type` word, URL key, header key),
 * and the one text edit that adds it, made with jsonc-parser `modify` so comments and formatting
 * around it stay. JSON and JSONC files only (every client but Codex's TOML and Continue's YAML).
 *
 * Pure core: no `vscode` import. jsonc-parser: reached through `readers.ts` on the VS Code side.
 */
import { modify, parse, type FormattingOptions } from 'jsonc-parser';
import { CLIENTS, transportOfWord } from '../clients';
import { AdHocError } from './adHoc';
import { canWriteServers, type ConfigFormat } from './formats';
import type { ServerDefinition } from './model';

/** One replacement in a text: `[offset, offset + length)` becomes `newText`. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/**
 * The object of `def` in `format`'s client dialect: `{type: "stdio", command, args, env, cwd}`
 * (the `type` only where the client has the word), or `{type: "http", url, headers}` (the URL
 * under the client's key for that transport; headers at its first header path). Values are
 * written as given (env values and header values included: the user asked to save them).
 * @throws AdHocError when the client cannot reach that transport from its file (a remote server
 *   for Claude Desktop, a WebSocket URL for a client with no WebSocket key)
 */
export function serverEntry(def: ServerDefinition, format: Pick<ConfigFormat, 'client'>): Record<string, unknown> {
  const client = CLIENTS[format.client];
  const t = def.transport;
  if (!t) throw new AdHocError(`server "${def.name}" has no command or URL to write`);
  const entry: Record<string, unknown> = {};
  const typeKey = client.typeKeys[0];
  // the client's own word for the transport: "stdio" where it has it, else its synonym ("local", "remote", "streamable-http")
  const word = (kind: string) => client.typeWords?.find((w) => w === kind) ?? client.typeWords?.find((w) => transportOfWord(w) === kind);
  if (t.kind === 'stdio') {
    const stdioWord = word('stdio');
    if (typeKey && stdioWord) entry[typeKey] = stdioWord;
    // OpenCode: one `command` array, the program then its arguments
    if (client.commandShape === 'array') entry.command = [t.command.value, ...t.args.map((a) => a.value)];
    else {
      entry.command = t.command.value;
      if (t.args.length) entry.args = t.args.map((a) => a.value);
    }
    const env = Object.entries(t.env).filter(([, v]) => v.value !== null);
    if (env.length) entry[client.envKey ?? 'env'] = Object.fromEntries(env.map(([k, v]) => [k, v.value]));
    if (t.cwd) entry.cwd = t.cwd.value;
    return entry;
  }
  const remoteWord = word(t.kind);
  // the key whose bare URL means this transport, else a URL key whose meaning the client's `type` word sets (Cline's Streamable HTTP, Roo's SSE)
  const urlKey = !client.remote ? undefined : client.urlKeys.find((u) => u.kind === t.kind) ?? (typeKey && remoteWord ? client.urlKeys.find((u) => !u.fixed) : undefined);
  if (!urlKey) throw new AdHocError(`${client.label} cannot connect to ${t.kind === 'ws' ? 'a WebSocket' : 'a remote'} server from its config file: save it to another client's file`);
  if (typeKey && !urlKey.fixed && remoteWord) entry[typeKey] = remoteWord;
  entry[urlKey.key] = t.url.value;
  const headers = Object.entries(t.headers);
  const headerPath = client.headerPaths[0];
  if (headers.length && !headerPath) throw new AdHocError(`${client.label} has no place for HTTP headers in its config file: save it to another client's file`);
  if (headers.length) setIn(entry, headerPath, Object.fromEntries(headers.map(([k, v]) => [k, v.value])));
  return entry;
}

function setIn(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = target;
  keys.slice(0, -1).forEach((k) => (at = (at[k] ??= {}) as Record<string, unknown>));
  at[keys[keys.length - 1]] = value;
}

/** `name`, or `name-2`, `name-3` … : the first not in `taken`. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let i = 2;
  while (taken.has(`${name}-${i}`)) i++;
  return `${name}-${i}`;
}

/** The indentation a text already uses (its first indented line), two spaces for an empty one. */
export function formattingOf(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (m && m[1][0] === '\t') return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m ? m[1].length : 2, eol };
}

/**
 * The edits that add `def` to the text of a config file of `format` under a name not yet taken
 * there (`name`, `name-2`, …), creating the servers map (and the file's object) when missing.
 * @param text the file's text; `''` for a file not created yet
 * @returns the edits (to apply in order: jsonc-parser's) and the name written
 * @throws AdHocError for a format that is not JSON, a file that is not a JSON object, or a server
 *   the client cannot write (see {@link serverEntry})
 */
export function addServerEdits(text: string, format: Pick<ConfigFormat, 'client' | 'syntax' | 'serversPath'>, def: ServerDefinition): { edits: TextEdit[]; name: string } {
  if (!canWriteServers(format)) throw new AdHocError(`only JSON config files can be written to; this one is ${format.syntax.toUpperCase()}`);
  const entry = serverEntry(def, format);
  const base = text.trim() ? text : '{}';
  const root: unknown = parse(base, [], { allowTrailingComma: true });
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new AdHocError('the file does not hold a JSON object: fix it first');
  let map: unknown = root;
  for (const k of format.serversPath) map = (map as Record<string, unknown> | undefined)?.[k];
  const taken = new Set(map && typeof map === 'object' ? Object.keys(map) : []);
  const name = freeName(def.name, taken);
  const edits = modify(base, [...format.serversPath, name], entry, { formattingOptions: formattingOf(base) }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
  // A file that did not exist: the whole new text as one edit of the empty text.
  if (base !== text) return { edits: [{ offset: 0, length: text.length, newText: applyEdits(base, edits) + '\n' }], name };
  return { edits, name };
}

/** `text` with `edits` applied (jsonc-parser's edits: sorted, not overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}
