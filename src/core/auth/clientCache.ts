/**
 * Client registrations kept per authorization server (its issuer) and redirect URI, apart from any
 * one MCP server's record: a dynamic registration (RFC 7591) is made once and reused by every
 * start, every server behind the same authorization server, and every sign-in after a sign-out,
 * until the authorization server rejects the client (`invalid_client`, `unauthorized_client`),
 * when the SDK asks the provider to forget it and registers anew.
 *
 * Why: without it each server and each sign-out made a new registration, and authorization
 * servers keep every one of them (oidc-provider, Keycloak and Auth0 list them per tenant); RFC 7591
 * §1.3 expects a client instance to register once and keep its `client_id`.
 *
 * One {@link AuthStore} entry per issuer, keyed `mcp-devtools.oauth-client:<issuer>`: JSON
 * `{ byRedirect: { "<redirect URI>": CachedClient } }` (the redirect URI `""` for the client
 * credentials grant, which has none).
 *
 * Pure core: no `vscode` import.
 */
import type { OAuthClientInformationMixed } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { AuthStore } from './types';

const KEY_PREFIX = 'mcp-devtools.oauth-client:';

export interface CachedClient {
  /** What the registration returned (with the SDK's `issuer` stamp). May hold a `client_secret`: the store keeps it secret. */
  client: OAuthClientInformationMixed;
  /** The redirect URI registered (`""` for none). */
  redirectUri: string;
  /** The loopback URL listened on when it differs from `redirectUri` (see `RedirectTarget.listenUrl`). */
  listenUrl?: string;
  /** Epoch milliseconds. */
  registeredAt: number;
}

interface CacheEntry {
  byRedirect: Record<string, CachedClient>;
}

export function clientCacheKey(issuer: string): string {
  return KEY_PREFIX + issuer;
}

async function read(store: AuthStore, issuer: string): Promise<CacheEntry> {
  try {
    const e = JSON.parse((await store.get(clientCacheKey(issuer))) ?? 'null') as CacheEntry | null;
    if (e && typeof e.byRedirect === 'object') return e;
  } catch {
    // A damaged entry is as good as none: the next registration writes a fresh one.
  }
  return { byRedirect: {} };
}

/**
 * The cached registrations with `issuer`: the one for `redirectUri` first (when there is one),
 * then the others, newest first (a caller may adopt another's redirect URI when it can listen there).
 */
export async function cachedClients(store: AuthStore, issuer: string, redirectUri?: string): Promise<CachedClient[]> {
  const all = Object.values((await read(store, issuer)).byRedirect).sort((a, b) => b.registeredAt - a.registeredAt);
  const exact = all.filter((c) => c.redirectUri === redirectUri);
  return [...exact, ...all.filter((c) => c.redirectUri !== redirectUri)];
}

export async function cacheClient(store: AuthStore, issuer: string, entry: CachedClient): Promise<void> {
  const e = await read(store, issuer);
  e.byRedirect[entry.redirectUri] = entry;
  await store.set(clientCacheKey(issuer), JSON.stringify(e));
}

/** Forgets every cached registration of `clientId` with `issuer` (the authorization server rejected it). */
export async function forgetClient(store: AuthStore, issuer: string, clientId: string): Promise<void> {
  const e = await read(store, issuer);
  const before = Object.keys(e.byRedirect).length;
  for (const [k, c] of Object.entries(e.byRedirect)) if (c.client.client_id === clientId) delete e.byRedirect[k];
  if (Object.keys(e.byRedirect).length === before) return;
  if (Object.keys(e.byRedirect).length) await store.set(clientCacheKey(issuer), JSON.stringify(e));
  else await store.delete(clientCacheKey(issuer));
}
