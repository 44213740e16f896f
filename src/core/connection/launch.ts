/**
 * From a {@link ServerDefinition} (variables unresolved, source ranges kept) to a {@link Launch}:
 * exactly what runs or where to connect, with every variable resolved, the `envFile` read and the
 * secrets collected for redaction.
 *
 * Pure core: no `vscode` import.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import type { AuthSettings } from '../auth/types';
import type { AuthConfig, ServerDefinition } from '../config/model';
import { credentialArgValues, isCredentialName, redactArgs, redactUrl, urlSecrets } from '../secrets';
import { bindContext, resolverFor, VariableError, type VariableContext, type VariableResolver } from './variables';

/** What to run (stdio) or where to connect (http, sse, ws). A tagged union on `kind`. */
export type Launch =
  | {
      kind: 'stdio';
      command: string;
      args: string[];
      /** Absolute, when set. */
      cwd?: string;
      /** Only what the config adds (envFile, then `env`); `null` unsets an inherited variable. */
      env: Record<string, string | null>;
    }
  | {
      kind: 'http' | 'sse' | 'ws';
      url: string;
      headers: Record<string, string>;
      /** OAuth settings from the config, resolved. */
      auth?: AuthSettings;
    };

export interface ResolvedLaunch {
  launch: Launch;
  /** Values that must never be shown: inputs, env values, credential header values. */
  secrets: string[];
}

/**
 * The values of a definition that are secret before any variable is resolved: its literal `env`
 * values and credential argument values (stdio), or the values of its credential-named headers and
 * the secrets of its URL (remote). Values holding a `${…}`
 * variable are left out: their resolved value is collected by {@link resolveLaunch}.
 */
export function literalSecrets(def: ServerDefinition): string[] {
  const t = def.transport;
  const literal = t?.kind === 'stdio'
    ? [...Object.values(t.env).map((v) => v.value), ...credentialArgValues(t.args.map((a) => a.value))]
    : [...Object.entries(t?.headers ?? {}).filter(([k]) => isCredentialName(k)).map(([, v]) => v.value), ...(t ? urlSecrets(t.url.value) : [])];
  return literal.filter((v): v is string => typeof v === 'string' && !v.includes('${'));
}

/**
 * Resolves a definition's variables and reads its `envFile`.
 *
 * Relative `cwd` and `envFile` paths are taken from `ctx.workspaceFolder`, else from the folder of
 * the config file (VS Code resolves them against the workspace folder). A remote server's headers
 * are its written headers, then Codex's `env_http_headers` and `bearer_token_env_var` read from
 * `context.env`.
 *
 * @throws VariableError when a variable cannot be resolved, an input is not answered, the
 *   definition has no transport, the envFile cannot be read, or a `bearer_token_env_var` is unset.
 */
