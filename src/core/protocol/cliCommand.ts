/**
 * "Copy as CLI command" for a request seen in the Protocol view: the `mcp-devtools` command line
 * that sends the same request (`src/cli`: `call <server> <tool> --args <json>`, `prompt <server>
 * <name> --args <json>`, `read <server> <uri>`, `list <server>`), quoted for a POSIX shell, with
 * the same prefix as History's copy (`npx mcp-devtools`, run in the workspace folder). Arguments
 * are the masked ones: a secret shows as `<redacted>`, to be filled in by hand.
 *
 * Pure core: no `vscode` import.
 */
import type { ServerDefinition } from '../config/model';
import { serverCliCommand, shellQuote } from '../history';
import type { MessageRecord } from './messageLog';

/** How every command starts (as History's "Copy as CLI Command"). */
export const CLI_PREFIX = 'npx mcp-devtools';

/** The list methods `mcp-devtools list` covers (it lists them all). */
const LIST_METHODS = new Set(['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list']);

/**
 * The command line for a request `method` with `params`, or undefined when the CLI has no verb for
 * it (`initialize`, `ping`, server-to-client requests, …).
 * @param server the server's configured name (what `mcp-devtools <verb> <server>` takes)
 * @param definition the server's definition: one with no config file (`adHoc`) is given by its
 *   URL or its command line after `--` (History's {@link serverCliCommand})
 */
export function requestCliCommand(server: string, method: string, params: unknown, definition?: ServerDefinition): string | undefined {
  const p = (params && typeof params === 'object' ? params : {}) as { name?: unknown; uri?: unknown; arguments?: unknown };
  const args = p.arguments && typeof p.arguments === 'object' && Object.keys(p.arguments).length ? [`--args ${shellQuote(JSON.stringify(p.arguments))}`] : [];
  const cmd = (verb: string, words: string[]): string => serverCliCommand(verb, server, words, definition);
  if (method === 'tools/call' && typeof p.name === 'string') return cmd('call', [shellQuote(p.name), ...args]);
  if (method === 'prompts/get' && typeof p.name === 'string') return cmd('prompt', [shellQuote(p.name), ...args]);
  if (method === 'resources/read' && typeof p.uri === 'string') return cmd('read', [shellQuote(p.uri)]);
  if (LIST_METHODS.has(method)) return cmd('list', []);
  return undefined;
}

/** Whether {@link recordCliCommand} may give a command, without reading (and masking) the record's JSON. */
export function hasCliCommand(r: MessageRecord): boolean {
  return r.kind === 'request' && r.direction === 'sent' && !r.truncated && r.method !== undefined && (VERBS.has(r.method) || LIST_METHODS.has(r.method));
}

/** The methods with a verb of their own. */
const VERBS = new Set(['tools/call', 'prompts/get', 'resources/read']);

/**
 * The command line for a kept record: a request sent to the server whose JSON was kept whole.
 * @returns undefined for anything else (a response, a notification, a request from the server,
 *   a message kept cut, a method with no CLI verb)
 */
export function recordCliCommand(server: string, r: MessageRecord, definition?: ServerDefinition): string | undefined {
  if (!hasCliCommand(r)) return undefined;
  let message: { params?: unknown };
  try {
    message = JSON.parse(r.json) as { params?: unknown };
  } catch {
    return undefined;
  }
  return requestCliCommand(server, r.method!, message.params, definition);
}
