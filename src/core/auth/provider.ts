/**
 * The MCP SDK's `OAuthClientProvider` for one MCP server: client identity in the spec's order
 * (a client from the config, then a Client ID Metadata Document, then dynamic registration — the
 * SDK's `auth()` applies the order, this class supplies each), tokens and registrations kept per
 * server and authorization server in an {@link AuthStore}, the PKCE verifier and `state` in memory
 * only, and the client credentials grant where the config gives a secret and the authorization
 * server offers that grant (and no person can answer a consent page, or the server offers no other).
 *
 * The SDK drives it; nothing here speaks HTTP.
 *
 * Pure core: no `vscode` import.
 */
import { randomBytes } from 'node:crypto';
import { discoverOAuthServerInfo, type OAuthClientProvider, type OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthMetadataSchema, type AuthorizationServerMetadata, type OAuthClientInformationMixed, type OAuthClientMetadata, type OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Redactor } from '../secrets';
import { AuthFlowError } from './errors';
import { cacheClient, cachedClients, forgetClient } from './clientCache';
import { loopbackPort } from './loopback';
import { grantedScopes, missingScopes, readRecord, writeRecord, type AuthRecord, type IssuerRecord } from './record';
import type { AuthLogEntry, AuthSettings, AuthStore, RedirectTarget } from './types';

/** An authorization request the SDK asked the user agent to open, with what validates its answer. */
export interface PendingAuthorization {
  url: URL;
  state?: string;
  verifier?: string;
}

export interface ProviderContext {
  server: string;
  serverUrl: string;
  settings: AuthSettings;
  store: AuthStore;
  redactor: Redactor;
  clientName: string;
  clientMetadataUrl?: string;
  /** Whether a person can answer a consent page (decides client credentials vs authorization code). */
  interactive: boolean;
  log(step: AuthLogEntry['step'], text: string): void;
  /** Asks the user agent for a redirect target (to adopt a cached registration's redirect URI); see `AuthUserAgent.redirectTarget`. */
  redirectTarget?(preferred: { url?: string; port?: number; listenUrl?: string }): Promise<RedirectTarget>;
  /** After the stored record was written. */
  changed?(): void;
  /** The session's logging `fetch` (for the metadata the config points at). */
  fetch?: FetchLike;
}

export class DevtoolsOAuthProvider implements OAuthClientProvider {
  private record: AuthRecord | undefined;
  /** The authorization server found by the latest discovery. */
  private issuer: string | undefined;
  private target: RedirectTarget | undefined;
  private mode: 'authorization_code' | 'client_credentials' = 'authorization_code';
  private lastVerifier: string | undefined;
  private activeVerifier: string | undefined;
  private lastState: string | undefined;
  private pending: PendingAuthorization | undefined;
  private required: string[] = [];
  /** What the latest discovery found for dynamic registration: the endpoint, and the resource's `scopes_supported`. */
  private registration: { endpoint?: string; scopes: string[] } = { scopes: [] };
  /** The issuer whose cached registrations were looked up (once per discovery). */
  private cacheLookedUp: string | undefined;
  /** Dynamic registrations made by this provider (tests and benchmarks count them). */
  registrations = 0;
  /** Discovery as the config overrides it, read once (see {@link discoveryState}). */
  private overridden: Promise<OAuthDiscoveryState> | undefined;

  constructor(private readonly ctx: ProviderContext) {}

  /** Loads the stored record; call before the SDK uses the provider. */
  async load(): Promise<AuthRecord> {
    this.record = await readRecord(this.ctx.store, this.ctx.serverUrl);
    for (const r of Object.values(this.record.byIssuer)) this.remember(r);
    this.required = missingScopes(this.record).length ? this.record.stepUp!.scopes : [];
    return this.record;
  }

  /** The record as loaded and updated since (`undefined` before {@link load}). */
  get storedRecord(): AuthRecord | undefined {
    return this.record;
  }