export async function resolveLaunch(def: ServerDefinition, context: VariableContext, resolver: VariableResolver = resolverFor(def.client)): Promise<ResolvedLaunch> {
  const t = def.transport;
  const ctx = bindContext(context, def);
  if (!t) throw new VariableError(`server "${def.name}" names no transport: give it a "command" or a "url"`);
  const secrets = new Set<string>();
  const r = (s: string) => resolver.resolve(s, ctx, secrets);
  const base = ctx.workspaceFolder ?? path.dirname(def.file);
  if (t.kind === 'stdio') {
    const env: Record<string, string | null> = {};
    if (t.envFile) {
      const file = path.resolve(base, await r(t.envFile.value));
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        throw new VariableError(`cannot read envFile ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      for (const [k, v] of Object.entries(parseEnv(text))) {
        if (v === undefined) continue;
        env[k] = v;
        secrets.add(v);
      }
    }
    for (const [k, v] of Object.entries(t.env)) {
      if (v.value === null) {
        env[k] = null;
        continue;
      }
      const value = await r(v.value);
      env[k] = value;
      secrets.add(value);
    }
    const cwd = t.cwd ? path.resolve(base, await r(t.cwd.value)) : ctx.workspaceFolder;
    const launch: Launch = { kind: 'stdio', command: await r(t.command.value), args: [], cwd, env };
    for (const a of t.args) launch.args.push(await r(a.value));
    for (const v of credentialArgValues(launch.args)) secrets.add(v);
    return { launch, secrets: [...secrets] };
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.headers)) {
    const before = secrets.size;
    headers[k] = await r(v.value);
    if (isCredentialName(k) || secrets.size > before) {
      secrets.add(headers[k]);
      // `Bearer abc`: the token alone may also appear in a server's messages.
      const token = /^\S+\s+(\S{4,})$/.exec(headers[k]);
      if (token) secrets.add(token[1]);
    }
  }
  // Codex passes secrets by name (it expands no variables): `env_http_headers` maps a header to
  // the variable holding its value (skipped when unset or blank, as Codex does), and
  // `bearer_token_env_var` names the variable sent as `Authorization: Bearer …` (required).
  for (const [k, v] of Object.entries(t.envHeaders ?? {})) {
    const value = ctx.env[v.value];
    if (value === undefined || !value.trim()) continue;
    headers[k] = value;
    secrets.add(value);
  }
  if (t.bearerTokenEnvVar) {
    const name = t.bearerTokenEnvVar.value;
    const token = ctx.env[name];
    if (token === undefined || !token.trim()) {
      throw new VariableError(`environment variable ${name} is ${token === undefined ? 'not set' : 'empty'}: server "${def.name}" sends it as its bearer token (bearer_token_env_var); set it, or remove bearer_token_env_var`);
    }
    for (const k of Object.keys(headers)) if (/^authorization$/i.test(k)) delete headers[k];
    headers.Authorization = `Bearer ${token}`;
    secrets.add(token);
    secrets.add(headers.Authorization);
  }
  const url = await r(t.url.value);
  for (const v of urlSecrets(url)) secrets.add(v);
  const auth = t.auth ? await resolveAuth(t.auth, r, secrets) : undefined;
  return { launch: { kind: t.kind, url, headers, ...(auth && { auth }) }, secrets: [...secrets] };
}

/** A config's OAuth settings with variables resolved; the client secret joins the secrets. */
async function resolveAuth(a: AuthConfig, r: (s: string) => Promise<string>, secrets: Set<string>): Promise<AuthSettings> {
  const out: AuthSettings = {};
  if (a.clientId) out.clientId = await r(a.clientId.value);
  if (a.clientSecret) {
    out.clientSecret = await r(a.clientSecret.value);
    secrets.add(out.clientSecret);
  }
  if (a.scopes) out.scopes = await Promise.all(a.scopes.map((s) => r(s.value)));
  if (a.callbackPort) out.callbackPort = a.callbackPort.value;
  if (a.redirectUri) out.redirectUri = await r(a.redirectUri.value);
  if (a.enabled) out.enabled = a.enabled.value;
  for (const k of ['authServerMetadataUrl', 'authorizationUrl', 'tokenUrl', 'registrationUrl'] as const) {
    const v = a[k];
    if (v) out[k] = await r(v.value);
  }
  if (a.audiences) out.audiences = await Promise.all(a.audiences.map((s) => r(s.value)));
  return out;
}

/**
 * The environment a stdio server gets: `base` (normally the full `process.env`, as VS Code and
 * Claude Code pass it), then the config's additions; `null` removes a variable.
 */
export function mergeEnv(base: Readonly<Record<string, string | undefined>>, add: Readonly<Record<string, string | null>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  for (const [k, v] of Object.entries(add)) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The command line or URL of a launch, for messages (no env, no headers; secrets redacted as in `core/secrets` `redactArgs`, `redactUrl`). */
export function launchSummary(l: Launch): string {
  if (l.kind === 'stdio') return [l.command, ...redactArgs(l.args)].map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ');
  return redactUrl(l.url);
}
