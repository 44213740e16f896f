import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS } from '../../clients';
import { replaceValue } from '../edits';
import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'timeout-unit',
  severity: 'warning',
  description: 'A timeout that looks like the wrong unit: ≥ 1000 in a field counted in seconds (Cline, Roo Code and Zed "timeout", Codex "*_sec"), or < 1000 in a field counted in milliseconds (Gemini and OpenCode "timeout", Codex "startup_timeout_ms", Continue "connectionTimeout").',
  fix: 'Convert the value to the field\'s unit.',
  source: 'Cline\'s documentation (timeout in seconds, default 60); Gemini CLI\'s documentation (timeout in ms, default 600000); Codex\'s docs/config.md (openai/codex: *_sec in seconds, startup_timeout_ms in ms); Continue\'s config-yaml (connectionTimeout in ms); Roo Code\'s McpHub.ts (timeout in s, 1 to 3600); Zed\'s ContextServerCommand (timeout in s, default 60); OpenCode\'s docs (timeout in ms, default 5000).',
};

const human = (ms: number) => (ms >= 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} hours` : ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : ms >= 1000 ? `${ms / 1000} seconds` : `${ms} ms`);

export const timeoutUnitRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      for (const t of CLIENTS[ctx.format.client].timeouts) {
        const v = s.value[t.key];
        if (typeof v !== 'number' || v <= 0) continue;
        const path = [...s.path, t.key];
        if (t.unit === 's' && v >= 1000) {
          const better = Math.max(1, Math.round(v / 1000));
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} is ${v} seconds (${human(v * 1000)}): ${client} counts this field in seconds, so this looks like milliseconds. Did you mean ${better}?`, {
            fixes: [fix(`Change to ${better} (seconds)`, replaceValue(ctx, path, better))],
          }));
        } else if (t.unit === 'ms' && v < 1000) {
          const better = v * 1000;
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} is ${v} ms: ${client} counts this field in milliseconds, so requests give up after ${human(v)}. Did you mean ${better} (${human(better)})?`, {
            fixes: [fix(`Change to ${better} (milliseconds)`, replaceValue(ctx, path, better))],
          }));
        }
      }
    }
    return out;
  },
};
