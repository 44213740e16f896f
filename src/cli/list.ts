/**
 * `mcp-devtools list`: connects to the servers configured for the current folder (or the nearest folder above it with MCP config
 * files), or to servers given as a URL or a command line after `--` (`adHoc.ts`), and prints their tools, resources, resource templates and prompts. `--json` also reports
 * the client capabilities declared (`clientCapabilities`): servers may offer tools only to
 * clients that declared what the tool needs (server-everything's `trigger-sampling-request`).
 *
 * Exit codes: 0 every server listed; 1 a server failed to start or a list failed (the reason is
 * printed on stderr); 2 usage error.
 */
import { transportSummary } from '../core/config/model';
import { LIST_KINDS, type ListKind, type ServerSnapshot } from '../core/connection';
import { ADHOC_OPTIONS, ADHOC_SERVER_HELP, serverArguments } from './adHoc';
import { defineCommand, summaryLine, type Io } from './io';
import { CONFIG_OPTIONS, configChoice, DEFAULT_TIMEOUT_SECONDS, timeoutMs, timeoutOption } from './options';
import { failures, serverLog, withServers } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

const TITLES: Record<ListKind, string> = { tools: 'Tools', resources: 'Resources', resourceTemplates: 'Resource Templates', prompts: 'Prompts' };

function printServer(s: ServerSnapshot, io: Io): void {
  const d = s.definition;
  const head = s.info ? `${s.info.serverInfo.name} ${s.info.serverInfo.version}, ${s.info.transport}, protocol ${s.info.protocolVersion ?? '?'}` : s.state.kind;
  io.out(`${d.name}  (${transportSummary(d.transport)})  ${head}`);
  for (const k of LIST_KINDS) {
    const l = s.lists[k];
    if (l.kind === 'unsupported') continue;
    if (l.kind === 'error') {
      io.out(`  ${TITLES[k]}: error: ${l.message}`);
      continue;
    }
    const items = l.kind === 'loaded' ? l.items : [];
    io.out(`  ${TITLES[k]} (${items.length})`);
    for (const item of items as { name: string; title?: string; uri?: string; uriTemplate?: string; description?: string }[]) {
      const id = item.uri ?? item.uriTemplate ?? item.name;
      const label = item.uri || item.uriTemplate ? `${id}  ${item.title ?? item.name}` : item.title && item.title !== item.name ? `${id}  ${item.title}` : id;
      const desc = item.description ? `  — ${summaryLine(item.description)}` : '';
      io.out(`    ${label}${desc}`);
    }
  }
}

export const listCommand = defineCommand({
  name: 'list',
  summary: 'connect to the servers configured here (or the named ones, a server URL, or the command line after --) and print their tools, resources, resource templates and prompts',
  positionals: [{ name: 'server', help: `${ADHOC_SERVER_HELP} (default: every enabled server configured)`, optional: true, variadic: true }],
  options: {
    json: { type: 'boolean', help: 'print JSON, with the client capabilities declared (on which a server\'s lists may depend)' },
    ...timeoutOption(DEFAULT_TIMEOUT_SECONDS),
    ...CONFIG_OPTIONS,
    ...SESSION_OPTIONS,
    ...ADHOC_OPTIONS,
  },
  adHoc: true,
  failure: 'a server failed to start or a list failed',
  async run(values, positionals, io, command) {
    const { names, adHoc } = serverArguments(values, positionals, command, io);
    const request = { names, adHoc, timeoutMs: timeoutMs(values.timeout), choice: configChoice(values), flags: sessionFlags(values, io) };
    return withServers(io, request, async ({ registry, servers, clientCapabilities: declared, configs }) => {
      if (!servers.length) {
        io.err(`No MCP servers configured: no MCP config file with servers found ${configs.describe()}.`);
        return 1;
      }
      await registry.startAll();
      const snaps = registry.all();
      if (values.json) {
        io.out(JSON.stringify(snaps.map((s) => ({
          name: s.definition.name, file: s.definition.adHoc ? undefined : s.definition.file, adHoc: s.definition.adHoc, transport: s.info?.transport ?? s.definition.transport?.kind, state: s.state.kind,
          error: failures(s)[0], serverInfo: s.info?.serverInfo, protocolVersion: s.info?.protocolVersion, capabilities: s.info?.capabilities,
          clientCapabilities: s.info?.clientCapabilities ?? declared, instructions: s.info?.instructions,
          ...Object.fromEntries(LIST_KINDS.map((k) => { const l = s.lists[k]; return [k, l.kind === 'loaded' ? l.items : l.kind === 'error' ? { error: l.message } : null]; })),
        })), null, 2));
      } else {
        snaps.forEach((s, i) => {
          if (i) io.out('');
          printServer(s, io);
        });
      }
      let failed = 0;
      for (const s of snaps) {
        const f = failures(s);
        if (!f.length) continue;
        failed++;
        io.err(`mcp-devtools list: server "${s.definition.name}" failed: ${f.join('\n')}`);
        if (values.verbose) io.err(serverLog(registry, s.definition.id).join('\n'));
      }
      return failed ? 1 : 0;
    });
  },
});
