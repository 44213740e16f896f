/**
 * The normalized model of MCP server configuration, shared by every client's format.
 *
 * A reader (one per client format) turns a config file's text into a {@link ConfigFile}: the
 * servers it defines, each field keeping the source {@link Range} it came from so the editor can
 * point at it and the linter can report exact positions. Variables (`${input:x}`, `${env:X}`, …)
 * are kept unresolved here; resolving them is the connection layer's job.
 *
 * Pure core: no `vscode` import.
 */

/** A zero-based position in a text file (`character` counts UTF-16 code units, like VS Code). */
export interface Position {
  line: number;
  character: number;
}

/** A source range: zero-based positions plus the absolute offset and length in the text. */
export interface Range {
  start: Position;
  end: Position;
  offset: number;
  length: number;
}

/** The MCP clients whose config files we read: one module each in src/core/clients/. */
export type ClientId =
  | 'vscode'
  | 'claude-desktop'
  | 'claude-code'
  | 'cursor'
  | 'windsurf'
  | 'cline'
  | 'gemini'
  | 'codex'
  | 'continue'
  | 'kiro'
  | 'zed'
  | 'copilot-cli'
  | 'roo'
  | 'opencode';

/** Human-readable client names, for views and CLI output (each client's module says its own). */
export { CLIENT_LABELS } from '../clients';
import { redactArgs, redactCredentials, redactUrl } from '../secrets';

/** Where a config file applies: the open workspace, or every workspace of the user. */
export type Scope = 'workspace' | 'user';

/** A value together with where it was written. `range` is absent for values implied by defaults. */
export interface Located<T> {
  value: T;
  range?: Range;
}

/**
 * How a server is reached. A tagged union on `kind`:
 * - `stdio`: a local process speaking JSON-RPC over stdin/stdout;
 * - `http`: Streamable HTTP (spec 2025-03-26+), with fallback to legacy SSE as VS Code does;
 * - `sse`: the legacy HTTP+SSE transport (spec 2024-11-05);
 * - `ws`: WebSocket (not a spec transport, offered by some servers and gateways).
 */
export type Transport =
  | {
      kind: 'stdio';
      command: Located<string>;
      args: Located<string>[];
      cwd?: Located<string>;
      env: Record<string, Located<string | null>>;
      envFile?: Located<string>;
      /** Codex `env_vars`: names of variables passed through from the client's environment. */
      envVars?: Located<string>[];
    }
  | {
      kind: 'http' | 'sse' | 'ws';
      url: Located<string>;
      headers: Record<string, Located<string>>;
      /** Codex `bearer_token_env_var`: the variable whose value is sent as `Authorization: Bearer …`. */
      bearerTokenEnvVar?: Located<string>;
      /** Codex `env_http_headers`: header name → name of the variable holding its value. */
      envHeaders?: Record<string, Located<string>>;
      /** OAuth settings, whichever client's keys wrote them (see {@link AuthConfig}). */
      auth?: AuthConfig;
    };

/**
 * A remote server's OAuth settings as written (values unresolved). Read from VS Code
 * `oauth.clientId`; Gemini CLI `oauth {enabled, clientId, clientSecret, scopes, redirectUri,
 * authorizationUrl, tokenUrl, registrationUrl, audiences, tokenParamName}`; Cursor `auth
 * {CLIENT_ID, CLIENT_SECRET, scopes}`; Claude Code `oauth {clientId, callbackPort, scopes,
 * authServerMetadataUrl}`; Codex `scopes`. The connection layer resolves them into `core/auth`'s `AuthSettings`.
 */
export interface AuthConfig {
  clientId?: Located<string>;
  clientSecret?: Located<string>;
  scopes?: Located<string>[];
  callbackPort?: Located<number>;
  redirectUri?: Located<string>;
  enabled?: Located<boolean>;
  /** Claude Code: where the authorization server metadata is, in place of discovery. */
  authServerMetadataUrl?: Located<string>;
  /** Gemini CLI: the authorization, token and registration endpoints, in place of the metadata's. */
  authorizationUrl?: Located<string>;
  tokenUrl?: Located<string>;
  registrationUrl?: Located<string>;
  /** Gemini CLI: sent as `audience` (space-separated) in the authorization and token requests. */
  audiences?: Located<string>[];
  /** Gemini CLI: the query parameter an SSE URL carries the token in (not applied: see the `oauth-settings` lint rule). */
  tokenParamName?: Located<string>;
}

export type TransportKind = Transport['kind'];

/** Options a client applies around a server (all optional; timeouts normalized to milliseconds). */
export interface ClientOptions {
  disabled?: boolean;
  autoApprove?: string[];
  includeTools?: string[];
  excludeTools?: string[];
  /** Startup / connect timeout, milliseconds. */
  startupTimeoutMs?: number;
  /** Per-request (tool call) timeout, milliseconds. */
  requestTimeoutMs?: number;
  /** Gemini CLI `trust`: tool calls skip confirmation. */
  trust?: boolean;
}