  /**
   * The redirect the stored registration was made with: a loopback URI, or (a remote window) the
   * forwarded one with the loopback URL it was listened on.
   */
  registeredRedirect(): { url: string; listenUrl?: string } | undefined {
    const issuer = this.record?.current ?? Object.keys(this.record?.byIssuer ?? {})[0];
    const entry = issuer ? this.record?.byIssuer[issuer] : undefined;
    const uris = (entry?.client as { redirect_uris?: string[] } | undefined)?.redirect_uris ?? [];
    if (entry?.listenUrl && uris.length) return { url: uris[0], listenUrl: entry.listenUrl };
    const url = uris.find((u) => loopbackPort(u) !== undefined);
    return url ? { url } : undefined;
  }

  setRedirectTarget(target: RedirectTarget): void {
    this.target = target;
  }

  /** Where the redirect comes back to, and where to listen for it. */
  get redirectTarget(): RedirectTarget {
    return this.target ?? { url: this.redirectUrl! };
  }

  /**
   * The scope a step-up asks for: the granted scopes and the ones the last `insufficient_scope`
   * challenge named (spec 2025-11-25, "Scope Challenge Handling": the client should keep what it
   * has), space-separated; `undefined` when the tokens cover the challenge.
   */
  stepUpScope(): string | undefined {
    if (!this.record || !missingScopes(this.record).length) return undefined;
    return [...new Set([...grantedScopes(this.entry(this.record.current)?.tokens), ...this.record.stepUp!.scopes])].join(' ');
  }

  /** The `resource_metadata` URL of the challenge that asked for a step-up. */
  stepUpResourceMetadata(): URL | undefined {
    const u = this.record?.stepUp?.resourceMetadataUrl;
    return u ? new URL(u) : undefined;
  }

  get redirectUrl(): string | undefined {
    if (this.mode === 'client_credentials') return undefined;
    return this.target?.url ?? 'http://127.0.0.1/callback';
  }

  get clientMetadataUrl(): string | undefined {
    return this.ctx.settings.clientId ? undefined : this.ctx.clientMetadataUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    const scope = this.ctx.settings.scopes?.join(' ') || undefined;
    if (this.mode === 'client_credentials') {
      return { client_name: this.ctx.clientName, redirect_uris: [], grant_types: ['client_credentials'], ...(scope && { scope }) };
    }
    return {
      client_name: this.ctx.clientName,
      redirect_uris: [this.redirectUrl!],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: this.ctx.settings.clientSecret ? 'client_secret_basic' : 'none',
      ...(scope && { scope }),
    };
  }

  state(): string {
    this.lastState = randomBytes(16).toString('base64url');
    return this.lastState;
  }

  /** The issuer whose entry is read now: the one discovery found, else the one used last. */
  private currentIssuer(): string | undefined {
    return this.issuer ?? this.record?.current;
  }

  private entry(issuer = this.currentIssuer()): IssuerRecord | undefined {
    return issuer ? this.record?.byIssuer[issuer] : undefined;
  }

  async clientInformation(): Promise<OAuthClientInformationMixed | undefined> {
    const { clientId, clientSecret } = this.ctx.settings;
    // A client from the config is not bound to an issuer: the SDK presents it to whichever
    // authorization server the resource names (spec 2025-11-25, "Preregistration").
    if (clientId) return { client_id: clientId, ...(clientSecret && { client_secret: clientSecret }) };
    const e = this.entry();
    // A registration for another redirect URI (a remote window forwards a different port after a
    // reload) would make the authorization server refuse the request: find or make one for this one.
    const uris = (e?.client as { redirect_uris?: string[] } | undefined)?.redirect_uris;
    const fits = this.mode === 'client_credentials' || !uris?.length || uris.includes(this.redirectUrl!);
    if (e?.client && !e.configured && fits) return e.client;
    return this.cachedClient();
  }

