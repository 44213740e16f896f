/**
 * The extension's side of OAuth sign-in (`core/auth` runs the protocol): where tokens live
 * (VS Code's SecretStorage: the OS keychain on the desktop, never the workspace), and who answers
 * the consent page (`vscode.env.openExternal`, the redirect coming back to the core's 127.0.0.1
 * loopback listener through `vscode.env.asExternalUri`).
 *
 * Why a loopback redirect and not a `UriHandler`: it is what RFC 8252 §7.3 recommends for native
 * apps and what the CLI registers, so one client registration serves both; every authorization
 * server that accepts dynamic registration accepts `http://127.0.0.1:<port>/callback`, while a
 * `vscode://` redirect needs a custom scheme the server may refuse and makes the browser ask
 * "Open Visual Studio Code?". `asExternalUri` forwards the port on a remote (SSH, container,
 * Codespaces) host, so the listener runs next to the extension host wherever that is; in a local
 * window it is not asked (the browser reaches 127.0.0.1 itself).
 *
 * A flow is never started on its own: at startup a server that answers 401 ends in
 * "Sign in required" (no browser, no modal, no focus change); only Sign In on its node lets it
 * open the consent page.
 */
import * as vscode from 'vscode';
// Values from their own SDK-free modules, not the `core/auth` barrel (it drags the SDK into the activation bundle).
import type { AuthLogEntry, AuthStore, AuthUserAgent, RedirectTarget, SessionOptions } from '../core/auth';
import { loopbackPort, loopbackUserAgent } from '../core/auth/loopback';
import { canonicalServerUrl, clearRecord, readRecord, serverUrlOfKey, statusOf, type SignInStatus } from '../core/auth/record';
import type { ServerDefinition } from '../core/config/model';

/** The SecretStorage key that lists the keys held (SecretStorage cannot enumerate its keys before VS Code 1.102). */
const INDEX_KEY = 'mcp-devtools.oauth.index';

/**
 * An {@link AuthStore} on VS Code's SecretStorage. The core keeps one entry per MCP server,
 * holding its client registration and tokens for each authorization server (`core/auth/record.ts`).
 */
