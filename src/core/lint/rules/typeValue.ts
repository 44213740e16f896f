import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS, typeFamily } from '../../clients';
import { replaceValue, setPath } from '../edits';
import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { didYouMean, finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'type-value',
  severity: 'error',
  description: 'A server "type" the client does not accept, e.g. "streamableHttp" in VS Code ("http"), "http" in Cline ("streamableHttp"), "streamable-http" outside Continue and Roo Code, "http" in OpenCode ("remote").',
  fix: "Replace it with this client's word for the same transport (or remove it where the client has none).",
  source: 'Each client\'s documentation of "type": stdio|http|sse (VS Code, Claude Code, Cursor), stdio|sse|streamableHttp (Cline), stdio|sse|streamable-http (Continue, Roo Code), sse|http (Gemini CLI), local|stdio|http|sse (GitHub Copilot CLI), local|remote (OpenCode), none (Codex, Kiro, Zed).',
};

export const typeValueRule: Rule = {
  doc,
  check(ctx) {
    const profile = CLIENTS[ctx.format.client];
    const words = profile.typeWords;
    if (!words) return []; // no `type` field in this client: unknown-field reports it
    const client = CLIENT_LABELS[ctx.format.client];
    const out: Finding[] = [];
    for (const s of ctx.servers) {
      if (!isObject(s.value) || !('type' in s.value)) continue;
      const type = s.value.type;
      const path = [...s.path, 'type'];
      const accepted = words.map((w) => `"${w}"`).join(', ');
      if (typeof type !== 'string') {
        out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} must be a string: one of ${accepted}.`));
        continue;
      }
      if (words.includes(type)) continue;
      const fam = typeFamily(type);
      // a known synonym ("streamable-http" → "http"), else a typo of an accepted word ("studio" → "stdio")
      const right = (fam && words.find((w) => typeFamily(w) === fam)) || didYouMean(type, words);
      let message = `${client} does not accept type "${type}" (${showPath(path)}); it accepts ${accepted}.`;
      const fixes = [];
      if (right) {
        message += ` Use "${right}".`;
        fixes.push(fix(`Change type to "${right}"`, replaceValue(ctx, path, right)));
      } else if (fam === 'stdio' && typeof s.value.command === 'string') {
        message += ` ${client} infers stdio from "command": remove "type".`;
        fixes.push(fix('Remove "type"', setPath(ctx, path, undefined)));
      } else if (fam === 'ws') {
        message += ` ${client} has no WebSocket transport.`;
      }
      out.push(finding(ctx, doc, ctx.locate(path), message, { fixes }));
    }
    return out;
  },
};
