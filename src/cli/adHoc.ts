/**
 * Servers with no config file on the command line: a URL given in place of a configured server's
 * name (`mcp-devtools list http://127.0.0.1:3000/mcp`), or a command line after `--`
 * (`mcp-devtools call echo --args '{…}' -- node build/index.js`), with `--header`, `--env` and
 * `--cwd`. Each becomes a `ServerDefinition` (`core/config/adHoc.ts`) and runs like a configured one.
 *
 * The grammar: an argument in `<server>`'s place that starts with `scheme://` is a URL, never a
 * name; with a command line after `--`, `<server>` is left out, so `call echo -- node x` calls
 * the tool `echo`.
 */
import { AdHocError, adHocDefinition, looksLikeUrl, parseEnvAssignment, parseHeader, type AdHocServer } from '../core/config/adHoc';
import type { ServerDefinition } from '../core/config/model';
import { UsageError, type Io } from './io';
import type { OptionTable, PositionalDecl } from './options';

/** `--header`, `--env`, `--cwd`: for a URL or a command line given in place of a configured server. */
export const ADHOC_OPTIONS = {
  header: { type: 'string', multiple: true, value: '<header>', help: 'with a server URL: an HTTP header to send, written \'Name: value\' (credential values are never printed)' },
  env: { type: 'string', multiple: true, value: '<NAME=value>', help: 'with a command line after --: an environment variable for the server (values are never printed)' },
  cwd: { type: 'string', value: '<dir>', help: 'with a command line after --: the folder to run it in (default: the current folder)' },
} as const satisfies OptionTable;

/** The help of `<server>` for the verbs that take a server with no config file. */
export const ADHOC_SERVER_HELP = 'a configured server\'s name, or a server URL (http(s):// Streamable HTTP, falling back to SSE; ws(s)://); or leave it out and give the server\'s command line after --';

/** `<server>` of the verbs that work on one server, which may have no config file. */
export const ADHOC_SERVER_ARGUMENT: PositionalDecl = { name: 'server', help: ADHOC_SERVER_HELP };

/** Configured servers by name, and servers with no config file. */
export interface ServerArguments {
  names: string[];
  adHoc: ServerDefinition[];
}

/**
 * Splits `<server>` arguments into configured names and URLs, adds the command line after `--`,
 * and applies `--header` (to URLs), `--env` and `--cwd` (to the command line).
 * @throws UsageError for a bare `--`, a URL that is not http(s)/ws(s), a malformed --header or
 *   --env, or one of them given without what it applies to
 */
export function serverArguments(values: { header?: string[]; env?: string[]; cwd?: string }, given: readonly string[], command: readonly string[] | undefined, io: Io): ServerArguments {
  const urls = given.filter(looksLikeUrl);
  const names = given.filter((g) => !looksLikeUrl(g));
  if (command !== undefined && !command.length) throw new UsageError('"--" must be followed by the server\'s command line, e.g. -- node build/index.js');
  if (values.header?.length && !urls.length) throw new UsageError('--header applies to a server URL: give one (http://…/mcp) in place of the server name');
  if ((values.env?.length || values.cwd !== undefined) && !command) throw new UsageError(`--${values.env?.length ? 'env' : 'cwd'} applies to a server's command line: give it after --, e.g. -- node build/index.js`);
  try {
    const headers = Object.fromEntries((values.header ?? []).map(parseHeader));
    const env = Object.fromEntries((values.env ?? []).map(parseEnvAssignment));
    const servers: AdHocServer[] = urls.map((url) => ({ kind: 'url', url, headers }));
    if (command) servers.push({ kind: 'command', argv: [...command], env, cwd: values.cwd });
    return { names, adHoc: servers.map((s) => adHocDefinition(s, io.cwd)) };
  } catch (e) {
    if (e instanceof AdHocError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The one server of a verb that works on one (`call`, `describe`, …): the name of a configured
 * server, or the definition of a URL or of the command line after `--`, and the positionals
 * after `<server>` (all of them with a command line, where `<server>` is left out).
 * @throws UsageError as {@link serverArguments}
 */
export function oneServer(values: { header?: string[]; env?: string[]; cwd?: string }, positionals: readonly string[], command: readonly string[] | undefined, io: Io): { server: string | ServerDefinition; rest: string[] } {
  const first = command === undefined ? positionals[0] : undefined;
  const rest = command === undefined ? positionals.slice(1) : [...positionals];
  const { names, adHoc } = serverArguments(values, first === undefined ? [] : [first], command, io);
  return { server: adHoc[0] ?? names[0], rest };
}
