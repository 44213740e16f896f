/**
 * What a user agrees to when trusting a server from a workspace file: exactly what runs or where it
 * connects. The fingerprint changes when any of it changes, so a changed server asks again.
 *
 * Pure core: no `vscode` import.
 */
import { createHash } from 'node:crypto';
import type { ServerDefinition } from './config/model';
import { redactCredentials } from './secrets';

/**
 * A SHA-256 hex fingerprint of a server's launch as written (variables unresolved): command, args,
 * env variable names (not values), cwd and envFile for stdio; URL and header names for remote
 * servers, and Codex's `bearer_token_env_var` and `env_http_headers` (header and variable names).
 * Secrets never enter it: env values and header values are left out. Fields a server does not set
 * are left out of the hash, so its fingerprint (and the user's answer) survives new fields.
 */
export function trustFingerprint(def: ServerDefinition): string {
  const t = def.transport;
  const what = !t
    ? { none: true }
    : t.kind === 'stdio'
      ? { kind: t.kind, command: t.command.value, args: t.args.map((a) => a.value), env: Object.keys(t.env).sort(), cwd: t.cwd?.value, envFile: t.envFile?.value }
      : {
          kind: t.kind, url: t.url.value, headers: Object.keys(t.headers).sort(),
          bearerTokenEnvVar: t.bearerTokenEnvVar?.value,
          envHeaders: t.envHeaders && Object.entries(t.envHeaders).map(([k, v]) => `${k}=${v.value}`).sort(),
        };
  return createHash('sha256').update(JSON.stringify({ file: def.file, name: def.name, ...what })).digest('hex');
}

/**
 * The launch as a user should see it before trusting it: the command line (or URL) and env names.
 * Credential-shaped text in it (a token hard-coded in `args`, a URL password) shows as the
 * redaction marker: the prompt is on screen, and nothing prints a secret.
 */
export function trustSummary(def: ServerDefinition): string {
  return redactCredentials(describeLaunch(def));
}

function describeLaunch(def: ServerDefinition): string {
  const t = def.transport;
  if (!t) return '(no command or URL)';
  if (t.kind === 'stdio') {
    const line = [t.command.value, ...t.args.map((a) => a.value)].map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ');
    const env = Object.keys(t.env);
    return `${line}${t.cwd ? `\n(in ${t.cwd.value})` : ''}${env.length ? `\n(env: ${env.join(', ')})` : ''}`;
  }
  const headers = [...Object.keys(t.headers), ...Object.keys(t.envHeaders ?? {})];
  const bearer = t.bearerTokenEnvVar ? `\n(bearer token from ${t.bearerTokenEnvVar.value})` : '';
  return `${t.kind.toUpperCase()} ${t.url.value}${headers.length ? `\n(headers: ${headers.join(', ')})` : ''}${bearer}`;
}
