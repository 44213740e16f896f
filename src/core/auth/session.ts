/**
 * One MCP server's sign-in during a connection: the provider, a `fetch` that logs every step of a
 * flow (masked) and remembers the latest `WWW-Authenticate` challenge, the user's side (consent
 * page, redirect, `state` check), and the exchange of the code through the SDK's `auth()`.
 *
 * The SDK's Streamable HTTP and SSE transports call `auth()` themselves on a 401 (and on a 403
 * `insufficient_scope`: step-up, which the SDK stops after one retry per challenge); when a
 * person must consent they throw `UnauthorizedError`. {@link AuthSession.connect} and
 * {@link authorizingSend} catch that, run {@link AuthSession.authorize}, and retry (bounded).
 *
 * Pure core: no `vscode` import.
 */
import { auth, extractWWWAuthenticateParams, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isCredentialQueryParam, Redactor } from '../secrets';
import { AuthFlowError, AuthRequiredError, STEP_TODO } from './errors';
import { DevtoolsOAuthProvider } from './provider';
import { canonicalServerUrl, missingScopes } from './record';
import type { AuthLogEntry, AuthOptions, AuthSettings, AuthStep } from './types';

/** How many times one connect, or one request, may go through a consent page before giving up. */
export const MAX_AUTH_ROUNDS = 2;

/** The query parameters whose values a log never shows (besides the credential names of `core/secrets`). */
const MASKED_PARAMS = new Set(['code', 'state', 'code_verifier', 'code_challenge', 'client_secret', 'refresh_token', 'access_token', 'assertion', 'client_assertion']);

export interface SessionOptions extends AuthOptions {
  /** The server's name in the config, for messages. */
  server: string;
  /** How to sign in with this front end, for {@link AuthRequiredError} (e.g. `run "mcp-devtools auth login x"`). */
  signInHint?: string;
  /** Secrets are added here as they appear (codes, verifiers, tokens, client secrets). Default: a new one. */
  redactor?: Redactor;
}

export class AuthSession {
  readonly provider: DevtoolsOAuthProvider;
  readonly redactor: Redactor;
  readonly serverUrl: string;
  private challenge: { resourceMetadataUrl?: URL; scope?: string } = {};
  private step: AuthStep | undefined;
  private flow: Promise<void> | undefined;
  private armed = false;
  /** Flows finished (succeeded or failed): a request sent before one finished retries instead of starting another. */
  flowsDone = 0;
  /** When a challenge was seen or a step logged last, epoch ms. */
  private lastActivity = 0;

  constructor(serverUrl: string, private readonly settings: AuthSettings, private readonly options: SessionOptions) {
    this.serverUrl = serverUrl;
    this.redactor = options.redactor ?? new Redactor();
    if (settings.clientSecret) this.redactor.add([settings.clientSecret]);
    this.provider = new DevtoolsOAuthProvider({
      server: options.server,
      serverUrl,
      settings,
      store: options.store,
      redactor: this.redactor,
      clientName: options.clientName ?? 'MCP DevTools',
      clientMetadataUrl: options.clientMetadataUrl,
      interactive: options.userAgent.interactive,
      log: (step, text) => this.log(step, text),
      redirectTarget: (preferred) => options.userAgent.redirectTarget({ ...preferred, port: settings.callbackPort }),
      changed: () => options.changed?.(serverUrl),
      fetch: (input, init) => this.fetch(input, init),
    });
  }

  /** Loads what is stored and chooses the redirect URI (the config's, the registration's, or a free loopback port). */
  async prepare(): Promise<void> {
    await this.provider.load();
    const preferred = this.settings.redirectUri ? { url: this.settings.redirectUri } : this.provider.registeredRedirect();
    const target = await this.options.userAgent.redirectTarget({ ...preferred, port: this.settings.callbackPort });
    this.provider.setRedirectTarget(target);
    this.options.changed?.(this.serverUrl);
  }

