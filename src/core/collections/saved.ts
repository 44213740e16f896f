/**
 * A call made (on the command line or in VS Code) as a saved call: its server as a collection
 * file names it, its arguments and its result snapshot, with every secret left out. What was left
 * out is returned as notes for the user, since a call saved with a redacted value cannot be
 * replayed as it was.
 *
 * Pure core: no `vscode` import.
 */
import * as path from 'node:path';
import { adHocDefinition } from '../config/adHoc';
import type { ServerDefinition } from '../config/model';
import { redactArguments, REDACTED } from '../history';
import { isCredentialName, redactArgs, redactUrl } from '../secrets';
import { normaliseResult, redactedArguments } from './compare';
import type { SavedCall, SavedServer } from './format';

/**
 * The server as a collection file names it: a configured server by its name; a server with no
 * config file (`definition.adHoc`) by its URL (secrets in it and credential header values as
 * `<redacted>`) or its command line (credential-looking arguments `<redacted>`, env by NAME only,
 * `cwd` relative to the collection file's folder).
 * @param folder absolute: the collection file's folder
 * @param cwd absolute: where a command line without its own cwd ran
 */
export function savedServer(server: ServerDefinition, folder: string, cwd: string): { server: SavedServer; notes: string[] } {
  const t = server.transport;
  if (!server.adHoc || !t) return { server: server.name, notes: [] };
  const notes: string[] = [];
  if (t.kind === 'stdio') {
    const argv = [t.command.value, ...t.args.map((a) => a.value)];
    const shown = [t.command.value, ...redactArgs(argv.slice(1))];
    if (shown.some((a, i) => a !== argv[i])) notes.push('a command-line argument that looks like a credential is saved as <redacted>: edit the file to give it');
    const env = Object.keys(t.env);
    if (env.length) notes.push(`environment values are not saved, only their names: \`test\` takes ${env.join(', ')} from its own environment`);
    const dir = path.relative(folder, t.cwd?.value ?? cwd).split(path.sep).join('/') || '.';
    return { server: { command: shown, ...(env.length && { env }), cwd: dir }, notes };
  }
  const url = redactUrl(t.url.value);
  if (url !== t.url.value) notes.push('a secret in the URL is saved as <redacted>');
  const headers = Object.fromEntries(Object.entries(t.headers).map(([k, v]) => [k, isCredentialName(k) ? REDACTED : v.value]));
  if (Object.values(headers).includes(REDACTED)) notes.push('credential header values are saved as <redacted>: write "${env:NAME}" in their place to take them from the environment');
  return { server: { url, ...(Object.keys(headers).length && { headers }) }, notes };
}

/** What {@link savedCallOf} needs: the call made and what came back. */
export interface MadeCall {
  kind: 'tool' | 'prompt';
  name: string;
  server: ServerDefinition;
  arguments: Record<string, unknown>;
  /** The raw result (`tools/call` or `prompts/get`). */
  raw: unknown;
  /** The server's redactor (its resolved secrets, token shapes). */
  redact: (text: string) => string;
}

/**
 * The saved call of `made`, and notes on what was left out (say them to the user).
 * @param folder absolute: the collection file's folder; @param cwd absolute: where the server ran
 */
export function savedCallOf(made: MadeCall, folder: string, cwd: string): { call: SavedCall; notes: string[] } {
  const { server, notes } = savedServer(made.server, folder, cwd);
  const args = redactArguments(made.arguments, made.redact);
  const redacted = redactedArguments(args, REDACTED);
  if (redacted.length) notes.push(`argument ${redacted.join(', ')} looked like a secret and is saved as <redacted>: \`test\` will report this call as not replayable until you write the value in`);
  return { call: { kind: made.kind, name: made.name, server, arguments: args, expect: normaliseResult(made.raw, made.redact) }, notes };
}

/**
 * The server a saved URL or command line stands for, as a server with no config file
 * (`core/config/adHoc.ts`): env by NAME, each value taken from `env` (a name `env` lacks is left
 * out), a relative `cwd` from `folder`. Used by `mcp-devtools test` and the Testing view alike.
 * @param folder absolute: the collection file's folder
 * @param env where the values of the saved env names come from (`process.env`)
 * @throws AdHocError for a URL that is not http(s)/ws(s), or an empty command
 */
export function savedServerDefinition(s: Exclude<SavedServer, string>, folder: string, env: Record<string, string | undefined>): ServerDefinition {
  if ('url' in s) return adHocDefinition({ kind: 'url', url: s.url, headers: s.headers }, folder);
  const values = Object.fromEntries((s.env ?? []).filter((n) => env[n] !== undefined).map((n) => [n, env[n] as string]));
  return adHocDefinition({ kind: 'command', argv: s.command, env: values, cwd: s.cwd }, folder);
}
