/**
 * The call history's pure parts: entries, secret redaction of arguments, and the equivalent CLI
 * command line. Pure core: no `vscode` import.
 */
import type { ResultNotKept, StoredResult } from './historyResult';
import type { ServerDefinition } from './config/model';
import { isCredentialName, REDACTED, redactArgs, redactUrl } from './secrets';

/** One finished call. `time` is `Date.now()` milliseconds; `durationMs` wall-clock milliseconds. */
export interface HistoryEntry {
  id: string;
  time: number;
  kind: 'tool' | 'prompt';
  /** The server's name (stable across config edits) and the id it had. */
  server: string;
  serverId: string;
  name: string;
  /** The arguments sent, with credential-like values replaced by {@link REDACTED}. */
  arguments: Record<string, unknown>;
  status: 'ok' | 'error';
  durationMs?: number;
  sizeBytes?: number;
  /** The server's error text for failed calls (already redacted). */
  error?: string;
  /** The result as the History keeps it (redacted, bounded): see `historyResult.ts`. Absent in entries recorded before results were kept. */
  result?: StoredResult;
  /** Why `result` is absent, when it was dropped on purpose. */
  resultNotKept?: ResultNotKept;
}

/** The marker that replaces a secret (secrets/redact.ts); History's re-run looks for it. */
export { REDACTED };

/**
 * A deep copy of `v` where values under credential names (secrets/names.ts) are replaced by {@link REDACTED},
 * and every other string goes through `redactText` (e.g. the connection layer's redactor, which
 * knows the server's resolved secrets and well-known token formats). A string that `redactText`
 * changed is dropped whole: half a secret is still a secret.
 */
export function redactValue(v: unknown, redactText: (text: string) => string = (t) => t): unknown {
  const walk = (x: unknown, key?: string): unknown => {
    if (key !== undefined && isCredentialName(key) && x !== null && typeof x !== 'object') return REDACTED;
    if (typeof x === 'string') return redactText(x) === x ? x : REDACTED;
    if (Array.isArray(x)) return x.map((y) => walk(y));
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y, k)]));
    return x;
  };
  return walk(v);
}

/** {@link redactValue} for a call's arguments: always an object (`{}` for anything else). */
export function redactArguments(args: unknown, redactText: (text: string) => string = (t) => t): Record<string, unknown> {
  const out = redactValue(args, redactText);
  return out && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A `mcp-devtools <verb>` command line for one server, quoted for a POSIX shell (run in the
 * workspace folder): `npx mcp-devtools <verb> <server> <words…>`. For a server with no config file
 * (`adHoc`), its URL in place of the name, or its command line after `--`, with
 * `--header`/`--env`/`--cwd`; env values and credential header values as {@link REDACTED} (never
 * copied), the URL and the command's arguments redacted as everywhere (`redactUrl`, `redactArgs`).
 * The grammar is `src/cli`'s (`--help`): after `--` the `<server>` argument is left out.
 * @param verb `call`, `prompt`, `read` or `list`
 * @param name the server's configured name (used when `server` is not ad hoc)
 * @param words what follows the server, already quoted (a tool name, `--args '<json>'`, …)
 */
export function serverCliCommand(verb: string, name: string, words: string[], server?: ServerDefinition): string {
  const rest = words.map((w) => ` ${w}`).join('');
  const t = server?.adHoc ? server.transport : undefined;
  if (t?.kind === 'stdio') {
    const env = Object.keys(t.env).map((k) => ` --env ${shellQuote(`${k}=${REDACTED}`)}`).join('');
    const cwd = t.cwd ? ` --cwd ${shellQuote(t.cwd.value)}` : '';
    const line = [t.command.value, ...redactArgs(t.args.map((a) => a.value))].map(shellQuote).join(' ');
    return `npx mcp-devtools ${verb}${rest}${env}${cwd} -- ${line}`;
  }
  if (t) {
    const headers = Object.entries(t.headers).map(([k, v]) => ` --header ${shellQuote(`${k}: ${isCredentialName(k) ? REDACTED : v.value}`)}`).join('');
    return `npx mcp-devtools ${verb} ${shellQuote(redactUrl(t.url.value))}${rest}${headers}`;
  }
  return `npx mcp-devtools ${verb} ${shellQuote(name)}${rest}`;
}

/**
 * The same call with the CLI: `mcp-devtools call <server> <tool> --args '<json>'` (see
 * {@link serverCliCommand} for a server with no config file, given as `server`).
 */
export function cliCommand(e: Pick<HistoryEntry, 'kind' | 'server' | 'name' | 'arguments'>, server?: ServerDefinition): string {
  const args = Object.keys(e.arguments).length ? [`--args ${shellQuote(JSON.stringify(e.arguments))}`] : [];
  return serverCliCommand(e.kind === 'tool' ? 'call' : 'prompt', e.server, [shellQuote(e.name), ...args], server);
}
