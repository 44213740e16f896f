import { CLIENT_LABELS } from '../../config/model';
import { SERVER_MAP_KEYS } from '../../clients';
import { renameKey } from '../edits';
import { isObject, valueAt } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'top-level-key',
  severity: 'error',
  description: 'The servers sit under another client\'s key (e.g. "mcpServers" in .vscode/mcp.json, "servers" in .cursor/mcp.json), so the client finds no servers. Warning in .vscode/mcp.json, where VS Code still reads "mcpServers" as a deprecated alias.',
  fix: 'Rename the key to the one this file\'s client reads.',
  source: 'Each client\'s documentation: "servers" (VS Code), "mcpServers" (most clients), [mcp_servers] (Codex), a YAML list (Continue); VS Code\'s src/vs/workbench/contrib/mcp (microsoft/vscode) still reads "mcpServers" in .vscode/mcp.json as a deprecated alias.',
};

export const topLevelKeyRule: Rule = {
  doc,
  check(ctx) {
    const container = valueAt(ctx.data, ctx.containerPath);
    if (!isObject(container)) return [];
    const expected = ctx.serversKey;
    const client = CLIENT_LABELS[ctx.format.client];
    const out: Finding[] = [];
    for (const other of SERVER_MAP_KEYS) {
      if (other === expected || !isObject(container[other])) continue;
      // `mcp` holds servers only in VS Code settings; Gemini's settings.json uses it for other options
      if (other === 'mcp' && ctx.format.client !== 'vscode') continue;
      const path = [...ctx.containerPath, other];
      if (expected in container) {
        out.push(finding(ctx, doc, ctx.locate(path, 'key'), `"${other}" is ignored: ${client} reads its servers from "${expected}" only. Move these servers into "${expected}" or delete "${other}".`, { severity: 'warning' }));
        continue;
      }
      const alias = ctx.format.client === 'vscode' && other === 'mcpServers';
      const message = alias
        ? `"mcpServers" is another client's key: VS Code reads it only as a deprecated alias and its schema rejects it. Rename it to "servers".`
        : `${client} reads servers from "${expected}", not "${other}": as written, this file defines no servers for ${client}. Rename "${other}" to "${expected}".`;
      out.push(finding(ctx, doc, ctx.locate(path, 'key'), message, {
        severity: alias ? 'warning' : 'error',
        fixes: [fix(`Rename "${other}" to "${expected}"`, renameKey(ctx, path, expected))],
      }));
    }
    return out;
  },
};
