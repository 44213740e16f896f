import { parse, TomlError } from 'smol-toml';
import type { ConfigFile, Range } from './model';
import { emptyFile, serversFromMap, type FileContext } from './servers';
import { child, type SourceEntry, type SourceNode } from './sourceTree';
import { tomlTooDeep } from './nesting';
import { LineIndex } from './text';
import { pathKey, scanToml, type TomlPositions } from './tomlPositions';

/** Lines commented out, at most, while recovering what a broken file still defines. */
const MAX_RECOVERY_STEPS = 50;

/**
 * Reads a Codex `config.toml` (user `~/.codex/config.toml` or `$CODEX_HOME/config.toml`, project
 * `.codex/config.toml`): every `[mcp_servers.<name>]` table — or the same table written with dotted
 * keys or inline — becomes a server. Fields (Codex docs, "MCP servers"): `command`, `args`, `env`,
 * `env_vars`, `cwd`; `url`, `bearer_token_env_var`, `http_headers`, `env_http_headers`;
 * `startup_timeout_sec`/`startup_timeout_ms`, `tool_timeout_sec` (normalized to ms), `enabled`,
 * `enabled_tools`, `disabled_tools`.
 *
 * Values come from smol-toml; ranges from {@link scanToml}. Never throws: on a syntax error the
 * file gets `error` (smol-toml's message, at its line and column) and the servers that still parse
 * once the offending lines are commented out.
 */
export function readCodexToml(text: string, ctx: FileContext): ConfigFile {
  const file = emptyFile(ctx);
  const idx = new LineIndex(text);
  const deep = tomlTooDeep(idx);
  if (deep) {
    file.error = deep;
    return file;
  }
  let source = text;
  let value: unknown;
  const failedLines = new Set<number>();
  for (let step = 0; value === undefined && step <= MAX_RECOVERY_STEPS; step++) {
    try {
      value = parse(source);
    } catch (e) {
      const where = errorPosition(e, idx);
      file.error ??= { message: `TOML syntax error: ${firstLine(e)}`, range: where };
      const line = where?.start.line;
      if (line === undefined || failedLines.has(line)) break;
      failedLines.add(line);
      source = commentOut(source, line);
    }
  }
  if (value === undefined || typeof value !== 'object' || value === null) return file;
  try {
    const root = toNode(value, [], scanToml(source), idx);
    file.servers = serversFromMap(child(root, 'mcp_servers'), ctx);
  } catch (e) {
    file.error ??= { message: `Cannot read the file: ${(e as Error).message}` };
  }
  return file;
}

/** smol-toml's message without its code excerpt. */
function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/^Invalid TOML document: /, '');
}

/** The range of one character at a TomlError's 1-based line and column. */
function errorPosition(e: unknown, idx: LineIndex): Range | undefined {
  if (!(e instanceof TomlError)) return undefined;
  const offset = idx.offsetAt({ line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) });
  return idx.range(offset, Math.min(1, idx.text.length - offset));
}

/** `text` with line `line` turned into a comment of the same length (so offsets still match). */
function commentOut(text: string, line: number): string {
  const lines = text.split('\n');
  const l = lines[line];
  if (!l) return text;
  lines[line] = '#' + l.slice(1);
  return lines.join('\n');
}

/** A parsed TOML value as a {@link SourceNode}, ranges looked up by key path. */
function toNode(value: unknown, path: string[], pos: TomlPositions, idx: LineIndex): SourceNode {
  const k = pathKey(path);
  const span = pos.spans.get(k);
  const extent = pos.extents.get(k);
  const range =
    span?.valueStart !== undefined && span.valueEnd !== undefined
      ? idx.range(span.valueStart, span.valueEnd - span.valueStart)
      : extent
        ? idx.range(extent.start, extent.end - extent.start)
        : undefined;
  if (Array.isArray(value)) return { type: 'array', range, items: value.map((v, n) => toNode(v, [...path, String(n)], pos, idx)) };
  if (value instanceof Date) return { type: 'string', range, value: value.toISOString() };
  if (value !== null && typeof value === 'object') {
    const entries: SourceEntry[] = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      const s = pos.spans.get(pathKey([...path, key]));
      const keyRange = s?.keyStart !== undefined && s.keyEnd !== undefined ? idx.range(s.keyStart, s.keyEnd - s.keyStart) : undefined;
      return { key, keyRange, value: toNode(v, [...path, key], pos, idx) };
    });
    return { type: 'object', range, entries };
  }
  if (typeof value === 'string') return { type: 'string', range, value };
  if (typeof value === 'number' || typeof value === 'bigint') return { type: 'number', range, value: Number(value) };
  if (typeof value === 'boolean') return { type: 'boolean', range, value };
  return { type: 'null', range };
}
