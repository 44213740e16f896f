/**
 * The call history's pure parts: entries, secret redaction of arguments, and the equivalent CLI
 * command line. Pure core: no `vscode` import.
 */
import { isCredentialName, REDACTED } from './secrets';

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
}

/** The marker that replaces a secret (secrets/redact.ts); History's re-run looks for it. */
export { REDACTED };

/**
 * A deep copy of `args` where values under credential names (secrets/names.ts) are replaced by {@link REDACTED},
 * and every other string goes through `redactText` (e.g. the connection layer's redactor, which
 * knows the server's resolved secrets and well-known token formats). A string that `redactText`
 * changed is dropped whole: half a secret is still a secret.
 */
export function redactArguments(args: unknown, redactText: (text: string) => string = (t) => t): Record<string, unknown> {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && isCredentialName(key) && v !== null && typeof v !== 'object') return REDACTED;
    if (typeof v === 'string') return redactText(v) === v ? v : REDACTED;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const out = walk(args);
  return out && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The same call with the CLI: `mcp-devtools call <server> <tool> --args '<json>'` (run in the workspace folder). */
export function cliCommand(e: Pick<HistoryEntry, 'kind' | 'server' | 'name' | 'arguments'>): string {
  const verb = e.kind === 'tool' ? 'call' : 'prompt';
  const args = Object.keys(e.arguments).length ? ` --args ${shellQuote(JSON.stringify(e.arguments))}` : '';
  return `npx mcp-devtools ${verb} ${shellQuote(e.server)} ${shellQuote(e.name)}${args}`;
}
