/**
 * What is kept per MCP server: for each authorization server it signed in with, the client
 * registration and the tokens, exactly as the SDK handed them over (with their `issuer`, so the
 * SDK never presents them to another authorization server). One {@link AuthStore} entry per
 * server URL, keyed `mcp-devtools.oauth:<canonical server URL>`.
 *
 * Pure core: no `vscode` import.
 */
import type { OAuthClientInformationMixed, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { AuthStore } from './types';

const KEY_PREFIX = 'mcp-devtools.oauth:';

/** Sign-in state with one authorization server. */
export interface IssuerRecord {
  client?: OAuthClientInformationMixed;
  tokens?: OAuthTokens;
  /** `client` is the config's pre-registered client (its id only): not reused once the config drops it. */
  configured?: boolean;
  /** When the tokens were saved, epoch milliseconds (with `expires_in`, when they expire). */
  savedAt?: number;
  /** The loopback URL the registered (forwarded) redirect URI was listened on, when they differ (see `RedirectTarget.listenUrl`). */
  listenUrl?: string;
}

export interface AuthRecord {
  serverUrl: string;
  /** The authorization server used last: whose tokens are sent before discovery runs again. */
  current?: string;
  byIssuer: Record<string, IssuerRecord>;
  /**
   * The scopes of the server's last 403 `insufficient_scope` challenge (spec 2025-11-25, "Scope
   * Challenge Handling") while the tokens did not cover them, with the challenge's
   * `resource_metadata`: the next sign-in asks for these and the granted ones. Dropped once
   * tokens cover them.
   */
  stepUp?: { scopes: string[]; resourceMetadataUrl?: string };
}

/**
 * The canonical URI of an MCP server (spec 2025-06-18, "Canonical Server URI"; RFC 8707): scheme
 * and host lower case, no fragment, no trailing slash on the path.
 */
export function canonicalServerUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  const s = u.href;
  return u.pathname !== '/' && s.endsWith('/') && !u.search ? s.slice(0, -1) : s;
}

export function recordKey(serverUrl: string): string {
  return KEY_PREFIX + canonicalServerUrl(serverUrl);
}

/** The server URL of a store key, or `undefined` for a key that is not a sign-in record. */
export function serverUrlOfKey(key: string): string | undefined {
  return key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : undefined;
}

export async function readRecord(store: AuthStore, serverUrl: string): Promise<AuthRecord> {
  const raw = await store.get(recordKey(serverUrl));
  if (raw) {
    try {
      const r = JSON.parse(raw) as AuthRecord;
      if (r && typeof r.byIssuer === 'object') return r;
    } catch {
      // A damaged record is as good as none: the next flow writes a fresh one.
    }
  }
  return { serverUrl: canonicalServerUrl(serverUrl), byIssuer: {} };
}

export async function writeRecord(store: AuthStore, record: AuthRecord): Promise<void> {
  await store.set(recordKey(record.serverUrl), JSON.stringify(record));
}

/** Forgets a server's sign-in (every authorization server). @returns whether anything was stored */
export async function clearRecord(store: AuthStore, serverUrl: string): Promise<boolean> {
  const had = (await store.get(recordKey(serverUrl))) !== undefined;
  await store.delete(recordKey(serverUrl));
  return had;
}

/** A summary without secrets, for `auth status` and tooltips. */
export interface SignInStatus {
  serverUrl: string;
  issuer?: string;
  clientId?: string;
  scopes?: string[];
  /** Epoch milliseconds, when the token response gave `expires_in`. */
  expiresAt?: number;
  hasRefreshToken: boolean;
  signedIn: boolean;
  /** The scopes the server's last `insufficient_scope` challenge asked for that the tokens lack (a step-up is due). */
  moreAccess?: string[];
}

/** The scopes a token response granted (`scope`, space-separated), or none. */
export function grantedScopes(tokens: OAuthTokens | undefined): string[] {
  return (tokens?.scope ?? '').split(' ').filter(Boolean);
}

/** The challenged scopes of `record.stepUp` that the current tokens lack; empty when none is due. */
export function missingScopes(record: AuthRecord): string[] {
  if (!record.stepUp?.scopes.length) return [];
  const t = record.current ? record.byIssuer[record.current]?.tokens : undefined;
  const have = new Set(grantedScopes(t));
  return record.stepUp.scopes.filter((s) => !have.has(s));
}

export function statusOf(record: AuthRecord): SignInStatus {
  const issuer = record.current;
  const r = issuer ? record.byIssuer[issuer] : undefined;
  const t = r?.tokens;
  const clientId = r?.client?.client_id;
  const more = missingScopes(record);
  return {
    serverUrl: record.serverUrl,
    issuer,
    // A CIMD client id is a URL, not a secret; a registered one is not a secret either (RFC 7591).
    clientId,
    scopes: t?.scope ? t.scope.split(' ').filter(Boolean) : undefined,
    expiresAt: t?.expires_in !== undefined && r?.savedAt ? r.savedAt + t.expires_in * 1000 : undefined,
    hasRefreshToken: !!t?.refresh_token,
    signedIn: !!t?.access_token,
    ...(more.length && { moreAccess: more }),
  };
}