  /**
   * A registration made earlier with the current authorization server (by any server, or before
   * a sign-out): the one for the current redirect URI, else another whose redirect URI the user
   * agent can listen on again (then it becomes the redirect). Looked up once per discovery.
   */
  private async cachedClient(): Promise<OAuthClientInformationMixed | undefined> {
    const issuer = this.currentIssuer();
    if (!issuer || !this.record || this.cacheLookedUp === issuer) return undefined;
    this.cacheLookedUp = issuer;
    const redirect = this.mode === 'client_credentials' ? '' : this.redirectUrl!;
    for (const c of await cachedClients(this.ctx.store, issuer, redirect)) {
      if (c.redirectUri !== redirect) {
        // A fixed redirect from the config, or the client credentials grant, cannot change.
        if (this.ctx.settings.redirectUri || !c.redirectUri || redirect === '' || !this.ctx.redirectTarget) continue;
        const t = await this.ctx.redirectTarget({ url: c.redirectUri, listenUrl: c.listenUrl }).catch(() => undefined);
        if (t?.url !== c.redirectUri) continue;
        this.target = t;
      }
      const e = (this.record.byIssuer[issuer] ??= {});
      e.client = c.client;
      if (c.listenUrl) e.listenUrl = c.listenUrl;
      else delete e.listenUrl;
      this.remember(e);
      this.ctx.log('client registration', `reusing client id ${c.client.client_id}, registered with ${issuer} for ${c.redirectUri || 'the client credentials grant'} on ${new Date(c.registeredAt).toISOString()}`);
      return c.client;
    }
    return undefined;
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    if (this.ctx.settings.clientId) return;
    const issuer = (info as { issuer?: string }).issuer ?? this.currentIssuer();
    if (!issuer || !this.record) return;
    const cimd = info.client_id === this.ctx.clientMetadataUrl;
    const e = (this.record.byIssuer[issuer] ??= {});
    const same = e.client?.client_id === info.client_id;
    e.client = info;
    if (this.target?.listenUrl) e.listenUrl = this.target.listenUrl;
    else delete e.listenUrl;
    this.remember(e);
    // The SDK also calls this to stamp an old registration with its issuer: not a new one.
    if (!same) {
      if (!cimd) this.registrations++;
      this.ctx.log('client registration', `client id ${info.client_id} by ${cimd ? 'client ID metadata document' : 'dynamic registration'}${'token_endpoint_auth_method' in info && info.token_endpoint_auth_method ? `, token endpoint auth ${String(info.token_endpoint_auth_method)}` : ''}`);
    }
    if (!cimd) {
      const redirectUri = (info as { redirect_uris?: string[] }).redirect_uris?.[0] ?? (this.mode === 'client_credentials' ? '' : this.redirectUrl!);
      await cacheClient(this.ctx.store, issuer, { client: info, redirectUri, ...(this.target?.listenUrl && { listenUrl: this.target.listenUrl }), registeredAt: Date.now() });
    }
    await this.write();
  }

  private async write(): Promise<void> {
    if (!this.record) return;
    await writeRecord(this.ctx.store, this.record);
    this.ctx.changed?.();
  }

  tokens(): OAuthTokens | undefined {
    const e = this.entry();
    // Tokens a different client obtained (the config's client changed) are not this client's.
    const configured = this.ctx.settings.clientId;
    if (configured && e?.client?.client_id !== configured) return undefined;
    if (!configured && e?.configured) return undefined;
    const t = e?.tokens;
    // Step-up: a refresh keeps the old scopes, so when the server asked for more the refresh
    // token is held back and the SDK authorizes anew with the union.
    if (t?.refresh_token && this.required.length) {
      const have = new Set(grantedScopes(t));
      if (this.required.some((s) => !have.has(s))) return { ...t, refresh_token: undefined };
    }
    return t;
  }

  /**
   * The `scope` a dynamic registration asks for: the one the SDK chose (the challenge's), the
   * config's, and the protected resource's `scopes_supported`, space-separated, each once; or
   * `undefined` when `endpoint` is not the registration endpoint discovery found.
   *
   * Why: RFC 7591 §2 makes a registration's `scope` the scopes the client "can use when
   * requesting access tokens", and authorization servers such as oidc-provider refuse any other
   * (`invalid_scope`). The SDK registers with the first challenge's scope alone, so a later
   * step-up (spec 2025-11-25, "Scope Challenge Handling") to a scope the resource advertises
   * would fail. Registering for what the resource advertises still requests only what a
   * challenge asks for (spec 2025-11-25, "Scope Selection Strategy").
   */
  registrationScope(endpoint: string, requested: string | undefined): string | undefined {
    if (!this.registration.endpoint || endpoint !== this.registration.endpoint) return undefined;
    const all = [requested ?? '', ...(this.ctx.settings.scopes ?? []), ...this.registration.scopes].flatMap((s) => s.split(' ')).filter(Boolean);
    return all.length ? [...new Set(all)].join(' ') : undefined;
  }