/** The keys of {@link ClientOptions}, for {@link ServerDefinition.optionRanges}. */
export type ClientOptionKey = keyof ClientOptions;

/** One server definition, normalized. */
export interface ServerDefinition {
  /** The server's name: its key in the file (or `name` for list-shaped formats). */
  name: string;
  /**
   * Stable id: `<file path>#<name>` (Claude Code local scope: `<file path>#<project>#<name>`).
   * Used as a serialisable command argument.
   */
  id: string;
  client: ClientId;
  /** Absolute path of the file that defines it; for an {@link adHoc} server, the folder it was asked for in. */
  file: string;
  /** Range of the whole definition (the object), and of its name (the key). */
  range: Range;
  nameRange?: Range;
  /** Undefined when the definition names no usable transport (the linter says why). */
  transport?: Transport;
  options: ClientOptions;
  /** Where each option was written: the range of the value it was read from (for a timeout, the number as written). */
  optionRanges?: Partial<Record<ClientOptionKey, Range>>;
  /** The `type` (or Cline's legacy `transportType`) word exactly as written, when present. */
  typeWord?: Located<string>;
  /** VS Code `dev` (development mode: watch and debug), read from VS Code's own files only. */
  dev?: DevConfig;
  /**
   * Claude Code local scope: the absolute project path of the `projects["<path>"]` entry of
   * `~/.claude.json` that defines this server. Absent for every other server.
   */
  project?: string;
  /** Given as a URL or a command line, not read from a file (`adHoc.ts`); `file` is then a folder. */
  adHoc?: true;
}

/**
 * VS Code's `dev` field of a server in its own `mcp.json`, as written (values unresolved):
 * `{"watch": "<glob>" | ["<glob>", "!<glob>"], "debug": {"type": "node" | "debugpy", "debugpyPath"?}}`.
 * Source: microsoft/vscode `IMcpDevModeConfig` (`src/vs/platform/mcp/common/mcpPlatformTypes.ts`):
 * globs are relative to the workspace folder, a leading `!` excludes; `debug` applies to stdio
 * servers only (`mcpDevMode.ts` leaves a remote launch as it is).
 */
export interface DevConfig {
  /** Range of the whole `dev` value. */
  range?: Range;
  /** The globs, in order (a single string is one glob); items that are not strings are left out (the linter reports them). */
  watch: Located<string>[];
  /** `debug.type` as written, when it is a string: `node` and `debugpy` are the known ones. */
  debug?: Located<string>;
  /** `debug.debugpyPath`: the debugpy executable to launch instead of `python -m debugpy`. */
  debugpyPath?: Located<string>;
}

/** The debugger types VS Code knows for `dev.debug.type`. */
export const DEBUG_TYPES = ['node', 'debugpy'] as const;
export type DebugType = (typeof DEBUG_TYPES)[number];

/** The debugger a definition asks for, when it is one we know; `undefined` otherwise. */
export function debugTypeOf(def: ServerDefinition): DebugType | undefined {
  const t = def.dev?.debug?.value;
  return (DEBUG_TYPES as readonly string[]).includes(t ?? '') ? (t as DebugType) : undefined;
}

/** An `inputs` entry of a VS Code config (`promptString` or `pickString`). */
export interface InputDefinition {
  id: string;
  type: string;
  description?: string;
  password?: boolean;
  options?: string[];
  default?: string;
  range: Range;
}

/** A problem that stopped the file from being read (the linter reports the details). */
export interface ReadError {
  message: string;
  range?: Range;
}

/** A config file, read. */
export interface ConfigFile {
  path: string;
  client: ClientId;
  scope: Scope;
  servers: ServerDefinition[];
  inputs: InputDefinition[];
  /** The id of the `ConfigFormat` (formats.ts) the file was read as, e.g. `cursor-project`. */
  format?: string;
  /** For files read on behalf of one workspace folder (Claude Code local scope), that folder. */
  workspaceFolder?: string;
  /** Set when the file could not be read or parsed at all; `servers` may still hold what was recovered. */
  error?: ReadError;
  /**
   * With `error`: `servers` and `inputs` are those of the last read of this file that had no error
   * (see `LastGoodConfigs`), not what was recovered from the broken text.
   */
  keptLastGood?: boolean;
}

/** `stdio` / `http` / `sse` / `ws`, as shown next to a server. */
export function transportLabel(t: Transport | undefined): string {
  return t ? t.kind : 'no transport';
}

/**
 * A short human description of what runs or where it connects (no env, no headers), as written,
 * with what is secret in it redacted (`core/secrets` `redactArgs`, `redactUrl`: credential-named
 * option values, tokens, URL userinfo, credential query parameters).
 */
export function transportSummary(t: Transport | undefined): string {
  if (!t) return '';
  if (t.kind === 'stdio') return [redactCredentials(t.command.value), ...redactArgs(t.args.map((a) => a.value))].join(' ');
  return redactUrl(t.url.value);
}
