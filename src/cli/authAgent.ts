/**
 * The CLI's side of an OAuth sign-in: where tokens live (files with mode 0600 in
 * `$XDG_CONFIG_HOME/mcp-devtools/auth`, else `~/.config/mcp-devtools/auth`), and who answers the
 * consent page: the command in `$BROWSER` (the URL as its last argument), else the platform's
 * opener (`xdg-open`, `open`, `start`), or with `--no-browser` the URL printed on stderr; the
 * redirect comes back to a listener on 127.0.0.1 (`core/auth/loopback.ts`), for at most 5 minutes.
 *
 * The `open` package does that last part too, but it is ESM-only and finds its bundled
 * `xdg-open` through `import.meta.url`, which the CommonJS bundle of the CLI cannot carry;
 * the three platform commands are all of it that is needed here.
 */
import { spawn } from 'node:child_process';
import { FileAuthStore, authStoreDir, loopbackUserAgent, type AuthLogEntry, type AuthStore } from '../core/auth';
import type { SessionOptions } from '../core/auth';
import type { ServerDefinition } from '../core/config/model';
import type { Io } from './io';
import type { SessionFlags } from './sessionOptions';

/** The sign-in store of the CLI. */
export function cliAuthStore(io: Io): FileAuthStore {
  return new FileAuthStore(authStoreDir(io.env));
}

/** `argv` that opens `url` on this platform, without `$BROWSER`. */
function platformOpener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Starts `command` (words split on spaces) with `url` as its last argument; resolves once it started. */
function launch(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    child.once('error', (e: NodeJS.ErrnoException) => reject(new Error(`${command}: ${e.code === 'ENOENT' ? 'command not found' : e.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * Sign-in options for every server of a CLI session. Someone can answer a consent page when
 * there is a terminal, or `$BROWSER` is set (and `--no-browser` is not given); `--no-auth-flow`
 * says nobody can.
 */
export function cliAuthOptions(io: Io, flags: SessionFlags, store: AuthStore = cliAuthStore(io)): (server: ServerDefinition) => Omit<SessionOptions, 'redactor'> {
  const browser = io.env.BROWSER?.trim();
  const interactive = !flags.noAuthFlow && (!!io.terminal || (!!browser && !flags.noBrowser));
  const say = (s: string) => io.err(s);
  const userAgent = loopbackUserAgent({
    interactive,
    async open(url, server) {
      if (flags.noBrowser) {
        say(`mcp-devtools: server "${server}" needs OAuth sign-in. Open this URL in a browser on this machine:\n  ${url.href}`);
        return;
      }
      const [command, args] = browser ? [browser.split(/\s+/)[0], [...browser.split(/\s+/).slice(1), url.href]] : platformOpener(url.href);
      say(`mcp-devtools: server "${server}" needs OAuth sign-in: opening the consent page with ${command}…`);
      try {
        await launch(command, args);
      } catch (e) {
        say(`mcp-devtools: could not open a browser (${(e as Error).message}). Open this URL yourself:\n  ${url.href}`);
      }
    },
  });
  const log = flags.verbose ? (e: AuthLogEntry) => say(`mcp-devtools: auth "${e.server}": ${e.step}: ${e.text}`) : undefined;
  return (server) => ({
    server: server.name,
    store,
    userAgent,
    log,
    clientMetadataUrl: io.env.MCP_DEVTOOLS_CLIENT_METADATA_URL || undefined,
    signInHint: `run "mcp-devtools auth login ${server.name}" on a terminal first (or set $BROWSER)`,
  });
}
