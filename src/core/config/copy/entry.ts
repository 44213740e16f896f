/**
 * A server as another client writes it: the object to put in the target's file, built from the
 * normalized {@link ServerDefinition} and the target's dialect (its module in src/core/clients/:
 * `typeKeys`/`typeWords`, `urlKeys`, `headerPaths`, `timeouts`, `variables`, `writes`), with a
 * note for everything written differently or left out.
 *
 * Pure core: no `vscode` import.
 */
import { CLIENTS, transportOfWord, VARIABLE_WRITERS, type McpClient, type TimeoutKey } from '../../clients';
import type { ClientId, ClientOptions, InputDefinition, ServerDefinition, Transport } from '../model';
import type { CopyNotes } from './notes';
import { envNameOfId, parseReferences, rewriteReferences, soleReference, type ReferenceContext } from './references';

/** A server that cannot be written into the target at all (a remote server for Claude Desktop, no transport). */
export class CopyError extends Error {}

/** What is copied, and what its variables mean where it is now. */
export interface CopySource {
  def: ServerDefinition;
  /** The `inputs` of the file that defines it (VS Code), for the notes. */
  inputs?: readonly InputDefinition[];
  /** Absolute path `${workspaceFolder}` means for it. */
  workspaceFolder: string;
  /** The user's home folder. */
  home: string;
}

type Stdio = Extract<Transport, { kind: 'stdio' }>;
type Remote = Exclude<Transport, Stdio>;

const OPTION_WORDS: Record<'disabled' | 'autoApprove' | 'includeTools' | 'excludeTools' | 'trust', string> = {
  disabled: 'disabling a server', autoApprove: 'auto-approved tools', includeTools: 'a list of enabled tools', excludeTools: 'a list of disabled tools', trust: 'trusting a server\'s tools',
};

/**
 * The object of `src.def` in `to`'s dialect, e.g. `{type: "stdio", command, args, env}` or
 * Codex's `{command, args, env_vars, startup_timeout_sec}`. Notes go to `notes`.
 * @throws CopyError when the target cannot reach the server's transport from its file, or the
 *   server has none
 */
export function copiedEntry(src: CopySource, to: ClientId, notes: CopyNotes): Record<string, unknown> {
  const { def } = src;
  const target = CLIENTS[to];
  const t = def.transport;
  if (!t) throw new CopyError(`server "${def.name}" has no usable command or URL: fix it first (mcp-devtools lint shows why)`);
  const inputNames = new Map<string, string>();
  if (t.kind === 'stdio') {
    for (const [k, v] of Object.entries(t.env)) {
      const ref = v.value === null ? undefined : soleReference(v.value, CLIENTS[def.client].variables);
      if (ref?.kind === 'input' && !inputNames.has(ref.id)) inputNames.set(ref.id, k);
    }
  }
  const ctx: ReferenceContext = {
    from: CLIENTS[def.client].variables,
    to: target.variables,
    target: target.label,
    workspaceFolder: src.workspaceFolder,
    home: src.home,
    inputEnvName: (id) => inputNames.get(id) ?? envNameOfId(id),
    inputs: new Map((src.inputs ?? []).map((i) => [i.id, i.description])),
    notes,
  };
  const entry = t.kind === 'stdio' ? stdioEntry(t, target, ctx) : remoteEntry(t, target, ctx);
  writeOptions(def.options, entry, target, CLIENTS[def.client], notes);
  if (def.dev) notes.warn(`dev (watch and debug) is VS Code's own development mode: it was left out`);
  return entry;
}

function typeWordFor(client: McpClient, kind: Transport['kind']): string | undefined {
  return client.typeKeys.length ? client.typeWords?.find((w) => transportOfWord(w) === kind) : undefined;
}

/** The variable named by `value` when it is exactly one environment reference or VS Code input (said in a note). */
function passedVariable(value: string, where: string, ctx: ReferenceContext): string | undefined {
  const ref = soleReference(value, ctx.from);
  if (ref?.kind === 'env' && ref.fallback === undefined) return ref.name;
  if (ref?.kind !== 'input') return undefined;
  const name = ctx.inputEnvName(ref.id);
  const desc = ctx.inputs.get(ref.id);
  ctx.notes.info(`${where}: the VS Code input "${ref.id}"${desc ? ` (${desc})` : ''} became the environment variable ${name}: ${ctx.target} does not prompt for it, so set ${name} in the environment it starts from`);
  return name;
}

