import { CLIENT_LABELS } from '../../config/model';
import { ALL_URL_KEYS, CLIENTS, typeFamily } from '../../clients';
import { renameKey, setPath } from '../edits';
import { isObject } from '../servers';
import { serverTypos } from '../typos';
import type { Finding, LintContext, RelatedInfo, Rule, RuleDoc, ServerEntry } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'transport',
  severity: 'error',
  description: 'A server with no transport (no command and no URL), with both a command and a URL, with two URL keys (each reported on the server\'s name, the fields in conflict as related information), with a URL key this client does not read (serverUrl outside Windsurf, httpUrl outside Gemini), a remote server in Claude Desktop, a "url" without "type" in Roo Code, or a "type" that contradicts the fields. A server whose "command" or URL key is misspelt ("comand") is left to unknown-field.',
  fix: 'Rename a URL key to the one this client reads.',
  source: 'Each client\'s documentation of its server fields: serverUrl (Windsurf), httpUrl and tcp (Gemini CLI: exactly one of url, httpUrl, tcp), no remote servers in Claude Desktop\'s file (they are added in its UI); Roo Code\'s McpHub.ts validateServerConfig (a url must say its type).',
};

export const transportRule: Rule = {
  doc,
  check(ctx) {
    const profile = CLIENTS[ctx.format.client];
    const preferred = profile.preferredUrlKey;
    // the client's URL keys, the one to write first
    const ownKeys = [preferred, ...profile.urlKeys.map((u) => u.key).filter((k) => k !== preferred)];
    const client = CLIENT_LABELS[ctx.format.client];
    const out: Finding[] = [];
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      const v = s.value;
      const hasCommand = 'command' in v;
      const urlKeys = ALL_URL_KEYS.filter((k) => k in v);
      const foreign = profile.remote ? urlKeys.filter((k) => !ownKeys.includes(k)) : urlKeys;
      const own = profile.remote ? urlKeys.filter((k) => ownKeys.includes(k)) : [];
      for (const k of foreign) {
        const target = preferred;
        const canRename = profile.remote && !own.length && !hasCommand;
        out.push(finding(ctx, doc, ctx.locate([...s.path, k], 'key'),
          profile.remote
            ? `${client} does not read "${k}" (server "${s.name}"): it expects "${ownKeys.join('" or "')}".${canRename ? ` Rename "${k}" to "${target}".` : ''}`
            : `${client} runs stdio servers only: "${k}" in server "${s.name}" is ignored. Add remote servers in ${client}'s settings UI instead, or run a stdio bridge (e.g. "npx -y mcp-remote <url>").`,
          { fixes: canRename ? [fix(`Rename "${k}" to "${target}"`, renameKey(ctx, [...s.path, k], target))] : [] }));
      }
      // Zed: a server an extension provides has only `settings` (ContextServerSettingsContent::Extension)
      if (ctx.format.client === 'zed' && !hasCommand && !urlKeys.length && ('settings' in v || v.source === 'extension')) continue;
      if (!hasCommand && !urlKeys.length) {
        const typos = serverTypos(ctx, s);
        if (typos.has('command') || ownKeys.some((k) => typos.has(k))) continue; // unknown-field: "comand" → "command"
        const what = profile.remote ? `"command" (a stdio server) or "${preferred}" (a remote server)` : '"command"';
        out.push(finding(ctx, doc, serverKey(ctx, s), `Server "${s.name}" has no transport: add ${what}.`));
        continue;
      }
      if (hasCommand && own.length) {
        out.push(finding(ctx, doc, serverKey(ctx, s), `Server "${s.name}" has both "command" and "${own[0]}": a server is either a local process or a remote URL. Remove one of them (or split it into two servers).`, {
          related: [field(ctx, s, 'command', 'the command: a local process'), field(ctx, s, own[0], 'the URL: a remote server')],
        }));
      }
      if (own.length > 1) {
        const gemini = ctx.format.client === 'gemini';
        out.push(finding(ctx, doc, serverKey(ctx, s), `Server "${s.name}" sets both "${own[0]}" and "${own[1]}"${gemini ? ': Gemini CLI requires exactly one of url, httpUrl, tcp' : ''}. Keep one.`, {
          severity: gemini ? 'error' : 'warning',
          related: own.map((k) => field(ctx, s, k, "a URL key")),
        }));
      }
      const type = typeof v.type === 'string' ? typeFamily(v.type) : undefined;
      if (type === 'stdio' && !hasCommand && urlKeys.length) {
        out.push(finding(ctx, doc, ctx.locate([...s.path, 'type']), `Server "${s.name}" says type "${String(v.type)}" (a local process) but has no "command", only "${urlKeys[0]}". Set the type of the remote transport, or add "command".`));
      } else if (type && type !== 'stdio' && hasCommand && !urlKeys.length) {
        out.push(finding(ctx, doc, ctx.locate([...s.path, 'type']), `Server "${s.name}" says type "${String(v.type)}" (a remote server) but has "command" and no URL. Use type "stdio", or replace "command" with "${preferred}".`));
      }
      if (ctx.format.client === 'roo' && own.length && !hasCommand && v.type === undefined) {
        out.push(finding(ctx, doc, ctx.locate([...s.path, own[0]], 'key'), `Roo Code rejects a "url" without "type" (server "${s.name}"): add "type": "streamable-http" (or "sse" for a legacy SSE server).`, {
          fixes: [fix('Add "type": "streamable-http"', setPath(ctx, [...s.path, 'type'], 'streamable-http'))],
        }));
      }
      if (ctx.format.client === 'cline' && own.length && !hasCommand && v.type === undefined && v.transportType === undefined) {
        out.push(finding(ctx, doc, ctx.locate([...s.path, own[0]], 'key'), `Cline treats a "url" without "type" as legacy SSE (server "${s.name}"). If the server speaks Streamable HTTP, add "type": "streamableHttp".`, { severity: 'info' }));
      }
    }
    return out;
  },
};

/** Where a whole-server finding goes: the server's name (its key, or its `name` field in a list). */
function serverKey(ctx: LintContext, s: ServerEntry): ReturnType<LintContext['locate']> {
  return typeof s.path[s.path.length - 1] === 'number' && ctx.has([...s.path, 'name']) ? ctx.locate([...s.path, 'name']) : ctx.locate(s.path, 'key');
}

/** A field of the server as related information. */
function field(ctx: LintContext, s: ServerEntry, key: string, what: string): RelatedInfo {
  return { range: ctx.locate([...s.path, key], 'key'), message: `"${key}" (server "${s.name}"): ${what}` };
}
