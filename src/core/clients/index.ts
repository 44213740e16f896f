/**
 * Every MCP client we read, one module each, and the tables derived from all of them. The config
 * reader, discovery, path recognition and the linter read these; nothing else lists per-client facts.
 *
 * To add a client: write `<client>.ts` (an {@link McpClient}), add its id to `ClientId`
 * (config/model.ts) and it to {@link CLIENTS} below, add its schema to media/schemas/, and a fixture
 * under test/fixtures/configs/.
 *
 * Pure core: no `vscode` import.
 */
import type { ClientId } from '../config/model';
import { claudeCode } from './claudeCode';
import { claudeDesktop } from './claudeDesktop';
import { cline } from './cline';
import { codex } from './codex';
import { continueDev } from './continue';
import { copilotCli } from './copilotCli';
import { cursor } from './cursor';
import { gemini } from './gemini';
import { kiro } from './kiro';
import { opencode } from './opencode';
import { roo } from './roo';
import type { FormatSpec, McpClient } from './types';
import { vscode } from './vscode';
import { windsurf } from './windsurf';
import { zed } from './zed';

export type { FormatSpec, McpClient, PathRule, Precedence, RemoteKind, Syntax, TimeoutKey, UrlKey, UserPath, VariableSyntax, WriteDialect } from './types';
export { VARIABLE_WRITERS, type VariableWriter } from './variables';
export { TYPE_WORDS, transportOfWord, typeFamily } from './typeWords';
export { userConfigDir, vscodeUserDataDirs } from './paths';

/** Every client by id. Registry order is display order, user-path order and path-rule order. */
export const CLIENTS: Readonly<Record<ClientId, McpClient>> = {
  vscode,
  'claude-desktop': claudeDesktop,
  'claude-code': claudeCode,
  cursor,
  windsurf,
  cline,
  gemini,
  codex,
  continue: continueDev,
  kiro,
  zed,
  'copilot-cli': copilotCli,
  roo,
  opencode,
};

/** The clients in registry order. */
export const CLIENT_LIST: readonly McpClient[] = Object.values(CLIENTS);

/** Human-readable client names, for views and CLI output. */
export const CLIENT_LABELS: Readonly<Record<ClientId, string>> = Object.fromEntries(CLIENT_LIST.map((c) => [c.id, c.label])) as Record<ClientId, string>;

/** Every format with the client that reads it, in registry order. */
export const FORMAT_SPECS: readonly (FormatSpec & { client: ClientId })[] = CLIENT_LIST.flatMap((c) => c.formats.map((f) => ({ ...f, client: c.id })));

const unique = <T>(xs: readonly T[], key: (x: T) => string = String): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
};

/** Every key that some client uses for a remote URL (for "conflicting transport" and unknown-field checks). */
export const ALL_URL_KEYS: readonly string[] = unique(['url', ...CLIENT_LIST.flatMap((c) => c.urlKeys.map((u) => u.key))]);

/**
 * Every key that holds a `type` word in some client, in precedence order. The reader honours all
 * of them whatever the client (it reads tolerantly; the linter says what the client rejects).
 */
export const ALL_TYPE_KEYS: readonly string[] = unique(CLIENT_LIST.flatMap((c) => c.typeKeys));

/** Every place some client keeps headers, in registry order; the reader takes the first present. */
export const ALL_HEADER_PATHS: readonly (readonly string[])[] = unique(CLIENT_LIST.flatMap((c) => c.headerPaths), (p) => p.join('.'));

/**
 * Every key some client uses for its servers map (`servers`, `mcpServers`, `mcp_servers`,
 * `context_servers` of Zed, `mcp` of OpenCode and of VS Code's legacy `settings.json`).
 */
export const SERVER_MAP_KEYS: readonly string[] = unique([...FORMAT_SPECS.map((f) => f.serversKey).filter((k) => !k.includes('.')), 'mcp']);