/** Whether `value` holds any reference the source expands. */
const hasReference = (value: string, ctx: ReferenceContext) => parseReferences(value, ctx.from).some((p) => typeof p !== 'string');

function stdioEntry(t: Stdio, target: McpClient, ctx: ReferenceContext): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  const word = typeWordFor(target, 'stdio');
  if (word) entry[target.typeKeys[0]] = word;
  const command = rewriteReferences(t.command.value, 'command', ctx);
  const args = t.args.map((a, i) => rewriteReferences(a.value, `args[${i}]`, ctx));
  // OpenCode: one array, the program then its arguments
  if (target.commandShape === 'array') entry.command = [command, ...args];
  else {
    entry.command = command;
    if (args.length) entry.args = args;
  }
  const byName = target.writes?.byName;
  const canRefer = !!VARIABLE_WRITERS[target.variables].env;
  const env: Record<string, string> = {};
  const passed: string[] = [];
  for (const [k, v] of Object.entries(t.env)) {
    const where = `env.${k}`;
    if (v.value === null) {
      ctx.notes.warn(`${where}: null (unset the variable) has no equivalent in ${target.label}: it was left out`);
      continue;
    }
    if (!canRefer && hasReference(v.value, ctx)) {
      const name = passedVariable(v.value, where, ctx);
      if (byName && name === k) passed.push(k);
      else if (byName && name) ctx.notes.warn(`${where}: ${target.label} expands no variables and passes variables through only under their own name (${byName.envVars}), so ${k} cannot be set from ${name}: it was left out; set ${k} in the environment ${target.label} starts from and add it to ${byName.envVars}`);
      else ctx.notes.warn(`${where}: ${target.label} expands no variables, so "${k}" (set from a variable) was left out: write its value there yourself`);
      continue;
    }
    env[k] = rewriteReferences(v.value, where, ctx);
  }
  for (const n of t.envVars ?? []) {
    if (byName) passed.push(n.value);
    else if (canRefer) {
      env[n.value] ??= VARIABLE_WRITERS[target.variables].env!(n.value);
      ctx.notes.info(`env_vars: ${n.value}, passed through by name in Codex, was written as env.${n.value} = ${env[n.value]}`);
    } else ctx.notes.warn(`env_vars: ${target.label} cannot pass the environment variable ${n.value} through: it was left out`);
  }
  if (Object.keys(env).length) entry[target.envKey ?? 'env'] = env;
  if (byName && passed.length) entry[byName.envVars] = [...new Set(passed)];
  for (const key of ['cwd', 'envFile'] as const) {
    const v = t[key];
    if (!v) continue;
    if (target.writes?.stdioKeys?.includes(key)) entry[key] = rewriteReferences(v.value, key, ctx);
    else ctx.notes.warn(`${key}: ${target.label} has no ${key === 'cwd' ? 'working directory setting' : 'environment file setting'}: "${v.value}" was left out`);
  }
  return entry;
}

/** The URL key and `type` word for a remote transport, and a warning when the target can only come close. */
function remoteKeys(kind: Remote['kind'], target: McpClient, ctx: ReferenceContext): { urlKey: string; word?: string } {
  if (!target.remote) throw new CopyError(`${target.label} cannot connect to a remote server from its config file: copy it to another client`);
  const word = typeWordFor(target, kind);
  const free = target.urlKeys.filter((u) => !u.fixed);
  if (word && free.length) return { urlKey: (free.find((u) => u.key === target.preferredUrlKey) ?? free[0]).key, word };
  const exact = target.urlKeys.find((u) => u.kind === kind);
  if (exact) return { urlKey: exact.key };
  const near = kind !== 'ws' ? target.urlKeys.find((u) => u.kind !== 'ws') : undefined;
  if (!near) throw new CopyError(`${target.label} cannot connect to a ${kind === 'ws' ? 'WebSocket' : kind.toUpperCase()} server: copy it to another client`);
  ctx.notes.warn(`type: ${target.label} has no way to say the server speaks ${kind === 'sse' ? 'SSE' : 'Streamable HTTP'}: it was written as ${near.key}, which ${target.label} reads as ${near.kind === 'sse' ? 'SSE' : 'Streamable HTTP'}`);
  return { urlKey: near.key };
}

