/**
 * A server with no config file: a URL or a command line typed by the user (the CLI's
 * `mcp-devtools list -- node build/index.js`, VS Code's "Connect to Server…"), made into the same
 * {@link ServerDefinition} a config file gives, so the rest of the pipeline (launch, registry,
 * calls, History) is unchanged. As the MCP Inspector takes a command line or a URL directly.
 *
 * Pure core: no `vscode` import.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Located, ServerDefinition, Transport } from './model';
import { NO_RANGE } from './servers';

/** What the user gave: a URL (`http(s)://` Streamable HTTP with the SSE fallback, `ws(s)://`), or a command line. */
export type AdHocServer =
  | { kind: 'url'; url: string; headers?: Record<string, string> }
  | { kind: 'command'; argv: string[]; env?: Record<string, string>; cwd?: string };

/** A URL or command line that cannot be a server; the message says what to give instead. */
export class AdHocError extends Error {}

/** The schemes a URL may have, and the transport each means (`http(s)`: Streamable HTTP, then SSE as VS Code does). */
const SCHEMES: Record<string, 'http' | 'ws'> = { 'http:': 'http', 'https:': 'http', 'ws:': 'ws', 'wss:': 'ws' };

/** `text` starts like a URL (`scheme://`): given in place of a server name, it is taken as a URL, never a name. */
export function looksLikeUrl(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}

/**
 * Why `text` is not a server URL, or `undefined` when it is one (`http`, `https`, `ws` or `wss`
 * with a host). For validation as the user types.
 */
export function urlProblem(text: string): string | undefined {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return `"${text}" is not a URL: give one such as http://127.0.0.1:3000/mcp`;
  }
  if (!(u.protocol in SCHEMES)) return `a server URL starts with http://, https://, ws:// or wss://, not ${u.protocol}//`;
  if (!u.hostname) return `"${text}" names no host`;
  return undefined;
}

/** Commands that run the program named by their first argument: the server's name is that program's. */
const RUNNERS = new Set(['node', 'nodejs', 'bun', 'deno', 'python', 'python3', 'py', 'uv', 'uvx', 'npx', 'pnpx', 'bunx', 'pipx', 'tsx', 'ts-node', 'java', 'dotnet', 'ruby', 'php', 'go', 'cargo', 'docker', 'podman']);
/** Words after a runner that are not the program (`uv run`, `go run`, `pnpm dlx`, `docker run`). */
const SUBCOMMANDS = new Set(['run', 'dlx', 'exec', 'x', 'tool']);

/** `C:\\x\\node.exe` → `node`; `build/index.js` → `index.js`. */
const base = (p: string) => path.basename(p.replace(/\\/g, '/')).replace(/\.(exe|cmd|bat)$/i, '');

/**
 * A readable name: the URL's host (and port), or the command's basename, or for a runner (`node`,
 * `npx`, `uvx`, `python`, `docker run` …) the program it runs (`npx -y @scope/pkg` →
 * `@scope/pkg`, `node build/index.js` → `index.js`). Never a secret: no userinfo, query or env.
 */
export function adHocName(server: AdHocServer): string {
  if (server.kind === 'url') return new URL(server.url).host;
  const [command, ...args] = server.argv;
  const name = base(command);
  if (!RUNNERS.has(name.toLowerCase())) return name;
  const program = args.find((a) => !a.startsWith('-') && !SUBCOMMANDS.has(a));
  if (!program) return name;
  // a package (`@scope/pkg@1.2`, `mcp-server-fetch`) keeps its scope; a path gives its basename
  return /^@[^/\\]+\/[^/\\]+$/.test(program.replace(/@[^@/]*$/, '')) ? program : programName(program);
}

/** An entry point's usual names, and the build folders it sits in: `pkg/dist/index.js` is named `pkg`. */
const ENTRY = /^(index|main|server|cli|app|__main__)\.[a-z]+$/i;
const BUILD_DIRS = new Set(['dist', 'build', 'lib', 'out', 'src', 'bin', 'esm', 'cjs']);

/** `…/server-everything/dist/index.js` → `server-everything`; `build/index.js` → `index.js`; `weather.py` → `weather.py`. */
function programName(program: string): string {
  const parts = program.replace(/\\/g, '/').split('/').filter(Boolean);
  const last = parts.pop() ?? program;
  if (!ENTRY.test(last)) return last;
  while (parts.length && BUILD_DIRS.has(parts[parts.length - 1].toLowerCase())) parts.pop();
  const dir = parts.pop();
  return dir && dir !== '.' && dir !== '..' ? dir : last;
}

const located = <T>(value: T): Located<T> => ({ value });

/**
 * The {@link ServerDefinition} of a URL or a command line. Its id is stable (the same input gives
 * the same id): `adhoc:` and 16 hex digits of a SHA-256 of the input, so no secret shows in it.
 * `client` is `vscode` (its variables, `${env:X}`, are resolved as in VS Code's `mcp.json`);
 * `file` is `folder`; a relative `cwd` is taken from `folder`.
 *
 * @param folder absolute: where it was asked for (the CLI's working directory, the workspace folder)
 * @throws AdHocError for a URL that is not http(s)/ws(s), or an empty command line
 */
export function adHocDefinition(server: AdHocServer, folder: string): ServerDefinition {
  let transport: Transport;
  if (server.kind === 'url') {
    const problem = urlProblem(server.url);
    if (problem) throw new AdHocError(problem);
    const kind = SCHEMES[new URL(server.url).protocol];
    const headers = Object.fromEntries(Object.entries(server.headers ?? {}).map(([k, v]) => [k, located(v)]));
    transport = { kind, url: located(server.url), headers };
  } else {
    if (!server.argv.length || !server.argv[0].trim()) throw new AdHocError('the command line is empty: give the command that starts the server, e.g. node build/index.js');
    const [command, ...args] = server.argv;
    const env = Object.fromEntries(Object.entries(server.env ?? {}).map(([k, v]) => [k, located<string | null>(v)]));
    transport = { kind: 'stdio', command: located(command), args: args.map(located), env };
    if (server.cwd !== undefined) transport.cwd = located(path.resolve(folder, server.cwd));
  }
  const digest = createHash('sha256').update(JSON.stringify({ server, folder })).digest('hex').slice(0, 16);
  return { name: adHocName(server), id: `adhoc:${digest}`, client: 'vscode', file: folder, range: NO_RANGE, options: {}, transport, adHoc: true };
}

/**
 * `Name: value` (as curl's `-H`) → `[name, value]`, the value trimmed.
 * @throws AdHocError without a colon, or with an empty or invalid name (RFC 9110 token)
 */
export function parseHeader(text: string): [string, string] {
  const i = text.indexOf(':');
  const name = i < 0 ? '' : text.slice(0, i).trim();
  // the text is not echoed: without a colon it may be a bare token
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new AdHocError(i < 0 ? 'a header has no colon: write it as \'Name: value\'' : `"${name}" is not a header name: write it as 'Name: value'`);
  return [name, text.slice(i + 1).trim()];
}

/**
 * `NAME=value` → `[NAME, value]` (the value may hold `=`).
 * @throws AdHocError without `=`, or with a name that is not a variable name
 */
export function parseEnvAssignment(text: string): [string, string] {
  const i = text.indexOf('=');
  const name = i < 0 ? '' : text.slice(0, i);
  // without `=` the text is not echoed: it may be a value given alone
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new AdHocError(i < 0 ? 'an environment variable assignment has no "=": write it as NAME=value' : `"${name}" is not an environment variable name: write it as NAME=value`);
  return [name, text.slice(i + 1)];
}