  /**
   * The scopes a 403 `insufficient_scope` challenge asked for (spec 2025-11-25, "Scope Challenge
   * Handling"), remembered in the server's record while the tokens lack any of them: the next
   * sign-in asks for them and the granted ones ({@link stepUpScope}), even after a restart.
   */
  async requireScopes(scopes: string[], resourceMetadataUrl?: URL): Promise<void> {
    this.required = scopes;
    if (!this.record) return;
    const before = JSON.stringify(this.record.stepUp);
    this.record.stepUp = { scopes, ...(resourceMetadataUrl && { resourceMetadataUrl: resourceMetadataUrl.href }) };
    if (!missingScopes(this.record).length) delete this.record.stepUp;
    if (JSON.stringify(this.record.stepUp) !== before) await this.write();
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    const issuer = (tokens as { issuer?: string }).issuer ?? this.currentIssuer();
    if (!issuer || !this.record) return;
    const e = (this.record.byIssuer[issuer] ??= {});
    e.tokens = tokens;
    e.savedAt = Date.now();
    // The config's client is recorded by id only (never its secret), so tokens follow the client.
    if (this.ctx.settings.clientId) {
      e.client = { client_id: this.ctx.settings.clientId };
      e.configured = true;
    } else if (e.configured) {
      delete e.client;
      delete e.configured;
    }
    this.record.current = issuer;
    if (this.record.stepUp && !missingScopes(this.record).length) {
      delete this.record.stepUp;
      this.required = [];
    }
    this.remember(e);
    this.ctx.log('stored', `tokens from ${issuer}: ${tokens.token_type}${tokens.scope ? `, scopes "${tokens.scope}"` : ', no scope named'}${tokens.expires_in !== undefined ? `, expires in ${tokens.expires_in} s` : ''}${tokens.refresh_token ? ', with a refresh token' : ''}`);
    await this.write();
  }

  /**
   * Discovery as the config overrides it, or `undefined` (the SDK discovers as usual): Claude
   * Code's `oauth.authServerMetadataUrl` (the metadata read from there instead of through the MCP
   * server: Claude Code's docs, "Override OAuth metadata discovery"), Gemini CLI's
   * `authorizationUrl`, `tokenUrl` and `registrationUrl` (endpoints in place of the metadata's;
   * the first two alone, with no metadata URL, mean no discovery at all, as in Gemini CLI where
   * they serve servers that publish no metadata). Config endpoints are assumed to do PKCE S256.
   * @throws AuthFlowError at the authorization server metadata step when the URL does not answer with metadata
   */
  discoveryState(): Promise<OAuthDiscoveryState> | undefined {
    const s = this.ctx.settings;
    if (!s.authServerMetadataUrl && !s.authorizationUrl && !s.tokenUrl && !s.registrationUrl) return undefined;
    this.overridden ??= this.overrideDiscovery().catch((e: unknown) => {
      this.overridden = undefined;
      throw e;
    });
    return this.overridden;
  }