export class SecretAuthStore implements AuthStore {
  /** Writes of the index, serialised (two sign-ins at once must not lose a key). */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(key));
  }

  async set(key: string, value: string): Promise<void> {
    await this.secrets.store(key, value);
    await this.updateIndex((keys) => keys.add(key));
  }

  async delete(key: string): Promise<void> {
    await this.secrets.delete(key);
    await this.updateIndex((keys) => keys.delete(key));
  }

  async keys(): Promise<string[]> {
    await this.chain;
    return [...(await this.readIndex())].sort();
  }

  private async readIndex(): Promise<Set<string>> {
    try {
      const list = JSON.parse((await this.secrets.get(INDEX_KEY)) ?? '[]') as unknown;
      return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
    } catch {
      return new Set();
    }
  }

  private updateIndex(change: (keys: Set<string>) => void): Promise<void> {
    const next = this.chain.then(async () => {
      const keys = await this.readIndex();
      change(keys);
      await this.secrets.store(INDEX_KEY, JSON.stringify([...keys]));
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}

/** Shows a consent page: the wiring uses `vscode.env.openExternal`; the integration tests answer it themselves. */
export type ConsentOpener = (url: URL, server: string) => Promise<void>;

/** Opens `url` in the user's browser; @throws Error when VS Code could not open it. */
export const openExternal: ConsentOpener = async (url) => {
  // `Uri.parse` of the string would decode %2F etc. in the query; `true` keeps it as written.
  if (!(await vscode.env.openExternal(vscode.Uri.parse(url.href, true)))) throw new Error('VS Code could not open the browser');
};

/** How long `asExternalUri` may take, milliseconds: a host that cannot forward ports may never answer. */
const EXTERNAL_URI_TIMEOUT_MS = 5000;

/**
 * The URL a browser on the user's machine reaches `url` (a 127.0.0.1 listener next to the
 * extension host) by: `vscode.env.asExternalUri` (a forwarded port on a remote host; the same URL
 * on the desktop), or `url` itself when VS Code does not answer within {@link EXTERNAL_URI_TIMEOUT_MS}.
 */
async function externalUrl(url: string): Promise<string> {
  // A local window: the browser is on this machine and reaches 127.0.0.1 as it is. (Asking anyway
  // can make VS Code forward the very port the listener is about to bind.)
  if (!vscode.env.remoteName) return url;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), EXTERNAL_URI_TIMEOUT_MS)));
  try {
    const uri = await Promise.race([Promise.resolve(vscode.env.asExternalUri(vscode.Uri.parse(url, true))).catch(() => undefined), late]);
    return uri ? uri.toString(true) : url;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A user agent for VS Code. `mayAsk(server)` says whether a consent page may open for that server
 * now (after Sign In); otherwise the flow fails at once with `AuthRequiredError` and the node says
 * "Sign in required". While it waits for the redirect a notification "Signing in to <server>…"
 * offers Cancel.
 */
export function vscodeUserAgent(server: string, mayAsk: () => boolean, open: () => ConsentOpener, internal = new Map<string, string>()): AuthUserAgent {
  const loopback = loopbackUserAgent({ interactive: true, open: (url, name) => open()(url, name) });
  return {
    get interactive() {
      return mayAsk();
    },
    async redirectTarget(preferred): Promise<RedirectTarget> {
      const target = (url: string, local: string): RedirectTarget => {
        internal.set(new URL(url).href, local);
        return url === local ? { url } : { url, listenUrl: local };
      };
      // A stored registration's redirect is an external one this window forwarded: keep it as registered.
      const known = preferred.url && internal.get(new URL(preferred.url).href);
      if (known) return target(preferred.url!, known);
      if (!vscode.env.remoteName) return loopback.redirectTarget(preferred);
      // One forwarded before a reload (or by another window): forward the port it was listened on
      // again; where VS Code gives the same external URL, the registration still matches.
      if (preferred.url && preferred.listenUrl && loopbackPort(preferred.listenUrl)) {
        const again = await externalUrl(preferred.listenUrl);
        if (new URL(again).href === new URL(preferred.url).href) return target(preferred.url, preferred.listenUrl);
      }
      const local = await loopback.redirectTarget({ port: preferred.port });
      return target(await externalUrl(local.url), local.url);
    },
    authorize(authorizationUrl, target, context) {
      const listenOn = { url: target.listenUrl ?? internal.get(new URL(target.url).href) ?? target.url };
      return Promise.resolve(vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Signing in to ${server}…`, cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const sub = token.onCancellationRequested(() => abort.abort());
          context.signal?.addEventListener('abort', () => abort.abort());
          return loopback.authorize(authorizationUrl, listenOn, { ...context, signal: abort.signal }).finally(() => sub.dispose());
        },
      ));
    },
  };
}

/** A remote server's URL as configured, when it has no variables left to resolve (else sign-in state cannot be looked up before it starts). */
export function remoteUrl(def: ServerDefinition): string | undefined {
  const t = def.transport;
  if (!t || (t.kind !== 'http' && t.kind !== 'sse')) return undefined;
  const url = t.url.value;
  try {
    return url.includes('${') ? undefined : canonicalServerUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * Sign-in for the live servers: the options each server's connection gets, which servers may open
 * a consent page (those the user chose Sign In for, in this window), and each server's sign-in
 * summary for its tooltip (no secrets: issuer, client id, scopes).
 */
export class ServerSignIns {
  readonly store: SecretAuthStore;
  /** Who shows the consent page (the integration tests replace it). */
  opener: ConsentOpener = openExternal;
  private readonly mayAsk = new Set<string>();
  /** External redirect URL (registered, sent) → the loopback URL listened on; they differ on a remote host. */
  private readonly forwarded = new Map<string, string>();
  private readonly statuses = new Map<string, SignInStatus>();
  /** Server id → the resolved URL its record is kept under, learnt from its sessions (a config URL may hold variables). */
  private readonly urls = new Map<string, string>();

  constructor(secrets: vscode.SecretStorage) {
    this.store = new SecretAuthStore(secrets);
  }

  /**
   * The sign-in options of one server's connection; `log` gets every step of a flow, masked;
   * `changed` is called after its stored sign-in changed (the summary is re-read first).
   */
  sessionOptions(def: ServerDefinition, log: (entry: AuthLogEntry) => void, changed?: () => void): Omit<SessionOptions, 'redactor'> {
    return {
      server: def.name,
      store: this.store,
      userAgent: vscodeUserAgent(def.name, () => this.mayAsk.has(def.id), () => this.opener, this.forwarded),
      log,
      changed: (serverUrl) => {
        this.urls.set(def.id, canonicalServerUrl(serverUrl));
        void this.refresh(def).then((c) => c && changed?.(), () => undefined);
      },
      signInHint: 'choose Sign In on the server in the MCP Servers view',
    };
  }

  /** Lets the next connect of `id` open a consent page (Sign In). */
  allow(id: string): void {
    this.mayAsk.add(id);
  }

  /** Ends what {@link allow} allowed. */
  forbid(id: string): void {
    this.mayAsk.delete(id);
  }

  /** The stored sign-in of a server (no secrets), as last read by {@link refresh}. */
  status(id: string): SignInStatus | undefined {
    return this.statuses.get(id);
  }

  /** Reads a server's sign-in summary from the store. @returns whether it changed */
  async refresh(def: ServerDefinition): Promise<boolean> {
    const url = this.urlOf(def);
    const before = JSON.stringify(this.statuses.get(def.id));
    if (!url) this.statuses.delete(def.id);
    else this.statuses.set(def.id, statusOf(await readRecord(this.store, url)));
    return JSON.stringify(this.statuses.get(def.id)) !== before;
  }

  /**
   * Forgets a server's tokens (every authorization server). A dynamic client registration stays in
   * the store, kept per authorization server (`core/auth/clientCache.ts`), to be reused.
   * @returns whether anything was stored
   */
  async signOut(def: ServerDefinition): Promise<boolean> {
    this.mayAsk.delete(def.id);
    const url = this.urlOf(def);
    const had = url ? await clearRecord(this.store, url) : false;
    await this.refresh(def);
    return had;
  }

  /** The URL a server's record is kept under: the config's, or (variables in it) the one its last session resolved. */
  private urlOf(def: ServerDefinition): string | undefined {
    return remoteUrl(def) ?? (def.transport?.kind === 'http' || def.transport?.kind === 'sse' ? this.urls.get(def.id) : undefined);
  }

  /** Forgets every server's sign-in. @returns how many servers were signed in */
  async signOutAll(): Promise<number> {
    this.mayAsk.clear();
    this.statuses.clear();
    const keys = (await this.store.keys()).filter((k) => serverUrlOfKey(k) !== undefined);
    for (const k of keys) await this.store.delete(k);
    return keys.length;
  }
}
