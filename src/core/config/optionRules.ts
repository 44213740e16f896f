import { CLIENTS } from '../clients';
import type { ClientId, ClientOptionKey, ClientOptions, Range } from './model';
import { bool, child, num, strList, type SourceNode } from './sourceTree';

/**
 * Tool-list keys: Gemini `includeTools`/`excludeTools`, Codex `enabled_tools`/`disabled_tools`,
 * Windsurf, Kiro and Roo Code `disabledTools`, GitHub Copilot CLI `tools` (an allow list; `["*"]`,
 * every tool, is no restriction and is not recorded).
 */
const INCLUDE_KEYS = ['includeTools', 'enabled_tools', 'tools'];
const EXCLUDE_KEYS = ['excludeTools', 'disabled_tools', 'disabledTools'];

/**
 * The client options written on one server object, normalized, with the range of each value.
 *
 * - `disabled`: `disabled: true` (Cline, Windsurf, Cursor, Kiro, Roo Code) or `enabled: false` (Codex, Zed, OpenCode);
 * - `autoApprove`: Cline's and Kiro's list of tool names (Roo Code `alwaysAllow`);
 * - `includeTools` / `excludeTools`: see the keys above;
 * - `trust`: Gemini CLI;
 * - timeouts converted to milliseconds from the client's `timeouts` (its module in src/core/clients/;
 *   non-numbers are ignored, the linter reports them).
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

  // Roo Code writes `alwaysAllow` for the same list
  const autoApprove = child(server, 'autoApprove') ?? child(server, 'alwaysAllow');
  const approved = strList(autoApprove);
  if (approved) set('autoApprove', approved.map((a) => a.value), autoApprove?.range);

  for (const [option, keys] of [['includeTools', INCLUDE_KEYS], ['excludeTools', EXCLUDE_KEYS]] as const) {
    for (const key of keys) {
      const node = child(server, key);
      const list = strList(node);
      if (!list) continue;
      if (key === 'tools' && list.some((t) => t.value === '*')) break;
      set(option, list.map((a) => a.value), node?.range);
      break;
    }
  }

  const trust = bool(child(server, 'trust'));
  if (trust) set('trust', trust.value, trust.range);

  for (const t of CLIENTS[client].timeouts) {
    if (options[t.option] !== undefined) continue;
    const n = num(child(server, t.key));
    if (!n) continue;
    set(t.option, Math.round(n.value * (t.unit === 's' ? 1000 : 1)), n.range);
  }
  return { options, ranges };
}