  private async overrideDiscovery(): Promise<OAuthDiscoveryState> {
    const s = this.ctx.settings;
    const fetchFn = this.ctx.fetch ?? fetch;
    let md: AuthorizationServerMetadata | undefined;
    let issuer: string;
    let resourceMetadata: OAuthDiscoveryState['resourceMetadata'];
    if (s.authServerMetadataUrl) {
      const step = 'authorization server metadata';
      const todo = 'check "oauth.authServerMetadataUrl" in the config: it must be the authorization server\'s RFC 8414 or OpenID discovery document';
      let json: unknown;
      this.ctx.log(step, `GET ${s.authServerMetadataUrl} (the config's oauth.authServerMetadataUrl)`);
      try {
        const res = await fetchFn(s.authServerMetadataUrl, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        json = await res.json();
      } catch (e) {
        throw new AuthFlowError(step, `the config's authServerMetadataUrl ${s.authServerMetadataUrl} did not answer with metadata (${(e as Error).message})`, todo);
      }
      const parsed = OAuthMetadataSchema.safeParse(json);
      if (!parsed.success) throw new AuthFlowError(step, `${s.authServerMetadataUrl} is not authorization server metadata (${parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ')})`, todo);
      md = parsed.data;
      issuer = md.issuer;
    } else if (s.authorizationUrl && s.tokenUrl) {
      issuer = new URL(s.authorizationUrl).origin;
      md = {
        issuer,
        authorization_endpoint: s.authorizationUrl,
        token_endpoint: s.tokenUrl,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
      };
    } else {
      const info = await discoverOAuthServerInfo(this.ctx.serverUrl, { fetchFn });
      issuer = info.authorizationServerUrl;
      md = info.authorizationServerMetadata;
      resourceMetadata = info.resourceMetadata;
    }
    const base = md ?? { issuer, authorization_endpoint: new URL('/authorize', issuer).href, token_endpoint: new URL('/token', issuer).href, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] };
    const merged = {
      ...base,
      ...(s.authorizationUrl && { authorization_endpoint: s.authorizationUrl }),
      ...(s.tokenUrl && { token_endpoint: s.tokenUrl }),
      ...(s.registrationUrl && { registration_endpoint: s.registrationUrl }),
    } as AuthorizationServerMetadata;
    const from = [s.authServerMetadataUrl && `metadata from ${s.authServerMetadataUrl}`, s.authorizationUrl && 'authorizationUrl', s.tokenUrl && 'tokenUrl', s.registrationUrl && 'registrationUrl'].filter(Boolean).join(', ');
    this.ctx.log('authorization server metadata', `the config sets ${from}: authorization server ${issuer}`);
    return { authorizationServerUrl: issuer, authorizationServerMetadata: merged, ...(resourceMetadata && { resourceMetadata }) };
  }

  redirectToAuthorization(url: URL): void {
    // Gemini CLI sends its `audiences` as one space-separated `audience` parameter.
    if (this.ctx.settings.audiences?.length) url.searchParams.set('audience', this.ctx.settings.audiences.join(' '));
    this.pending = { url, state: url.searchParams.get('state') ?? this.lastState, verifier: this.lastVerifier };
    const scope = url.searchParams.get('scope');
    this.ctx.log('authorization request', `${url.origin}${url.pathname} (client ${url.searchParams.get('client_id')}, redirect ${url.searchParams.get('redirect_uri')}, PKCE ${url.searchParams.get('code_challenge_method')}, resource ${url.searchParams.get('resource') ?? 'none'}, ${scope ? `scopes "${scope}"` : 'no scope'})`);
  }

  /** The authorization request the SDK asked for last; taken once. */
  takePending(): PendingAuthorization | undefined {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  /** Which verifier the next code exchange uses (the one of the request the code answers). */
  useVerifierOf(p: PendingAuthorization): void {
    this.activeVerifier = p.verifier;
  }

  saveCodeVerifier(verifier: string): void {
    this.lastVerifier = verifier;
    this.ctx.redactor.add([verifier]);
  }

  codeVerifier(): string {
    const v = this.activeVerifier ?? this.lastVerifier;
    if (!v) throw new AuthFlowError('token request', 'no PKCE code verifier is held for this authorization (the flow was started by another process?)', 'sign in again');
    return v;
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'verifier') {
      this.lastVerifier = this.activeVerifier = undefined;
      return;
    }
    if (scope === 'discovery' || !this.record) return;
    const issuer = this.currentIssuer();
    // The SDK says 'all' when the authorization server rejected the client (invalid_client,
    // unauthorized_client): its cached registration goes too, and the next flow registers anew.
    const rejected = issuer && (scope === 'all' || scope === 'client') ? this.record.byIssuer[issuer]?.client : undefined;
    if (issuer && rejected && !this.record.byIssuer[issuer]?.configured) await forgetClient(this.ctx.store, issuer, rejected.client_id);
    if (scope === 'all') this.record.byIssuer = {};
    else if (issuer && this.record.byIssuer[issuer]) {
      if (scope === 'client') delete this.record.byIssuer[issuer].client;
      delete this.record.byIssuer[issuer].tokens;
    }
    this.cacheLookedUp = undefined;
    this.ctx.log('cleared', `the authorization server rejected the stored ${scope === 'all' ? 'client and tokens' : scope === 'client' ? 'client registration' : 'tokens'}; they were removed`);
    await this.write();
  }

