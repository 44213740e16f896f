/**
 * The shape of what we know about one MCP client: where its files are, how they are written, and
 * how it reads a server. One module per client (`vscode.ts`, `cursor.ts`, …) fills it in from that
 * client's documentation; the config reader, discovery and the linter all read it.
 *
 * Pure core: no `vscode` import.
 */
import type { DiscoveryEnv } from '../config/env';
import type { ClientId, ClientOptions, Scope, TransportKind } from '../config/model';

/** How a file is written, and how strictly its client parses it. */
export type Syntax =
  /** JSON with comments and trailing commas (VS Code). */
  | 'jsonc'
  /** JSON; the client parses with a tolerant parser or its tolerance is undocumented. */
  | 'json'
  /** Strict JSON: comments or trailing commas make the client reject the file (Claude Desktop, Cline). */
  | 'json-strict'
  | 'toml'
  | 'yaml';

/** One kind of file a client reads (a client may read several: workspace and user scope, JSON and YAML). */
export interface FormatSpec {
  /** Unique id of the format, e.g. `vscode-workspace`, `claude-code-user`. */
  id: string;
  scope: Scope;
  syntax: Syntax;
  /**
   * Where servers live: a top-level key (`servers`, `mcpServers`, `mcp_servers`), or a dotted JSON
   * path for nested ones (`settings.mcp.servers` in `.code-workspace` files).
   */
  serversKey: string;
  /**
   * Paths relative to a workspace folder, `/`-separated (workspace scope only). The last segment
   * may hold a `*` (`.continue/mcpServers/*.yaml`), usable as a glob by file watchers.
   */
  workspacePaths?: readonly string[];
  /** A deprecated key the client still reads beside {@link serversKey}, at the same depth (VS Code `mcpServers`). */
  aliasKey?: string;
  /** Also read `projects["<abs path>"].<serversKey>` (Claude Code's local scope in `~/.claude.json`). */
  projects?: boolean;
  /**
   * The file is the client's settings file, MCP servers being one key among many (Zed's and VS
   * Code's `settings.json`, `opencode.json`): it counts as an MCP config file only when that key is
   * in it (discovery, the walk up to a config folder).
   */
  shared?: boolean;
}

/** A user-scope file location: the id of one of the client's formats and its absolute path. */
export interface UserPath {
  format: string;
  path: string;
}

/**
 * How a file is recognised by its path: given the path with `/` separators and a leading `/`
 * (see `rooted` in paths.ts), the id of the format it is in, or `undefined` when the rule does not apply.
 * Build rules with {@link pathRule}.
 */
export type PathRule = (rootedPath: string, env: DiscoveryEnv) => string | undefined;

export type RemoteKind = Exclude<TransportKind, 'stdio'>;

/** A key holding a remote server's address, and the transport it implies when no `type` is written. */
export interface UrlKey {
  key: string;
  kind: RemoteKind;
  /** The key itself names the transport, whatever `type` says (Gemini `httpUrl`, `tcp`). */
  fixed?: boolean;
}

/** A timeout key: which option it sets and the unit it is counted in. */
export interface TimeoutKey {
  key: string;
  option: Extract<keyof ClientOptions, 'startupTimeoutMs' | 'requestTimeoutMs'>;
  unit: 's' | 'ms';
}

/** How a client expands variables in server fields. */
export type VariableSyntax =
  /** `${input:id}`, `${env:NAME}`, `${workspaceFolder}`, … */
  | 'vscode'
  /** `${env:NAME}`, `${userHome}`, `${workspaceFolder}` (Cursor, Windsurf). */
  | 'env-colon'
  /** `${VAR}`, `${VAR:-default}`; bare `$VAR` is not expanded (Claude Code). */
  | 'shell-braces'
  /** `$VAR` and `${VAR}` (Gemini CLI). */
  | 'shell'
  /** `${{ secrets.NAME }}` (Continue). */
  | 'continue'
  /** `${VAR}` only: no default, no bare `$VAR`, no `${env:VAR}` (Kiro, GitHub Copilot CLI). */
  | 'braces'
  /** `{env:VAR}` and `{file:path}`, with no `$` (OpenCode). */
  | 'opencode'
  /** No expansion at all (Claude Desktop, Codex, Cline). */
  | 'none';

/**
 * A server name a client rejects or mangles, from its documentation or source: the `server-name`
 * lint rule reports the first of a client's rules that a name breaks.
 */
