/**
 * Variable resolution in server definitions, one dialect per client (its module's `variables`,
 * src/core/clients/), through an injectable {@link VariableResolver}. Values are resolved when a server starts, never stored in the model.
 *
 * Dialects (from each client's documentation):
 * - VS Code (`mcp.json`): `${env:NAME}`, `${workspaceFolder}`, `${workspaceFolderBasename}`,
 *   `${userHome}`, `${pathSeparator}` / `${/}`, `${input:id}` (asked once; the VS Code side keeps
 *   it in SecretStorage). Unknown variables are left as written; a missing env var is `""`.
 * - Cursor: as VS Code, without `${input:…}`.
 * - Windsurf: `${env:NAME}`.
 * - Claude Code (`.mcp.json`): `${VAR}` and `${VAR:-default}`; a missing variable without a
 *   default is an error, as Claude Code reports it.
 * - Gemini CLI: `$VAR` and `${VAR}`; a missing variable is left as written.
 * - Continue: `${{ secrets.NAME }}` / `${{ inputs.NAME }}`, answered by the input callback.
 * - Kiro, GitHub Copilot CLI: `${VAR}`; a missing variable is left as written.
 * - Roo Code: `${env:NAME}` and `${workspaceFolder}` (resolved as Cursor's).
 * - OpenCode: `{env:NAME}` (a missing one is `""`, as OpenCode does); `{file:path}` is left as
 *   written (not read here).
 * - Claude Desktop, Cline, Codex, Zed: no interpolation.
 *
 * Pure core: no `vscode` import.
 */
import * as path from 'node:path';
import { CLIENTS, type VariableSyntax } from '../clients';
import type { ClientId, ServerDefinition } from '../config/model';

/** What variables may refer to. Built once per workspace by the caller (extension or CLI). */
export interface VariableContext {
  /** The environment `${env:…}` reads, usually `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The workspace folder a server's config belongs to (absolute path): one folder, or a function
   * of the server for multi-root workspaces. Also the default `cwd` of stdio servers.
   */
  workspaceFolder?: string | ((server: ServerDefinition) => string | undefined);
  /** Absolute path of the user's home directory. */
  userHome: string;
  /**
   * Answers `${input:id}` (and Continue's `${{ secrets.X }}`) for `server`: the VS Code side finds
   * the `inputs` entry of the server's file, asks the user once (masked when `password`) and keeps
   * the answer in SecretStorage. Returns `undefined` when the user cancels; may throw a
   * {@link VariableError} saying why no answer is possible. Every answer is treated as a secret.
   */
  input?: (id: string, server: ServerDefinition) => Promise<string | undefined>;
}

/** A {@link VariableContext} bound to one server: what a {@link VariableResolver} sees. */
export interface BoundVariableContext {
  env: Readonly<Record<string, string | undefined>>;
  workspaceFolder?: string;
  userHome: string;
  input?: (id: string) => Promise<string | undefined>;
}

/** Binds a context to one server (its workspace folder, its inputs). */
export function bindContext(ctx: VariableContext, server: ServerDefinition): BoundVariableContext {
  const input = ctx.input;
  return {
    env: ctx.env,
    userHome: ctx.userHome,
    workspaceFolder: typeof ctx.workspaceFolder === 'function' ? ctx.workspaceFolder(server) : ctx.workspaceFolder,
    input: input && ((id) => input(id, server)),
  };
}

/** A variable that could not be resolved: the server is not started. */
export class VariableError extends Error {}

/** Resolves the variables of one string. `secrets` collects values that must be redacted. */
export interface VariableResolver {
  resolve(text: string, ctx: BoundVariableContext, secrets: Set<string>): Promise<string>;
}

type Lookup = (name: string, ctx: BoundVariableContext, secrets: Set<string>, whole: string) => Promise<string | undefined> | string | undefined;

