import { ALL_HEADER_PATHS, ALL_TYPE_KEYS, CLIENTS, transportOfWord, type RemoteKind } from '../clients';
import type { AuthConfig, ClientId, Located, Transport } from './model';
import { at, bool, child, num, str, strList, strMap, type SourceNode } from './sourceTree';

/**
 * The `type` word of a server object, as written: the first of every client's type keys present
 * (`type`, then Cline's legacy `transportType`), whatever the client; the linter says which it rejects.
 */
export function typeWordOf(server: SourceNode): Located<string> | undefined {
  for (const key of ALL_TYPE_KEYS) {
    const word = str(child(server, key));
    if (word) return word;
  }
  return undefined;
}

/**
 * Interprets one server object as a {@link Transport}, by the rules of `client`.
 *
 * URL keys and what a URL without `type` means are the client's (its module's `urlKeys`); headers
 * are read from the first of every client's header paths present (`headers`, Codex `http_headers`,
 * Continue `requestOptions.headers`), whatever the client: the reader is tolerant, the linter strict.
 *
 * An explicit, known `type` decides the kind, and the fields it needs must be there (`command` for
 * stdio, a URL key otherwise) or the result is `undefined`. With no type (or a word no client knows)
 * the fields decide: `command` means stdio, else the client's first URL key present, else `undefined`.
 * A URL with a `ws://`/`wss://` scheme and no type is a WebSocket. Values are kept unresolved.
 */
export function transportOf(server: SourceNode, client: ClientId): Transport | undefined {
  if (server.type !== 'object') return undefined;
  const word = typeWordOf(server)?.value;
  const typed = word === undefined ? undefined : transportOfWord(word);
  const program = programOf(server);
  if (typed === 'stdio' || (typed === undefined && program)) return program ? stdioOf(server, program) : undefined;

  for (const { key, kind, fixed } of CLIENTS[client].urlKeys) {
    const url = str(child(server, key));
    if (!url) continue;
    const resolved = fixed ? kind : (typed ?? (/^wss?:/i.test(url.value) ? 'ws' : kind));
    return remoteOf(server, resolved, url);
  }
  return undefined;
}

/** A stdio server's program as written: its command, arguments and environment nodes. */
interface Program {
  command: Located<string>;
  args: Located<string>[];
  env: SourceNode | undefined;
}

/**
 * The program of a server object, in whichever client's shape: `command` (a string) + `args` +
 * `env`; OpenCode's `command` array (the program, then its arguments) + `environment`; Zed's
 * 2025 `command: {path, args, env}` (its migration `m_2025_06_27` flattens it). `undefined` when
 * there is no command, or an empty one of the array shape.
 */
function programOf(server: SourceNode): Program | undefined {
  const node = child(server, 'command');
  const env = child(server, 'env') ?? child(server, 'environment');
  if (node?.type === 'string') return { command: { value: node.value, range: node.range }, args: strList(child(server, 'args')) ?? [], env };
  if (node?.type === 'array') {
    const [command, ...args] = strList(node) ?? [];
    return command ? { command, args, env } : undefined;
  }
  const path = str(child(node, 'path'));
  if (node?.type === 'object' && path) return { command: path, args: strList(child(node, 'args')) ?? [], env: child(node, 'env') ?? env };
  return undefined;
}

function stdioOf(server: SourceNode, program: Program): Transport {
  const t: Transport = {
    kind: 'stdio',
    command: program.command,
    args: program.args,
    env: strMap(program.env) ?? {},
  };
  const cwd = str(child(server, 'cwd'));
  if (cwd) t.cwd = cwd;
  const envFile = str(child(server, 'envFile'));
  if (envFile) t.envFile = envFile;
  const envVars = strList(child(server, 'env_vars'));
  if (envVars) t.envVars = envVars;
  return t;
}

function remoteOf(server: SourceNode, kind: RemoteKind, url: Located<string>): Transport {
  const headers: Record<string, Located<string>> = {};
  for (const path of ALL_HEADER_PATHS) {
    const map = strMap(at(server, path));
    if (!map) continue;
    for (const [k, v] of Object.entries(map)) headers[k] = { value: v.value ?? '', range: v.range };
    break;
  }
  const t: Transport = { kind, url, headers };
  const bearer = str(child(server, 'bearer_token_env_var'));
  if (bearer) t.bearerTokenEnvVar = bearer;
  const envHeaders = strMap(child(server, 'env_http_headers'));
  if (envHeaders) {
    t.envHeaders = {};
    for (const [k, v] of Object.entries(envHeaders)) t.envHeaders[k] = { value: v.value ?? '', range: v.range };
  }
  const auth = authOf(server);
  if (auth) t.auth = auth;
  return t;
}

/**
 * The OAuth settings of a remote server, from whichever client's keys are present (tolerant, like
 * the headers; the schema rule reports keys a client does not know): `oauth` (VS Code, Gemini CLI,
 * Claude Code: `clientId`, `callbackPort`, `scopes` as one space-separated string,
 * `authServerMetadataUrl`; Gemini's endpoint URLs, `audiences`, `tokenParamName`), Cursor's `auth`
 * with `CLIENT_ID`/`CLIENT_SECRET`, and Codex's top-level `scopes`.
 */
export function authOf(server: SourceNode): AuthConfig | undefined {
  const oauth = child(server, 'oauth');
  const cursor = child(server, 'auth');
  const a: AuthConfig = {};
  const clientId = str(child(oauth, 'clientId')) ?? str(child(cursor, 'CLIENT_ID'));
  if (clientId) a.clientId = clientId;
  const clientSecret = str(child(oauth, 'clientSecret')) ?? str(child(cursor, 'CLIENT_SECRET'));
  if (clientSecret) a.clientSecret = clientSecret;
  // Claude Code writes `oauth.scopes` as one space-separated string; the others as arrays.
  const spaced = str(child(oauth, 'scopes'));
  const scopes = strList(child(oauth, 'scopes')) ?? (spaced && spaced.value.split(/\s+/).filter(Boolean).map((value) => ({ value, range: spaced.range })))
    ?? strList(child(cursor, 'scopes')) ?? strList(child(server, 'scopes'));
  if (scopes) a.scopes = scopes;
  const callbackPort = num(child(oauth, 'callbackPort'));
  if (callbackPort) a.callbackPort = callbackPort;
  const redirectUri = str(child(oauth, 'redirectUri'));
  if (redirectUri) a.redirectUri = redirectUri;
  const enabled = bool(child(oauth, 'enabled'));
  if (enabled) a.enabled = enabled;
  for (const k of ['authServerMetadataUrl', 'authorizationUrl', 'tokenUrl', 'registrationUrl', 'tokenParamName'] as const) {
    const v = str(child(oauth, k));
    if (v) a[k] = v;
  }
  const audiences = strList(child(oauth, 'audiences'));
  if (audiences) a.audiences = audiences;
  return Object.keys(a).length ? a : undefined;
}
