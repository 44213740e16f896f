import { CLIENT_LABELS } from '../../config/model';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding } from '../util';

const doc: RuleDoc = {
  code: 'server-name',
  severity: 'error',
  description: 'A server name a client rejects or mangles: empty (every client); leading or trailing spaces (warning); Codex accepts only letters, digits, "_" and "-".',
  source: 'Codex: is_valid_mcp_server_name in codex-rs/core/src/mcp_connection_manager.rs; a server whose name does not match ^[a-zA-Z0-9_-]+$ fails to start ("invalid server name").',
};

export const serverNameRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    const listShaped = ctx.format.syntax === 'yaml';
    for (const s of ctx.servers) {
      if (listShaped && s.name.startsWith('#')) continue; // schema reports the missing name
      const codexOk = ctx.format.client !== 'codex' || /^[A-Za-z0-9_-]+$/.test(s.name);
      if (s.name && codexOk && s.name === s.name.trim()) continue;
      const range = listShaped ? ctx.locate([...s.path, 'name']) : ctx.locate(s.path, 'key');
      if (!s.name.trim()) {
        out.push(finding(ctx, doc, range, `A server has an empty name: ${client} cannot refer to it. Give it a name such as "my-server".`));
        continue;
      }
      if (ctx.format.client === 'codex' && !/^[A-Za-z0-9_-]+$/.test(s.name)) {
        const better = s.name.trim().replace(/[^A-Za-z0-9_-]+/g, '-');
        out.push(finding(ctx, doc, range, `Codex rejects the server name "${s.name}": names may contain only letters, digits, "_" and "-". Rename it, e.g. to "${better}".`));
        continue;
      }
      if (s.name !== s.name.trim()) {
        out.push(finding(ctx, doc, range, `Server name "${s.name}" has leading or trailing spaces: commands and tool prefixes that use the name will not match what you type. Trim it.`, { severity: 'warning' }));
      }
    }
    return out;
  },
};
