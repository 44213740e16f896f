/**
 * The shapes of OAuth sign-in shared by the core and its two front ends: what a config says about
 * a server's authorization, where tokens are kept, and who answers the consent page. The core runs
 * the protocol (through the MCP SDK's `auth()`); a front end plugs in its own {@link AuthStore}
 * (the CLI: files with mode 0600; the extension: SecretStorage) and its own {@link AuthUserAgent}
 * (the CLI: a 127.0.0.1 redirect listener and `$BROWSER`; the extension: `openExternal`).
 *
 * Pure core: no `vscode` import.
 */

/**
 * A server's authorization settings from its config (resolved: no variables left). Sources:
 * VS Code `oauth.clientId`; Gemini CLI `oauth {enabled, clientId, clientSecret, scopes, redirectUri,
 * authorizationUrl, tokenUrl, registrationUrl, audiences}`; Cursor `auth {CLIENT_ID, CLIENT_SECRET,
 * scopes}`; Claude Code `oauth {clientId, callbackPort, scopes, authServerMetadataUrl}`; Codex `scopes`.
 */
export interface AuthSettings {
  /** A pre-registered client (spec 2025-11-25 "Preregistration"): used before CIMD and dynamic registration. */
  clientId?: string;
  /** With `clientId`: a confidential client; also enables the client credentials grant where the server offers it. */
  clientSecret?: string;
  /** Scopes to ask for when neither the 401 challenge nor the protected resource metadata names any. */
  scopes?: string[];
  /** A fixed redirect listener port (Claude Code `callbackPort`), 1–65535. */
  callbackPort?: number;
  /** A fixed redirect URI (Gemini CLI `redirectUri`); a loopback `http://127.0.0.1:<port>/…` one is listened on. */
  redirectUri?: string;
  /** `false` (Gemini CLI `oauth.enabled: false`): never run a flow for this server. */
  enabled?: boolean;
  /**
   * Claude Code `oauth.authServerMetadataUrl`: the authorization server metadata (RFC 8414 or
   * OpenID discovery document) is read from here, skipping discovery through the MCP server.
   */
  authServerMetadataUrl?: string;
  /**
   * Gemini CLI `oauth.authorizationUrl`, `tokenUrl`, `registrationUrl`: endpoints used in place of
   * the metadata's; with the first two (and no metadata URL) nothing is discovered.
   */
  authorizationUrl?: string;
  tokenUrl?: string;
  registrationUrl?: string;
  /** Gemini CLI `oauth.audiences`: sent as `audience` (space-separated) in authorization and token requests. */
  audiences?: string[];
}

/**
 * Where sign-in state is kept: string values by key, like VS Code's `SecretStorage`. Values are
 * JSON written by the core; the store must keep them out of the workspace and out of logs.
 */
export interface AuthStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key held (for `auth status` with no server and for "sign out of all"). */
  keys(): Promise<string[]>;
}

/** Where the browser comes back to: the redirect URI registered and sent in the authorization request. */
export interface RedirectTarget {
  /** An absolute URL, e.g. `http://127.0.0.1:53682/callback`. */
  url: string;
  /**
   * The loopback URL listened on when it differs from `url` (a remote or browser-hosted VS Code:
   * `url` is the forwarded address `asExternalUri` gave for it). Kept with the client
   * registration so that, after a reload, the same port is forwarded again and the registered
   * redirect still matches.
   */
  listenUrl?: string;
}

/** Who answers the consent page. The CLI's opens a browser and listens on 127.0.0.1; the extension's uses `openExternal`. */
export interface AuthUserAgent {
  /**
   * Whether someone can answer a consent page now (a terminal, `$BROWSER`, a VS Code window).
   * When false, a server that needs sign-in fails at once with "run auth login first".
   */
  readonly interactive: boolean;
  /**
   * Chooses the redirect URI before the flow starts. `preferred` is the config's fixed one, or the
   * one the stored client registration was made with (so a registered client keeps working), with
   * the loopback URL it was listened on (`listenUrl`, when it differed).
   */
  redirectTarget(preferred: { url?: string; port?: number; listenUrl?: string }): Promise<RedirectTarget>;
  /**
   * Shows the consent page (`authorizationUrl`) and waits for the redirect to `target`.
   * @returns the redirect's query parameters (`code`, `state`, or `error`, `error_description`)
   * @throws Error when the wait ends without a redirect (time-out, cancelled), saying which
   */
  authorize(authorizationUrl: URL, target: RedirectTarget, context: { server: string; signal?: AbortSignal }): Promise<URLSearchParams>;
}

/** The steps of a flow, as named in logs and errors (spec 2025-11-25, "Authorization Flow Steps"). */
export type AuthStep =
  | 'protected resource metadata'
  | 'authorization server metadata'
  | 'client registration'
  | 'authorization request'
  | 'redirect'
  | 'token request'
  | 'token refresh'
  | 'client credentials';

/** One line of an authorization log, secrets already masked. */
export interface AuthLogEntry {
  server: string;
  step: AuthStep | 'challenge' | 'stored' | 'cleared';
  text: string;
}

/** What a front end gives the connection layer so that remote servers can sign in. */
export interface AuthOptions {
  store: AuthStore;
  userAgent: AuthUserAgent;
  /** Every step of a flow, masked (the CLI prints them with `--verbose`; the extension logs them at Debug). */
  log?(entry: AuthLogEntry): void;
  /**
   * An https URL where this client's metadata document is published (Client ID Metadata
   * Documents, spec 2025-11-25); used as the `client_id` where the server supports it.
   */
  clientMetadataUrl?: string;
  /** `client_name` in registrations. Default `MCP DevTools`. */
  clientName?: string;
  /**
   * Called once the stored sign-in is loaded, and after it changed (tokens, registration, a step-up
   * due): a front end re-reads its summary. `serverUrl` is the resolved URL the record is kept
   * under (the config's may hold variables).
   */
  changed?(serverUrl: string): void;
}