  /**
   * After discovery (the SDK calls this before choosing a client and a grant): logs what was
   * found, refuses an authorization server that cannot do PKCE S256 (spec 2025-11-25,
   * "Authorization Code Protection": clients MUST refuse when `code_challenge_methods_supported`
   * is absent), and picks the client credentials grant where the config gives a secret.
   */
  saveDiscoveryState(state: OAuthDiscoveryState): void {
    if (this.issuer !== state.authorizationServerUrl) this.cacheLookedUp = undefined;
    this.issuer = state.authorizationServerUrl;
    const prm = state.resourceMetadata;
    const md = state.authorizationServerMetadata;
    this.registration = {
      endpoint: md ? md.registration_endpoint && new URL(md.registration_endpoint).href : new URL('/register', state.authorizationServerUrl).href,
      scopes: prm?.scopes_supported ?? [],
    };
    this.ctx.log('protected resource metadata', prm
      ? `resource ${prm.resource}, authorization servers ${(prm.authorization_servers ?? []).join(', ') || 'none'}${prm.scopes_supported ? `, scopes_supported "${prm.scopes_supported.join(' ')}"` : ''}`
      : 'none (a 2025-03-26 server): the MCP server\'s origin is the authorization server');
    this.ctx.log('authorization server metadata', md
      ? `issuer ${md.issuer}; grant types ${(md.grant_types_supported ?? ['(not listed)']).join(', ')}; PKCE ${(md.code_challenge_methods_supported ?? ['(not listed)']).join(', ')}; token endpoint auth ${(md.token_endpoint_auth_methods_supported ?? ['(not listed)']).join(', ')}${md.registration_endpoint ? '; dynamic registration' : ''}${md.client_id_metadata_document_supported ? '; client ID metadata documents' : ''}`
      : `none at ${state.authorizationServerUrl}: using the 2025-03-26 default endpoints /authorize, /token, /register`);
    const grants = md?.grant_types_supported;
    if (this.ctx.settings.clientSecret && grants?.includes('client_credentials') && (!this.ctx.interactive || !grants.includes('authorization_code'))) {
      this.mode = 'client_credentials';
      this.ctx.log('client credentials', 'the config gives a client secret and the authorization server offers the client credentials grant: no browser needed');
      return;
    }
    this.mode = 'authorization_code';
    if (md && !md.code_challenge_methods_supported) {
      throw new AuthFlowError('authorization server metadata', `the metadata of ${state.authorizationServerUrl} has no \`code_challenge_methods_supported\`: PKCE cannot be verified, and MCP clients must then refuse to proceed`, 'ask the server\'s operator to publish `code_challenge_methods_supported: ["S256"]`');
    }
  }

  /** Adds a record's secrets to the redactor. */
  private remember(r: IssuerRecord): void {
    const secrets = [r.tokens?.access_token, r.tokens?.refresh_token, r.tokens?.id_token, (r.client as { client_secret?: string } | undefined)?.client_secret];
    this.ctx.redactor.add(secrets.filter((s): s is string => !!s));
  }

  prepareTokenRequest(scope?: string): URLSearchParams | undefined {
    if (this.mode !== 'client_credentials') return undefined;
    return new URLSearchParams({ grant_type: 'client_credentials', ...(scope && { scope }) });
  }
}
