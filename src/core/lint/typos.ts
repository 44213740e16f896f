/**
 * Unknown fields and what they were meant to be: the schema's `additionalProperties` errors, each
 * with a did-you-mean ("comand" → "command", "environment" → "env"). Shared by `unknown-field`,
 * which reports them, and by the rules that would otherwise report the consequence of a misspelt
 * field a second time elsewhere ("no transport" for a server whose "command" is spelt "comand"):
 * one problem, one finding, on the typo, with the rename fix.
 *
 * Pure core: no `vscode` import.
 */
import { ALL_URL_KEYS, CLIENTS, SERVER_MAP_KEYS } from '../clients';
import { schemaErrors } from './schemaErrors';
import { allowedKeys } from './schemas';
import { isObject, valueAt } from './servers';
import type { DocPath, LintContext, ServerEntry } from './types';
import { didYouMean } from './util';

/** An unknown field: its parent's path, its key, the keys allowed there and the one it most likely means. */
export interface UnknownField {
  /** Path of the object holding the field. */
  path: DocPath;
  prop: string;
  allowed: string[];
  /** The known field it resembles (or another client's word for), if any. */
  suggestion?: string;
  /** The parent object already has the suggested field (a rename would collide). */
  suggestionTaken: boolean;
}

/** Other clients' words for a field, mapped to the canonical one. */
const ALIASES: Record<string, string[]> = {
  env: ['environment', 'envs', 'env_vars', 'environmentVariables'],
  environment: ['env', 'envs', 'environmentVariables'],
  alwaysAllow: ['autoApprove', 'auto_approve'],
  args: ['arguments', 'argv', 'params'],
  headers: ['http_headers', 'header', 'requestHeaders'],
  http_headers: ['headers'],
  type: ['transportType', 'transport'],
  disabled: ['disable'],
  enabled: ['enable'],
  autoApprove: ['alwaysAllow', 'auto_approve'],
  cwd: ['workingDirectory', 'working_directory', 'workdir'],
};

const cache = new WeakMap<LintContext, UnknownField[]>();

/**
 * Every unknown field of the file, in schema order, except those other rules own: another client's
 * servers key at the top (`top-level-key`) and another client's URL key in a server (`transport`).
 * Computed once per context.
 */
export function unknownFields(ctx: LintContext): UnknownField[] {
  let out = cache.get(ctx);
  if (out) return out;
  out = [];
  for (const { error, path } of schemaErrors(ctx)) {
    if (error.keyword !== 'additionalProperties') continue;
    const prop = String((error.params as { additionalProperty: string }).additionalProperty);
    const atContainer = path.length === ctx.containerPath.length;
    if (atContainer && (SERVER_MAP_KEYS as readonly string[]).includes(prop)) continue; // top-level-key
    if (isServerPath(ctx, path) && (ALL_URL_KEYS as readonly string[]).includes(prop)) continue; // transport
    // "args" beside a command string where the client takes one array: value-type folds them together
    if (isServerPath(ctx, path) && prop === 'args' && CLIENTS[ctx.format.client].commandShape === 'array' && typeof (error.data as Record<string, unknown> | undefined)?.command === 'string') continue;
    const allowed = allowedKeys(error.parentSchema as Record<string, unknown> | undefined);
    const suggestion = Object.entries(ALIASES).find(([k, alts]) => allowed.includes(k) && alts.includes(prop))?.[0] ?? didYouMean(prop, allowed.filter((a) => a !== prop));
    const parent = error.data;
    out.push({ path, prop, allowed, suggestion, suggestionTaken: suggestion !== undefined && isObject(parent) && Object.prototype.hasOwnProperty.call(parent, suggestion) });
  }
  cache.set(ctx, out);
  return out;
}

/** True when `path` is a server object's own path (`[...container, serversKey, name]`). */
export function isServerPath(ctx: LintContext, path: DocPath): boolean {
  return path.length === ctx.containerPath.length + 2 && path[ctx.containerPath.length] === ctx.serversKey;
}

function samePath(a: DocPath, b: DocPath): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The misspelt fields of one server that stand for a field it lacks: suggestion → the key as written. */
export function serverTypos(ctx: LintContext, server: ServerEntry): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of unknownFields(ctx)) {
    if (u.suggestion && !u.suggestionTaken && samePath(u.path, server.path)) out.set(u.suggestion, u.prop);
  }
  return out;
}

/**
 * Whether a misspelt field stands for one whose absence breaks the object it is in, and why (for
 * the message), or `undefined`: the server's "command" or URL key when it has no transport, its
 * "args" when it has a command and no arguments, or a field the schema requires.
 */
export function brokenWithout(ctx: LintContext, u: UnknownField): string | undefined {
  if (!u.suggestion || u.suggestionTaken) return undefined;
  const parent = valueAt(ctx.data, u.path);
  if (!isObject(parent)) return undefined;
  const required = schemaErrors(ctx).some(({ error, path }) => error.keyword === 'required' && samePath(path, u.path) && (error.params as { missingProperty?: string }).missingProperty === u.suggestion);
  if (required) return `"${u.suggestion}" is required here`;
  if (!isServerPath(ctx, u.path)) return undefined;
  const urlKeys = CLIENTS[ctx.format.client].urlKeys.map((k) => k.key);
  const hasTransport = 'command' in parent || ALL_URL_KEYS.some((k) => k in parent);
  if (!hasTransport && (u.suggestion === 'command' || urlKeys.includes(u.suggestion))) return `the server has no "${u.suggestion}", so no transport`;
  if (u.suggestion === 'args' && 'command' in parent) return 'the command starts with no arguments';
  return undefined;
}