/** A resolver from one regular expression whose first group is the variable's name. */
function patternResolver(re: RegExp, lookup: Lookup): VariableResolver {
  return {
    async resolve(text, ctx, secrets) {
      if (!text.includes('$')) return text;
      let out = '';
      let last = 0;
      for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
        const value = await lookup(m[1], ctx, secrets, m[0]);
        out += text.slice(last, m.index) + (value ?? m[0]);
        last = (m.index ?? 0) + m[0].length;
      }
      return out + text.slice(last);
    },
  };
}

async function askInput(id: string, ctx: BoundVariableContext, secrets: Set<string>, whole: string): Promise<string> {
  if (!ctx.input) throw new VariableError(`${whole} needs an answer, and nothing here can ask for one`);
  const value = await ctx.input(id);
  if (value === undefined) throw new VariableError(`${whole} was not answered, so the server was not started`);
  secrets.add(value);
  return value;
}

function vscodeLike(withInputs: boolean): VariableResolver {
  return patternResolver(/\$\{([^}]+)\}/, (name, ctx, secrets, whole) => {
    if (name.startsWith('env:')) return ctx.env[name.slice(4)] ?? '';
    if (name === 'workspaceFolder') return ctx.workspaceFolder;
    if (name === 'workspaceFolderBasename') return ctx.workspaceFolder && path.basename(ctx.workspaceFolder);
    if (name === 'userHome') return ctx.userHome;
    if (name === 'pathSeparator' || name === '/') return path.sep;
    if (withInputs && name.startsWith('input:')) return askInput(name.slice(6), ctx, secrets, whole);
    return undefined;
  });
}

const claudeCodeResolver = patternResolver(/\$\{([A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?)\}/, (expr, ctx, _s, whole) => {
  const sep = expr.indexOf(':-');
  const name = sep < 0 ? expr : expr.slice(0, sep);
  const value = ctx.env[name];
  if (value !== undefined && value !== '') return value;
  if (sep >= 0) return expr.slice(sep + 2);
  throw new VariableError(`environment variable ${name} is not set (used as ${whole}); set it, or write \${${name}:-default}`);
});

const geminiBraced = patternResolver(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/, (name, ctx) => ctx.env[name]);
const geminiResolver: VariableResolver = {
  // `$VAR` is read as `${VAR}`; a missing variable stays as written (in its braced form).
  resolve: (text, ctx, secrets) => geminiBraced.resolve(text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '$${$1}'), ctx, secrets),
};

const continueResolver = patternResolver(/\$\{\{\s*((?:secrets|inputs)\.[A-Za-z0-9_.-]+)\s*\}\}/, (name, ctx, secrets, whole) => askInput(name, ctx, secrets, whole));

const literal: VariableResolver = { resolve: async (text) => text };

const opencodeResolver: VariableResolver = {
  resolve: async (text, ctx) => text.replace(/\{env:([^}]+)\}/g, (_m, name: string) => ctx.env[name] ?? ''),
};

const windsurf = patternResolver(/\$\{env:([^}]+)\}/, (name, ctx) => ctx.env[name] ?? '');

/** The resolver of each variable dialect (the client modules' `variables`, src/core/clients/). */
const BY_SYNTAX: Record<VariableSyntax, VariableResolver> = {
  vscode: vscodeLike(true),
  // Cursor: as VS Code, without `${input:…}`
  'env-colon': vscodeLike(false),
  'shell-braces': claudeCodeResolver,
  shell: geminiResolver,
  continue: continueResolver,
  braces: geminiBraced,
  opencode: opencodeResolver,
  none: literal,
};

/** Clients that expand less than their dialect: Windsurf documents `${env:NAME}` only. */
const BY_CLIENT: Partial<Record<ClientId, VariableResolver>> = { windsurf };

/** The resolver for a client's dialect (see the module comment). */
export function resolverFor(client: ClientId): VariableResolver {
  return BY_CLIENT[client] ?? BY_SYNTAX[CLIENTS[client].variables];
}
