import { CLIENTS } from '../../clients';
import { CLIENT_LABELS } from '../../config/model';
import { renameKey } from '../edits';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'server-name',
  severity: 'error',
  description: 'A server name a client rejects or mangles: empty (every client); leading or trailing spaces (warning); Codex accepts only letters, digits, "_" and "-" (error); Claude Code turns other characters into "_" and splits tool names on "__"; Gemini CLI puts the name unchanged into tool names that the Gemini API limits to letters, digits, "_", "." and "-", and splits policy names on "__" (warnings); Cursor drops every tool of a server whose name alone reaches its 60-character limit for server + tool names (warning). Nothing is documented for Windsurf, Cline, Continue, Claude Desktop or VS Code.',
  fix: 'Rename the server to a name the client keeps as written.',
  source: 'Each client module\'s serverNames (src/core/clients/): Codex is_valid_mcp_server_name; Claude Code "claude mcp add" and normalizeNameForMCP; Gemini CLI mcp-tool.ts; Cursor\'s 60-character warning.',
};

export const serverNameRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    const rules = CLIENTS[ctx.format.client].serverNames ?? [];
    const listShaped = ctx.format.syntax === 'yaml';
    const names = new Set(ctx.servers.map((s) => s.name));
    for (const s of ctx.servers) {
      if (listShaped && s.name.startsWith('#')) continue; // schema reports the missing name
      const broken = s.name.trim() ? rules.find((r) => r.bad.test(s.name)) : undefined;
      if (s.name.trim() && !broken && s.name === s.name.trim()) continue; // locating is the costly part: only for a finding
      const range = listShaped ? ctx.locate([...s.path, 'name']) : ctx.locate(s.path, 'key');
      if (!s.name.trim()) {
        out.push(finding(ctx, doc, range, `A server has an empty name: ${client} cannot refer to it. Give it a name such as "my-server".`));
        continue;
      }
      if (broken) {
        const better = broken.better(s.name);
        const free = better && !names.has(better);
        const edits = free && !listShaped ? renameKey(ctx, s.path, better) : undefined;
        out.push(finding(ctx, doc, range, `Server name "${s.name}": ${broken.why}. Rename it${free ? `, e.g. to "${better}"` : ''}.`, {
          severity: broken.severity,
          fixes: [fix(`Rename to "${better}"`, edits)],
        }));
        continue;
      }
      if (s.name !== s.name.trim()) {
        out.push(finding(ctx, doc, range, `Server name "${s.name}" has leading or trailing spaces: commands and tool prefixes that use the name will not match what you type. Trim it.`, { severity: 'warning' }));
      }
    }
    return out;
  },
};
