/**
 * A server entry put into the text of a config file, keeping everything else in it (comments
 * included): JSON with one jsonc-parser `modify` edit; Codex's TOML by appending the server's
 * tables (smol-toml `stringify`) after the text, as it is; Continue's YAML through the `yaml`
 * Document API, which keeps comments.
 *
 * Pure core: no `vscode` import. jsonc-parser and smol-toml: reached through `readers.ts` on the
 * VS Code side; `yaml` through `loadYaml`.
 */
import { modify, parse } from 'jsonc-parser';
import { stringify } from 'smol-toml';
import { loadYaml } from '../../lazy';
import type { ConfigFormat } from '../formats';
import { applyEdits, formattingOf } from '../serverEntry';
import { CopyError } from './entry';

/** The parts of a format writing needs. */
export type WritableFormat = Pick<ConfigFormat, 'id' | 'syntax' | 'serversPath' | 'read'>;

/** The names of the servers already defined in `text` (the file's own, not Claude Code's per-project ones). */
export function serverNames(text: string, format: WritableFormat, path: string): string[] {
  if (!text.trim()) return [];
  const file = format.read(text, path);
  if (file.error && !file.servers.length) throw new CopyError(`${path} cannot be read (${file.error.message}): fix it first`);
  return file.servers.filter((s) => s.project === undefined).map((s) => s.name);
}

/**
 * `text` with the server `name` set to `entry` (added, or replacing one of that name).
 * @param text the file's text; `''` for a file not created yet
 * @param replacing a server `name` is in the text already (see {@link serverNames})
 * @throws CopyError when the file does not hold what its format needs (a JSON object, a YAML map)
 */
export function withServer(text: string, format: WritableFormat, name: string, entry: Record<string, unknown>, replacing = false): string {
  if (format.syntax === 'toml') return withTomlServer(text, name, entry, replacing);
  if (format.syntax === 'yaml') return withYamlServer(text, name, entry);
  const base = text.trim() ? text : '{}';
  const root: unknown = parse(base, [], { allowTrailingComma: true });
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new CopyError('the target file does not hold a JSON object: fix it first');
  const edits = modify(base, [...format.serversPath, name], entry, { formattingOptions: formattingOf(base) }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
  const out = applyEdits(base, edits);
  return base === text ? out : `${out}\n`;
}

/** A TOML key: bare when it can be, else quoted. */
const tomlKey = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));

/** `[mcp_servers.<name>]` tables appended; with a server of that name already, its tables removed first. */
function withTomlServer(text: string, name: string, entry: Record<string, unknown>, replacing: boolean): string {
  const kept = replacing ? withoutTomlServer(text, name) : text;
  const tables = stringify({ mcp_servers: { [name]: entry } }).trimEnd();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = kept.replace(/\s*$/, '');
  return `${body}${body ? `${eol}${eol}` : ''}${tables.replace(/\n/g, eol)}${eol}`;
}

/**
 * `text` without the tables of server `name` (`[mcp_servers.name]` and `[mcp_servers.name.env]`…).
 * @throws CopyError for a server written another way (an inline table under `[mcp_servers]`)
 */
function withoutTomlServer(text: string, name: string): string {
  const lines = text.split(/(?<=\n)/);
  const header = /^\s*\[\s*([^[\]]+?)\s*\]\s*(#.*)?\r?\n?$/;
  const keys = [`mcp_servers.${tomlKey(name)}`, `mcp_servers.${JSON.stringify(name)}`, `mcp_servers.'${name}'`];
  const mine = (h: string) => keys.some((k) => h.replace(/\s*\.\s*/g, '.') === k || h.replace(/\s*\.\s*/g, '.').startsWith(`${k}.`));
  let inMine = false;
  let found = false;
  const out = lines.filter((line) => {
    const m = header.exec(line);
    if (m) {
      inMine = mine(m[1]);
      found ||= inMine;
    }
    return !inMine;
  });
  if (!found) {
    // the name is taken but not by a table of its own: an inline table or a dotted key
    throw new CopyError(`"${name}" is not written as a [mcp_servers.${tomlKey(name)}] table in the target file: replace it by hand, or copy under another name`);
  }
  return out.join('');
}

/** Continue's YAML: the server added to (or replaced in) the `mcpServers` list, or map in a Claude-style file. */
function withYamlServer(text: string, name: string, entry: Record<string, unknown>): string {
  const yaml = loadYaml();
  if (!text.trim()) {
    // A Continue block file (`.continue/mcpServers/<name>.yaml`) needs its own name, version and schema.
    const doc = yaml.parseDocument('name: x\nversion: 0.0.1\nschema: v1\nmcpServers: []\n');
    doc.set('name', name);
    doc.set('mcpServers', [{ name, ...entry }]);
    return doc.toString();
  }
  const doc = yaml.parseDocument(text);
  if (doc.errors.length) throw new CopyError(`the target file is not valid YAML (${doc.errors[0].message.split('\n')[0]}): fix it first`);
  if (!yaml.isMap(doc.contents)) throw new CopyError('the target file does not hold a YAML map: fix it first');
  const list = doc.get('mcpServers');
  if (list === undefined || list === null) doc.set('mcpServers', [{ name, ...entry }]);
  else if (yaml.isSeq(list)) {
    const at = list.items.findIndex((item) => yaml.isMap(item) && item.get('name') === name);
    if (at >= 0) list.set(at, doc.createNode({ name, ...entry }));
    else list.add(doc.createNode({ name, ...entry }));
  } else if (yaml.isMap(list)) list.set(name, doc.createNode(entry));
  else throw new CopyError('mcpServers in the target file is neither a list nor a map: fix it first');
  return doc.toString();
}
