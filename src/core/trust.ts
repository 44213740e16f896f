/**
 * What a user agrees to when trusting a server from a workspace file: exactly what runs or where it
 * connects. The fingerprint changes when any of it changes, so a changed server asks again.
 *
 * Pure core: no `vscode` import.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ServerDefinition } from './config/model';
import { isCredentialName, redactArgs, Redactor, REDACTED, redactUrl } from './secrets';
import { bindContext, resolverFor, type VariableContext } from './connection/variables';

/**
 * A SHA-256 hex fingerprint of a server's launch as written in its file (variables unresolved):
 * file, name, command, args, cwd, envFile, env names and values, `env_vars`; or URL, header names
 * and values, bearer/env header variable names. The values of credential-named env variables and
 * headers ({@link isCredentialName}) are left out, so a secret never enters it and rotating one
 * does not ask again.
 *
 * Why as written and not resolved: the workspace's author controls only the text of the file, and
 * any change to it changes the fingerprint; what the variables resolve to comes from the user's
 * side (their environment, home, the folder the file is in, the inputs they type), so a change
 * there is theirs and does not ask again, and no resolved secret ends up hashed in global state.
 */
export function trustFingerprint(def: ServerDefinition): string {
  const t = def.transport;
  const shown = (entries: Record<string, { value: string | null }>) => Object.entries(entries).map(([k, v]) => [k, isCredentialName(k) ? null : v.value]).sort(([a], [b]) => String(a).localeCompare(String(b)));
  const what = !t
    ? { none: true }
    : t.kind === 'stdio'
      ? { kind: t.kind, command: t.command.value, args: t.args.map((a) => a.value), env: shown(t.env), cwd: t.cwd?.value, envFile: t.envFile?.value, envVars: t.envVars?.map((v) => v.value) }
      : { kind: t.kind, url: t.url.value, headers: shown(t.headers), bearer: t.bearerTokenEnvVar?.value, envHeaders: t.envHeaders && Object.entries(t.envHeaders).map(([k, v]) => [k, v.value]).sort() };
  return createHash('sha256').update(JSON.stringify({ file: def.file, name: def.name, ...what })).digest('hex');
}

/**
 * The launch as the trust dialog shows it: the command line (or transport and URL) with every
 * variable resolved as it will be at launch (`${workspaceFolder}`, `${userHome}`, `${env:…}`, each
 * client's dialect), then the folder it runs in, its env and env file (or its headers).
 *
 * Never shown: the answers to `${input:…}` (not asked yet: masked), values of credential-named env
 * variables, headers and `${env:…}` references ({@link isCredentialName}), and credential-shaped
 * text anywhere ({@link Redactor}), values of credential-named options in the command line and a
 * URL's userinfo (`redactArgs`, `redactUrl`); each is shown as {@link REDACTED}. A variable that cannot be
 * resolved stays as written. Nothing is asked and no file is read.
 *
 * @param ctx the variables the server will start with (its `input` is never called)
 * @returns lines of text, e.g. `node /ws/../tools/server.js --port 3000\nin /ws\nenv: DEBUG=1, API_TOKEN=<redacted>`
 */
export async function trustSummary(def: ServerDefinition, ctx: VariableContext): Promise<string> {
  const t = def.transport;
  if (!t) return '(no command or URL)';
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(ctx.env)) env[k] = v && isCredentialName(k) ? REDACTED : v;
  const bound = { ...bindContext({ ...ctx, env, input: undefined }, def), input: async () => REDACTED };
  const resolver = resolverFor(def.client);
  const redactor = new Redactor();
  const resolve = async (text: string) => {
    try {
      return redactor.redact(await resolver.resolve(text, bound, new Set()));
    } catch {
      return redactor.redact(text);
    }
  };
  const values = async (entries: Record<string, { value: string | null }>, sep: string) => {
    const out: string[] = [];
    for (const [k, v] of Object.entries(entries)) out.push(v.value === null ? `${k} (unset)` : `${k}${sep}${isCredentialName(k) ? REDACTED : await resolve(v.value)}`);
    return out;
  };
  const lines: string[] = [];
  const base = bound.workspaceFolder ?? path.dirname(def.file);
  if (t.kind === 'stdio') {
    const args: string[] = [];
    for (const a of t.args) args.push(await resolve(a.value));
    lines.push([await resolve(t.command.value), ...redactArgs(args)].map(quote).join(' '));
    const cwd = t.cwd ? path.resolve(base, await resolve(t.cwd.value)) : bound.workspaceFolder;
    if (cwd) lines.push(`in ${cwd}`);
    const vars = await values(t.env, '=');
    if (vars.length) lines.push(`env: ${vars.join(', ')}`);
    if (t.envVars?.length) lines.push(`env passed through: ${t.envVars.map((v) => v.value).join(', ')}`);
    if (t.envFile) lines.push(`env file: ${path.resolve(base, await resolve(t.envFile.value))} (read at start, values not shown)`);
    return lines.join('\n');
  }
  lines.push(`${t.kind.toUpperCase()} ${redactUrl(await resolve(t.url.value))}`);
  const headers = await values(t.headers, ': ');
  if (t.bearerTokenEnvVar) headers.push(`Authorization: Bearer ${REDACTED} (from $${t.bearerTokenEnvVar.value})`);
  for (const [k, v] of Object.entries(t.envHeaders ?? {})) headers.push(`${k}: ${REDACTED} (from $${v.value})`);
  if (headers.length) lines.push(`headers: ${headers.join(', ')}`);
  return lines.join('\n');
}

/** A command-line word as a shell user would read it: quoted when it holds spaces or quotes. */
function quote(word: string): string {
  return /[\s"']/.test(word) ? JSON.stringify(word) : word;
}
