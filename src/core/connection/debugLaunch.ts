/**
 * A stdio server started under a debugger, for VS Code's `dev.debug` (see `DevConfig`): the
 * launch rewritten so the server's debugger listens on 127.0.0.1, and where to attach.
 *
 * - `node`: a launch whose command is the node executable gets `--inspect-brk=127.0.0.1:<port>`
 *   before its arguments (as VS Code does, `mcpDevMode.ts`): the server waits for the debugger, so
 *   a breakpoint anywhere is bound before any of its code runs; the client attaches with
 *   `continueOnAttach`. Any other command (`npx`, `tsx`, a shell script) gets
 *   `--inspect=127.0.0.1:0` in `NODE_OPTIONS`: every node process it starts opens an inspector on a
 *   port of its own and says so on stderr ({@link inspectorPort}); the client attaches to each.
 * - `debugpy`: `python … -m debugpy --listen 127.0.0.1:<port> <script or -m module> …`; `uv run`
 *   gets `--with debugpy` and the same insertion before its Python target; `debugpyPath` replaces
 *   `-m debugpy`. The server does not wait for the debugger (`--wait-for-client` would hang it
 *   when no debugger comes).
 *
 * Pure core: no `vscode` import.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import type { DebugType } from '../config/model';
import type { Launch } from './launch';

/** Where debuggers listen: loopback only, never a public interface. */
export const DEBUG_HOST = '127.0.0.1';

/** Where a client attaches: a debugger listening on {@link DEBUG_HOST}:`port`. */
export interface DebugTarget {
  type: DebugType;
  host: string;
  port: number;
}

/** A launch rewritten for debugging. `port` is set when it is known before the start; otherwise read each inspector's port from stderr. */
export interface DebugLaunch {
  launch: Extract<Launch, { kind: 'stdio' }>;
  port?: number;
  /** When to attach to `port`: at once (`node --inspect-brk` waits for it) or once the session runs (debugpy listens after Python started). */
  attachWhen?: 'spawned' | 'running';
}

const NODE_COMMAND = /^node[0-9]*(\.exe)?$/i;
const PYTHON_COMMAND = /^python[0-9.]*(\.exe)?$/i;
const UV_COMMAND = /^uv(\.exe)?$/i;
/** `uv run` options that take a value (uv's documentation, `uv run --help`). */
const UV_VALUE_OPTIONS = new Set([
  '--with', '--with-editable', '--with-requirements', '--directory', '--project', '--python', '-p', '--env-file', '--extra', '--group',
  '--no-group', '--package', '--index', '--default-index', '--index-url', '--extra-index-url', '-i', '--find-links', '-f', '--config-file',
  '--cache-dir', '--script', '--module', '-m', '--color', '--index-strategy', '--resolution', '--prerelease', '--exclude-newer', '--link-mode',
]);
/** Python interpreter options that take a value. */
const PYTHON_VALUE_OPTIONS = new Set(['-W', '-X', '--check-hash-based-pycs']);

/**
 * A free TCP port on {@link DEBUG_HOST}, from the system (listen on port 0, then close).
 * @throws Error when no port can be had
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, DEBUG_HOST, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The port of a Node inspector from its stderr line `Debugger listening on ws://127.0.0.1:9229/<uuid>`
 * (Node's `inspector_socket_server.cc`), or `undefined` for any other line.
 */
export function inspectorPort(line: string): number | undefined {
  const m = /^Debugger listening on ws:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):(\d+)\//.exec(line.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * Rewrites a stdio launch to start under `type`'s debugger (see the module comment).
 * @param port for `node` with the node executable and for `debugpy`: the port to listen on (see {@link freePort})
 * @param baseNodeOptions the `NODE_OPTIONS` the server would inherit, kept before ours
 * @throws Error when the command cannot be started under that debugger (a `uvx` tool, a console script)
 */
export function debugLaunch(launch: Extract<Launch, { kind: 'stdio' }>, type: DebugType, port: number, opts: { debugpyPath?: string; baseNodeOptions?: string } = {}): DebugLaunch {
  const base = path.basename(launch.command);
  const listen = `${DEBUG_HOST}:${port}`;
  if (type === 'node') {
    if (NODE_COMMAND.test(base)) return { launch: { ...launch, args: [`--inspect-brk=${listen}`, ...launch.args] }, port, attachWhen: 'spawned' };
    const inherited = launch.env.NODE_OPTIONS ?? opts.baseNodeOptions ?? '';
    return { launch: { ...launch, env: { ...launch.env, NODE_OPTIONS: `${inherited} --inspect=${DEBUG_HOST}:0`.trim() } } };
  }
  const debugpy = opts.debugpyPath ? undefined : ['-m', 'debugpy'];
  if (opts.debugpyPath) {
    // debugpy's own executable takes the target after its options, like `python -m debugpy`.
    const target = PYTHON_COMMAND.test(base) ? afterInterpreterOptions(launch.args) : 0;
    return { launch: { ...launch, command: opts.debugpyPath, args: ['--listen', listen, ...launch.args.slice(target)] }, port, attachWhen: 'running' };
  }
  if (PYTHON_COMMAND.test(base)) {
    const at = afterInterpreterOptions(launch.args);
    return { launch: { ...launch, args: [...launch.args.slice(0, at), ...debugpy!, '--listen', listen, ...launch.args.slice(at)] }, port, attachWhen: 'running' };
  }
  if (UV_COMMAND.test(base)) {
    const run = launch.args.indexOf('run');
    if (run >= 0) {
      let i = run + 1;
      while (i < launch.args.length && launch.args[i].startsWith('-') && launch.args[i] !== '--') i += UV_VALUE_OPTIONS.has(launch.args[i]) ? 2 : 1;
      if (launch.args[i] === '--') i++;
      const target = launch.args[i];
      const withDebugpy = [...launch.args.slice(0, run + 1), '--with', 'debugpy', ...launch.args.slice(run + 1, i)];
      const rest = launch.args.slice(i + 1);
      if (target && PYTHON_COMMAND.test(path.basename(target))) {
        const at = afterInterpreterOptions(rest);
        return { launch: { ...launch, args: [...withDebugpy, target, ...rest.slice(0, at), ...debugpy!, '--listen', listen, ...rest.slice(at)] }, port, attachWhen: 'running' };
      }
      if (target && /\.py$/i.test(target)) {
        return { launch: { ...launch, args: [...withDebugpy, 'python', ...debugpy!, '--listen', listen, target, ...rest] }, port, attachWhen: 'running' };
      }
      throw new Error(`cannot start "uv run ${target ?? ''}" under debugpy: it runs neither python nor a .py file. Run the server as "uv run python <script>.py" or "uv run <script>.py", or set dev.debug.debugpyPath`);
    }
  }
  throw new Error(`cannot start "${launch.command}" under debugpy: the command is neither python nor "uv run". Run the server with python (or "uv run"), or set dev.debug.debugpyPath`);
}

/** The index of the first argument after the interpreter's own options (`-u`, `-X utf8`), where a script, `-m` or `-c` begins. */
function afterInterpreterOptions(args: readonly string[]): number {
  let i = 0;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '-m' && args[i] !== '-c' && args[i] !== '-' && args[i] !== '--') i += PYTHON_VALUE_OPTIONS.has(args[i]) ? 2 : 1;
  return i;
}
