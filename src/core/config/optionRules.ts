import type { ClientId, ClientOptionKey, ClientOptions, Range } from './model';
import { bool, child, num, strList, type SourceNode } from './sourceTree';

/** A timeout key of one client: which option it sets and how many milliseconds one unit is. */
interface TimeoutKey {
  key: string;
  option: 'startupTimeoutMs' | 'requestTimeoutMs';
  msPerUnit: number;
}

/**
 * Timeout keys per client, in precedence order (the first present wins for an option).
 * Sources (../shared/mcp-clients.md):
 * - Cline `timeout`: seconds (default 60, min 1), the request timeout;
 * - Gemini CLI `timeout`: milliseconds (default 600000), the request timeout;
 * - Codex `startup_timeout_sec` (or legacy `startup_timeout_ms`), `tool_timeout_sec`;
 * - Continue `connectionTimeout`: milliseconds, the connect timeout (continuedev/continue
 *   `packages/config-yaml/src/schemas/mcp/convertJson.ts` passes it on as Claude's `MCP_TIMEOUT`, in ms).
 * Other clients have no per-server timeout in their files.
 */
export const TIMEOUT_KEYS: Readonly<Record<ClientId, readonly TimeoutKey[]>> = {
  vscode: [],
  'claude-desktop': [],
  'claude-code': [],
  cursor: [],
  windsurf: [],
  cline: [{ key: 'timeout', option: 'requestTimeoutMs', msPerUnit: 1000 }],
  gemini: [{ key: 'timeout', option: 'requestTimeoutMs', msPerUnit: 1 }],
  codex: [
    { key: 'startup_timeout_sec', option: 'startupTimeoutMs', msPerUnit: 1000 },
    { key: 'startup_timeout_ms', option: 'startupTimeoutMs', msPerUnit: 1 },
    { key: 'tool_timeout_sec', option: 'requestTimeoutMs', msPerUnit: 1000 },
  ],
  continue: [{ key: 'connectionTimeout', option: 'startupTimeoutMs', msPerUnit: 1 }],
};

/** Tool-list keys: Gemini `includeTools`/`excludeTools`, Codex `enabled_tools`/`disabled_tools`, Windsurf `disabledTools`. */
const INCLUDE_KEYS = ['includeTools', 'enabled_tools'];
const EXCLUDE_KEYS = ['excludeTools', 'disabled_tools', 'disabledTools'];

/**
 * The client options written on one server object, normalized, with the range of each value.
 *
 * - `disabled`: `disabled: true` (Cline, Windsurf, Cursor) or `enabled: false` (Codex);
 * - `autoApprove`: Cline's list of tool names;
 * - `includeTools` / `excludeTools`: see the keys above;
 * - `trust`: Gemini CLI;
 * - timeouts converted to milliseconds per {@link TIMEOUT_KEYS} (non-numbers are ignored; the
 *   linter reports them).
 */
export function optionsOf(server: SourceNode, client: ClientId): { options: ClientOptions; ranges: Partial<Record<ClientOptionKey, Range>> } {
  const options: ClientOptions = {};
  const ranges: Partial<Record<ClientOptionKey, Range>> = {};
  const set = <K extends ClientOptionKey>(key: K, value: ClientOptions[K], range: Range | undefined) => {
    options[key] = value;
    if (range) ranges[key] = range;
  };
  if (server.type !== 'object') return { options, ranges };

  const disabled = bool(child(server, 'disabled'));
  const enabled = bool(child(server, 'enabled'));
  if (disabled) set('disabled', disabled.value, disabled.range);
  else if (enabled) set('disabled', !enabled.value, enabled.range);

  const autoApprove = child(server, 'autoApprove');
  const approved = strList(autoApprove);
  if (approved) set('autoApprove', approved.map((a) => a.value), autoApprove?.range);

  for (const [option, keys] of [['includeTools', INCLUDE_KEYS], ['excludeTools', EXCLUDE_KEYS]] as const) {
    for (const key of keys) {
      const node = child(server, key);
      const list = strList(node);
      if (!list) continue;
      set(option, list.map((a) => a.value), node?.range);
      break;
    }
  }

  const trust = bool(child(server, 'trust'));
  if (trust) set('trust', trust.value, trust.range);

  for (const t of TIMEOUT_KEYS[client]) {
    if (options[t.option] !== undefined) continue;
    const n = num(child(server, t.key));
    if (!n) continue;
    set(t.option, Math.round(n.value * t.msPerUnit), n.range);
  }
  return { options, ranges };
}