export interface ServerNameRule {
  /** A name this matches breaks the rule. */
  bad: RegExp;
  severity: 'error' | 'warning';
  /** What the client does with such a name, a sentence to follow `Server name "x": `. */
  why: string;
  /** A name that keeps the rule (for the message and the rename fix). */
  better(name: string): string;
  /** Where the fact comes from. */
  source: string;
}

/** Everything we know about one MCP client. */
export interface McpClient {
  id: ClientId;
  /** Human-readable name, for views, CLI output and lint messages. */
  label: string;
  /** File name of its JSON schema in media/schemas/ (the `schema` lint rule, hovers). */
  schema: string;
  /** Its file formats, workspace scope first; the order is the display order. */
  formats: readonly FormatSpec[];
  /** Its user-scope files on `env.platform`, whether or not they exist. A pure function of `env`. */
  userPaths(env: DiscoveryEnv): UserPath[];
  /** How its files are recognised by path; rules of all clients are tried in registry order. */
  pathRules: readonly PathRule[];
  /** Keys holding the `type` word, in precedence order; `[]` when the client has none. */
  typeKeys: readonly string[];
  /** Accepted `type` words; `undefined` when the client has no `type` field. */
  typeWords?: readonly string[];
  /**
   * Keys that hold a remote server's URL, in the order the client picks among them (the first
   * present wins), and what a URL without `type` means.
   */
  urlKeys: readonly UrlKey[];
  /** The URL key to suggest when one is missing or misspelled. */
  preferredUrlKey: string;
  /** Whether the client can connect to remote servers from its file at all. */
  remote: boolean;
  /** Where HTTP headers live, as key paths in a server object, in precedence order. */
  headerPaths: readonly (readonly string[])[];
  /** Per-server timeouts, in precedence order (the first present wins for an option). */
  timeouts: readonly TimeoutKey[];
  variables: VariableSyntax;
  /** Server names it rejects or mangles; absent when its docs and source say nothing of them. */
  serverNames?: readonly ServerNameRule[];
  /**
   * How a stdio server's program is written: `string` (`command` + `args`, the default) or `array`
   * (OpenCode: `command` is one array, the program then its arguments, and there is no `args`).
   */
  commandShape?: 'string' | 'array';
  /** The key of a stdio server's environment map (default `env`; OpenCode `environment`). */
  envKey?: string;
  /** The client refuses the whole file over a field it does not know (Codex, OpenCode); else it ignores the field. */
  rejectsUnknownFields?: boolean;
  /**
   * What copying a server into this client's files writes beyond the facts above
   * (`core/config/copy`). Absent: only `command`, `args`, `env`, the URL, the `type` word and
   * headers are written, and every other field of a copied server is reported as left out.
   */
  writes?: WriteDialect;
  /**
   * Which entry wins when two of its files define a server of the same name: `layers`, highest
   * first (format ids, and `claude-code-local` for Claude Code's `projects["<path>"]` entries),
   * and where the rule is documented. Absent when the client reads one file only, or lists both
   * entries (no entry shadows another).
   */
  precedence?: Precedence;
}

/**
 * The optional fields a client reads, for writing a copied server in its dialect. The `type` word,
 * URL key, header path, timeout keys and units and the variable syntax come from {@link McpClient}
 * itself (`typeWords`, `urlKeys`, `headerPaths`, `timeouts`, `variables`); this says the rest.
 * Every member is optional: what a client does not list, copy leaves out and reports.
 */
export interface WriteDialect {
  /** Optional keys of a stdio server it reads, beside `command`, `args` and `env`. */
  stdioKeys?: readonly ('cwd' | 'envFile')[];
  /**
   * The key of each client option it reads (see `ClientOptions`): e.g. `{ excludeTools:
   * 'disabledTools' }`. `disabled` is written `true` under `disabled`, or `false` under `enabled`
   * (Codex).
   */
  options?: Readonly<Partial<Record<'disabled' | 'autoApprove' | 'includeTools' | 'excludeTools' | 'trust', string>>>;
  /**
   * A client that expands no variables but passes secrets by name (Codex): the keys for
   * environment variables passed through (`env_vars`), the variable holding a bearer token
   * (`bearer_token_env_var`), and header name → variable (`env_http_headers`).
   */
  byName?: { envVars: string; bearerToken: string; envHeaders: string };
}

/** A client's rule for servers of the same name in several of its files (see {@link McpClient.precedence}). */
export interface Precedence {
  /** Layers from the one that wins to the one that loses. */
  layers: readonly string[];
  /** The rule in words, for tooltips: "local scope over project over user". */
  rule: string;
  /** Where the rule comes from (documentation page or source file). */
  source: string;
}
