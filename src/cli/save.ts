/**
 * `call … --save FILE` and `prompt … --save FILE`: appends the call, its arguments and its result
 * (the snapshot) to a collection file (`core/collections`), creating it when missing. Secrets are
 * never written: arguments and snapshot are redacted as History does, env values of a command
 * line are kept by NAME only, credential headers and URL secrets are `<redacted>`; each such
 * redaction is said on stderr, since a call saved that way cannot be replayed as it was.
 *
 * Pure core: no `vscode` import.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { appendCall, normaliseResult, redactedArguments, type SavedCall, type SavedServer } from '../core/collections';
import type { ServerDefinition } from '../core/config/model';
import { redactArguments, REDACTED } from '../core/history';
import { isCredentialName, redactArgs, redactUrl } from '../core/secrets';
import { UsageError, type Io } from './io';
import type { OptionTable } from './options';

export const SAVE_OPTION = {
  save: { type: 'string', value: '<file>', help: 'append this call and its result (as the expected snapshot) to a collection file (*.mcp-tests.json) for `mcp-devtools test`' },
} as const satisfies OptionTable;

/** The server as a collection file names it; `notes` says what was not written. @param folder the collection file's folder */
export function savedServer(chosen: string | ServerDefinition, folder: string, io: Io): { server: SavedServer; notes: string[] } {
  if (typeof chosen === 'string') return { server: chosen, notes: [] };
  const t = chosen.transport;
  if (!t) throw new UsageError(`--save: server "${chosen.name}" has no transport`);
  const notes: string[] = [];
  if (t.kind === 'stdio') {
    const argv = [t.command.value, ...t.args.map((a) => a.value)];
    const shown = [t.command.value, ...redactArgs(argv.slice(1))];
    if (shown.some((a, i) => a !== argv[i])) notes.push('a command-line argument that looks like a credential is saved as <redacted>: edit the file to take it from the environment');
    const env = Object.keys(t.env);
    if (env.length) notes.push(`environment values are not saved, only their names: \`test\` takes ${env.join(', ')} from its own environment`);
    const cwd = path.relative(folder, t.cwd?.value ?? io.cwd).split(path.sep).join('/') || '.';
    return { server: { command: shown, ...(env.length && { env }), cwd }, notes };
  }
  const url = redactUrl(t.url.value);
  if (url !== t.url.value) notes.push('a secret in the URL is saved as <redacted>');
  const headers = Object.fromEntries(Object.entries(t.headers).map(([k, v]) => [k, isCredentialName(k) ? REDACTED : v.value]));
  if (Object.values(headers).includes(REDACTED)) notes.push('credential header values are saved as <redacted>: write "${env:NAME}" in their place to take them from the environment');
  return { server: { url, ...(Object.keys(headers).length && { headers }) }, notes };
}

/**
 * Appends the call to `file` (relative to `io.cwd`). `redact` is the server's redactor (its resolved secrets and token shapes).
 * @throws UsageError when the file cannot be read or written, or is not a collection file
 */
export async function saveCall(file: string, io: Io, c: { kind: 'tool' | 'prompt'; name: string; chosen: string | ServerDefinition; args: Record<string, unknown>; raw: unknown; redact: (t: string) => string }): Promise<void> {
  const target = path.resolve(io.cwd, file);
  let text: string | undefined;
  try {
    text = await readFile(target, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read --save file ${file}: ${(e as Error).message}`);
  }
  const { server, notes } = savedServer(c.chosen, path.dirname(target), io);
  const args = redactArguments(c.args, c.redact);
  const redacted = redactedArguments(args, REDACTED);
  if (redacted.length) notes.push(`argument ${redacted.join(', ')} looked like a secret and is saved as <redacted>: \`test\` will report this call as not replayable until you edit the value in`);
  const call: SavedCall = { kind: c.kind, name: c.name, server, arguments: args, expect: normaliseResult(c.raw, c.redact) };
  let next: string;
  try {
    next = appendCall(text, call);
  } catch (e) {
    throw new UsageError(`cannot add to --save file ${file}: ${(e as Error).message}`);
  }
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, next);
  } catch (e) {
    throw new UsageError(`cannot write --save file ${file}: ${(e as Error).message}`);
  }
  for (const n of notes) io.err(`mcp-devtools: --save: ${n}`);
  io.err(`mcp-devtools: saved ${c.kind} ${c.name} to ${file}`);
}