function remoteEntry(t: Remote, target: McpClient, ctx: ReferenceContext): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  const { urlKey, word } = remoteKeys(t.kind, target, ctx);
  if (word) entry[target.typeKeys[0]] = word;
  entry[urlKey] = rewriteReferences(t.url.value, 'url', ctx);
  const byName = target.writes?.byName;
  const canRefer = !!VARIABLE_WRITERS[target.variables].env;
  const headers: Record<string, string> = {};
  const fromEnv: Record<string, string> = {};
  let bearer: string | undefined = t.bearerTokenEnvVar?.value;
  for (const [h, v] of Object.entries(t.headers)) {
    const where = `headers.${h}`;
    if (canRefer || !hasReference(v.value, ctx)) {
      headers[h] = rewriteReferences(v.value, where, ctx);
      continue;
    }
    const token = /^Bearer\s+(.*)$/i.exec(v.value);
    const name = passedVariable(token && h.toLowerCase() === 'authorization' ? token[1] : v.value, where, ctx);
    if (byName && name && token && h.toLowerCase() === 'authorization') bearer = name;
    else if (byName && name && !token) fromEnv[h] = name;
    else ctx.notes.warn(`${where}: ${target.label} expands no variables, so this header (set from a variable) was left out: add it there yourself`);
  }
  for (const [h, v] of Object.entries(t.envHeaders ?? {})) {
    if (byName) fromEnv[h] = v.value;
    else if (canRefer) headers[h] = VARIABLE_WRITERS[target.variables].env!(v.value);
    else ctx.notes.warn(`env_http_headers.${h}: ${target.label} cannot set a header from a variable: it was left out`);
  }
  if (bearer && !byName) {
    if (canRefer) headers.Authorization = `Bearer ${VARIABLE_WRITERS[target.variables].env!(bearer)}`;
    else ctx.notes.warn(`bearer_token_env_var: ${target.label} cannot send a token from a variable: it was left out`);
    bearer = undefined;
  }
  const headerPath = target.headerPaths[0];
  if (Object.keys(headers).length) {
    if (!headerPath) ctx.notes.warn(`headers: ${target.label} has no place for HTTP headers: ${Object.keys(headers).join(', ')} left out`);
    else setIn(entry, headerPath, headers);
  }
  if (byName && bearer) entry[byName.bearerToken] = bearer;
  if (byName && Object.keys(fromEnv).length) entry[byName.envHeaders] = fromEnv;
  if (t.auth) ctx.notes.warn(`OAuth settings (${Object.keys(t.auth).join(', ')}) are written differently by every client and were not copied: sign in from ${target.label}, or add them by hand`);
  return entry;
}

function writeOptions(options: ClientOptions, entry: Record<string, unknown>, target: McpClient, source: McpClient, notes: CopyNotes): void {
  for (const opt of ['disabled', 'autoApprove', 'includeTools', 'excludeTools', 'trust'] as const) {
    const value = options[opt];
    if (value === undefined) continue;
    const key = target.writes?.options?.[opt];
    if (!key) notes.warn(`${opt}: ${target.label} has no setting for ${OPTION_WORDS[opt]}: it was left out`);
    else entry[key] = opt === 'disabled' && key === 'enabled' ? !value : value;
  }
  for (const opt of ['startupTimeoutMs', 'requestTimeoutMs'] as const) {
    const ms = options[opt];
    if (ms === undefined) continue;
    const what = opt === 'startupTimeoutMs' ? 'startup timeout' : 'request timeout';
    const tk: TimeoutKey | undefined = target.timeouts.find((x) => x.option === opt && !x.key.endsWith('_ms')) ?? target.timeouts.find((x) => x.option === opt);
    if (!tk) {
      notes.warn(`${what}: ${target.label} has no ${what} setting: ${ms} ms was left out`);
      continue;
    }
    let value = tk.unit === 's' ? ms / 1000 : ms;
    if (!Number.isInteger(value)) {
      value = Math.max(1, Math.round(value));
      notes.info(`${tk.key}: ${ms} ms rounded to ${value} s`);
    }
    const from = source.timeouts.find((x) => x.option === opt);
    if (from && from.unit !== tk.unit) notes.info(`${tk.key}: the ${what} was converted from ${from.unit === 's' ? 'seconds' : 'milliseconds'} to ${tk.unit === 's' ? 'seconds' : 'milliseconds'} (${value})`);
    entry[tk.key] = value;
  }
}

function setIn(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = target;
  keys.slice(0, -1).forEach((k) => (at = (at[k] ??= {}) as Record<string, unknown>));
  at[keys[keys.length - 1]] = value;
}