  /** What the SDK transport needs: this provider, and the logging `fetch`. */
  transportOptions(): { authProvider: DevtoolsOAuthProvider; fetch: FetchLike } {
    return { authProvider: this.provider, fetch: this.fetch };
  }

  private log(step: AuthLogEntry['step'], text: string): void {
    this.lastActivity = Date.now();
    if (step === 'stored') this.step = undefined;
    else if (step !== 'cleared' && step !== 'challenge') this.step = step;
    this.options.log?.({ server: this.options.server, step, text: this.redactor.redact(text) });
  }

  /** A URL for a log: credential-like query values masked. */
  private maskUrl(url: URL): string {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (MASKED_PARAMS.has(k) || isCredentialQueryParam(k)) u.searchParams.set(k, '***');
    return this.redactor.redact(u.href.replace(/%2A%2A%2A/g, '***'));
  }

  /**
   * `fetch` for the transport and for `auth()`: logs each authorization request (never a body),
   * the challenge of a 401/403 from the MCP server, and a token response's status and scopes.
   */
  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const mcp = canonicalServerUrl(url.href) === canonicalServerUrl(this.serverUrl);
    const body = init?.body instanceof URLSearchParams ? init.body : undefined;
    const step = mcp ? undefined : this.stepOf(url, body);
    if (step) this.log(step, `${init?.method ?? 'GET'} ${this.maskUrl(url)}`);
    if (step === 'client registration' && init?.method === 'POST' && typeof init.body === 'string') init = this.widenRegistration(url, init, init.body);
    // Gemini CLI's `audiences`, in token requests as in the authorization request.
    if (body && this.settings.audiences?.length && (step === 'token request' || step === 'token refresh' || step === 'client credentials')) body.set('audience', this.settings.audiences.join(' '));
    const res = await fetch(input, init);
    if (mcp && (res.status === 401 || res.status === 403)) {
      const { resourceMetadataUrl, scope, error } = extractWWWAuthenticateParams(res);
      if (res.status === 401 || error === 'insufficient_scope') this.challenge = { resourceMetadataUrl: resourceMetadataUrl ?? this.challenge.resourceMetadataUrl, scope };
      if (error === 'insufficient_scope' && scope) await this.provider.requireScopes(scope.split(' ').filter(Boolean), resourceMetadataUrl ?? this.challenge.resourceMetadataUrl);
      this.log('challenge', `the MCP server answered HTTP ${res.status}${error ? ` ${error}` : ''}${scope ? `, scope "${scope}"` : ''}${resourceMetadataUrl ? `, resource_metadata ${resourceMetadataUrl.href}` : ''}`);
    } else if (step) {
      let detail = '';
      if (step === 'token request' || step === 'token refresh' || step === 'client credentials') detail = await this.tokenDetail(res);
      this.log(step, `HTTP ${res.status}${detail}`);
    }
    return res;
  };

  /** A dynamic registration's request with the scopes of {@link DevtoolsOAuthProvider.registrationScope} (logged). */
  private widenRegistration(url: URL, init: RequestInit, text: string): RequestInit {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return init;
    }
    const scope = this.provider.registrationScope(url.href, typeof body.scope === 'string' ? body.scope : undefined);
    if (!scope || scope === body.scope) return init;
    this.log('client registration', `registering for scopes "${scope}" (the challenge's${body.scope ? ` "${String(body.scope)}"` : ''} and the resource's scopes_supported), so that a step-up stays within the registration`);
    return { ...init, body: JSON.stringify({ ...body, scope }) };
  }

  private stepOf(url: URL, body: URLSearchParams | undefined): AuthStep | undefined {
    const p = url.pathname;
    if (p.includes('/.well-known/oauth-protected-resource') || url.href === this.challenge.resourceMetadataUrl?.href) return 'protected resource metadata';
    if (p.includes('/.well-known/oauth-authorization-server') || p.includes('/.well-known/openid-configuration')) return 'authorization server metadata';
    const grant = body?.get('grant_type');
    if (grant === 'refresh_token') return 'token refresh';
    if (grant === 'client_credentials') return 'client credentials';
    if (grant) return 'token request';
    if (this.step === 'authorization server metadata' || this.step === 'protected resource metadata') return 'client registration';
    return undefined;
  }

  /** `, scopes "a b", expires in 3600 s` of a token response, or its OAuth error; the tokens join the redactor. */
  private async tokenDetail(res: Response): Promise<string> {
    try {
      const j = (await res.clone().json()) as Record<string, unknown>;
      this.redactor.add(['access_token', 'refresh_token', 'id_token'].map((k) => j[k]).filter((v): v is string => typeof v === 'string'));
      if (typeof j.error === 'string') return `, error ${j.error}${typeof j.error_description === 'string' ? `: ${j.error_description}` : ''}`;
      return `, ${j.token_type ?? 'token'}${typeof j.scope === 'string' ? `, scopes "${j.scope}"` : ''}${typeof j.expires_in === 'number' ? `, expires in ${j.expires_in} s` : ''}${j.refresh_token ? ', refresh token' : ''}`;
    } catch {
      return '';
    }
  }

  /**
   * Runs `attempt` (one connect); when it needs consent, authorizes and runs it again, at most
   * {@link MAX_AUTH_ROUNDS} times. Afterwards requests of the session are authorized too ({@link authorizingSend}).
   * @throws AuthRequiredError, AuthFlowError naming the step, or `attempt`'s own error
   */
  async connect<T>(attempt: () => Promise<T>): Promise<T> {
    await this.stepUpFirst();
    for (let round = 0; ; round++) {
      try {
        this.step = undefined;
        const result = await attempt();
        this.armed = true;
        return result;
      } catch (e) {
        if (!isUnauthorized(e) || round >= MAX_AUTH_ROUNDS) throw this.describe(e);
        await this.authorize();
      }
    }
  }

  /**
   * A step-up left pending (a 403 `insufficient_scope` nobody could consent to, remembered in the
   * record), when someone can consent now: authorizes for the granted and the challenged scopes
   * before connecting. Without it the connect would succeed on the old tokens and the next call
   * would meet the same 403.
   * @throws AuthFlowError naming the step
   */
  private async stepUpFirst(): Promise<void> {
    const scope = this.provider.stepUpScope();
    if (!scope || !this.options.userAgent.interactive) return;
    this.challenge = { resourceMetadataUrl: this.provider.stepUpResourceMetadata() ?? this.challenge.resourceMetadataUrl, scope };
    this.log('challenge', `the server asked for more access earlier: authorizing for scopes "${scope}"`);
    let result: string;
    try {
      result = await auth(this.provider, { serverUrl: this.serverUrl, scope, resourceMetadataUrl: this.challenge.resourceMetadataUrl, fetchFn: this.fetch });
    } catch (e) {
      throw this.describe(e, this.step ?? 'authorization server metadata');
    }
    if (result === 'REDIRECT') await this.authorize();
  }

  /** Whether a flow has started and not yet stored tokens: an error now is the flow's. */
  get inFlow(): boolean {
    return this.step !== undefined;
  }

  /** Whether requests of the running session are authorized on a 401/403 (after {@link connect}). */
  get isArmed(): boolean {
    return this.armed;
  }

  /**
   * Answers the authorization request the SDK prepared: the user agent shows the consent page
   * and waits for the redirect; the `state` is checked; the code is exchanged (with the PKCE
   * verifier and the resource indicator) through the SDK's `auth()`. Concurrent callers share one flow.
   * @throws AuthRequiredError when nobody can answer; AuthFlowError naming the failed step
   */
  authorize(): Promise<void> {
    this.flow ??= this.runFlow().finally(() => {
      this.flow = undefined;
      this.flowsDone++;
      this.lastActivity = Date.now();
      // Requests that met a 401 during this flow prepared authorizations of their own: stale now.
      this.provider.takePending();
    });
    return this.flow;
  }

  /**
   * Whether authorization was under way at any time since `time` (epoch ms): a 401/403 challenge,
   * a step of the SDK's `auth()`, or a consent flow. A request that timed out meanwhile (a ping
   * held up while the user consents) says nothing about the connection.
   */
  authorizingSince(time: number): boolean {
    return this.flow !== undefined || this.lastActivity >= time;
  }

  private async runFlow(): Promise<void> {
    const pending = this.provider.takePending();
    if (!pending) throw new AuthFlowError('authorization request', 'the server refused the credentials, and no new authorization was prepared', 'sign out and sign in again');
    const ua = this.options.userAgent;
    if (!ua.interactive) {
      const record = this.provider.storedRecord;
      const more = record ? missingScopes(record) : [];
      throw new AuthRequiredError(this.options.server, this.options.signInHint ?? 'sign in first', more.length && record?.current ? more : undefined);
    }
    const target = this.provider.redirectTarget;
    let params: URLSearchParams;
    try {
      params = await ua.authorize(pending.url, target, { server: this.options.server });
    } catch (e) {
      throw new AuthFlowError('redirect', this.redactor.redact((e as Error).message));
    }
    const error = params.get('error');
    if (error) {
      const desc = params.get('error_description');
      throw new AuthFlowError('redirect', `the authorization server answered "${error}"${desc ? `: ${desc}` : ''}`, error === 'access_denied' ? 'consent was refused; sign in again to retry' : 'sign in again');
    }
    const code = params.get('code');
    if (!code) throw new AuthFlowError('redirect', 'the redirect carried no authorization code', 'sign in again');
    this.redactor.add([code]);
    if (pending.state !== undefined && params.get('state') !== pending.state) {
      throw new AuthFlowError('redirect', 'the redirect\'s state does not match the request\'s (a forged or stale redirect)', 'sign in again');
    }
    this.log('redirect', 'received an authorization code; state matches');
    this.provider.useVerifierOf(pending);
    try {
      const result = await auth(this.provider, {
        serverUrl: this.serverUrl,
        authorizationCode: code,
        resourceMetadataUrl: this.challenge.resourceMetadataUrl,
        scope: this.challenge.scope,
        fetchFn: this.fetch,
      });
      if (result !== 'AUTHORIZED') throw new Error('the authorization server did not issue tokens');
    } catch (e) {
      throw this.describe(e, 'token request');
    }
  }

  /** An error of a flow, with the step that failed; other errors unchanged. */
  describe(e: unknown, fallback?: AuthStep): unknown {
    if (e instanceof AuthFlowError || e instanceof AuthRequiredError || !(e instanceof Error)) return e;
    const step = fallback ?? this.step;
    if (!step || isUnauthorized(e) || /^(Streamable HTTP error|SSE error)/.test(e.message)) return e;
    const err = new AuthFlowError(step, this.redactor.redact(e.message), STEP_TODO[step]);
    return err;
  }
}

/** Whether `e` is the SDK's "a person must consent" error. */
export function isUnauthorized(e: unknown): boolean {
  return e instanceof UnauthorizedError;
}

/**
 * Makes a connected transport's `send` authorize and retry when the SDK throws
 * `UnauthorizedError` mid-session (an expired token without a refresh, a 403
 * `insufficient_scope` step-up): a 401 or 403 is an authorization event, not a lost connection.
 * At most {@link MAX_AUTH_ROUNDS} flows per message.
 */
export function authorizingSend(transport: Transport, session: AuthSession): void {
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    for (let round = 0; ; round++) {
      const seen = session.flowsDone;
      try {
        return await send(message, options);
      } catch (e) {
        if (!session.isArmed || !isUnauthorized(e) || round >= MAX_AUTH_ROUNDS) throw session.describe(e);
        // Another request's flow finished meanwhile: its tokens may do; retry before asking again.
        if (session.flowsDone === seen) await session.authorize();
      }
    }
  };
}
