/**
 * The redirect half of a loopback user agent (RFC 8252 §7.3, "Loopback Interface Redirection"):
 * an HTTP listener on 127.0.0.1 (a free port, or the config's) that takes the one redirect of an
 * authorization, answers the browser with a short page, and closes. The CLI pairs it with
 * `$BROWSER` or the platform's opener; the extension can pair it with `openExternal`.
 *
 * Pure core: no `vscode` import.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthUserAgent, RedirectTarget } from './types';

/** How long a flow waits for the browser to come back, milliseconds (5 minutes). */
export const REDIRECT_TIMEOUT_MS = 5 * 60_000;

const CALLBACK_PATH = '/callback';

/** `http://127.0.0.1:<port>/…` (or localhost / [::1]): a redirect URI this machine can listen on. */
export function loopbackPort(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || !u.port) return undefined;
    return Number(u.port);
  } catch {
    return undefined;
  }
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface LoopbackOptions {
  /** Whether someone can answer the consent page (see {@link AuthUserAgent.interactive}). */
  interactive: boolean;
  /** Shows the consent page: opens a browser, or prints the URL. Called once the listener is up. */
  open(url: URL, server: string): Promise<void>;
  /** Milliseconds; default {@link REDIRECT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

const PAGE = (title: string, text: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;

/** An {@link AuthUserAgent} that listens on 127.0.0.1 for the redirect. */
export function loopbackUserAgent(options: LoopbackOptions): AuthUserAgent {
  return {
    interactive: options.interactive,
    async redirectTarget(preferred): Promise<RedirectTarget> {
      if (preferred.url && loopbackPort(preferred.url)) return { url: preferred.url };
      const port = preferred.port ?? await freePort();
      return { url: `http://127.0.0.1:${port}${CALLBACK_PATH}` };
    },
    authorize(authorizationUrl, target, context) {
      return waitForRedirect(authorizationUrl, target, context.server, options, context.signal);
    },
  };
}

function waitForRedirect(authorizationUrl: URL, target: RedirectTarget, server: string, options: LoopbackOptions, signal?: AbortSignal): Promise<URLSearchParams> {
  const redirect = new URL(target.url);
  const port = loopbackPort(target.url);
  if (port === undefined) return Promise.reject(new Error(`the redirect URI ${target.url} is not a loopback http URL with a port, so nothing here can receive it`));
  const timeoutMs = options.timeoutMs ?? REDIRECT_TIMEOUT_MS;
  return new Promise<URLSearchParams>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const listener = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', target.url);
      if (u.pathname !== redirect.pathname) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const ok = u.searchParams.has('code') && !u.searchParams.has('error');
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
        .end(ok ? PAGE('Signed in', `MCP DevTools is signed in to "${escapeHtml(server)}". You can close this tab.`) : PAGE('Sign-in failed', 'MCP DevTools did not get an authorization code. The terminal says why.'));
      finish(() => resolve(u.searchParams));
    });
    const finish = (then: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      listener.closeAllConnections?.();
      listener.close();
      then();
    };
    const onAbort = () => finish(() => reject(new Error('the sign-in was cancelled')));
    listener.once('error', (e: NodeJS.ErrnoException) => finish(() => reject(new Error(`cannot listen for the redirect on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (another sign-in, or the config\'s callback port is taken)' : e.message}`))));
    listener.listen(port, redirect.hostname === 'localhost' ? '127.0.0.1' : redirect.hostname.replace(/^\[|\]$/g, ''), () => {
      timer = setTimeout(() => finish(() => reject(new Error(`no redirect came back to ${target.url} within ${Math.round(timeoutMs / 1000)} s; sign in again`))), timeoutMs);
      timer.unref?.();
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      options.open(authorizationUrl, server).catch((e: Error) => finish(() => reject(new Error(`cannot show the consent page: ${e.message}`))));
    });
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
