/**
 * `mcp-devtools list [server…] [--json] [--timeout <s>] [--config <file>]… [--user]`: connects to
 * the servers configured for the current folder (or the nearest folder above it with MCP config
 * files) and prints their tools, resources, resource templates and prompts. `--json` also reports
 * the client capabilities declared (`clientCapabilities`): servers may offer tools only to
 * clients that declared what the tool needs (server-everything's `trigger-sampling-request`).
 *
 * Exit codes: 0 every server listed; 1 a server failed to start or a list failed (the reason is
 * printed on stderr); 2 usage error.
 */
import * as os from 'node:os';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { transportSummary, type ServerDefinition } from '../core/config/model';
import { clientCapabilities, LIST_KINDS, ServerRegistry, VariableError, type ListKind, type ServerSnapshot } from '../core/connection';
import { loadConfigs, type LoadedConfigs } from './configs';
import { UsageError, type CliCommand, type Io } from './io';
import { CONFIG_OPTIONS, CONFIG_USAGE, configChoice, OUTPUT_OPTIONS, parseCommandLine, timeoutMs, type ConfigChoice } from './options';
import { terminalRequestHandlers } from './serverRequests';

const TITLES: Record<ListKind, string> = { tools: 'Tools', resources: 'Resources', resourceTemplates: 'Resource Templates', prompts: 'Prompts' };

/** The environment variable the CLI reads for `${input:id}`: `MCP_INPUT_` + the id, upper case, non-alphanumerics as `_`. */
export function inputEnvName(id: string): string {
  return `MCP_INPUT_${id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Parsed options of `list`, `read` and `describe`: server names (and a URI or tool), `--json`, `--timeout <seconds>`, and the config options. */
export function parseOptions(args: string[], maxNames = Infinity): { names: string[]; json: boolean; timeoutMs: number; choice: ConfigChoice } {
  const { values, positionals } = parseCommandLine(args, { ...OUTPUT_OPTIONS, ...CONFIG_OPTIONS });
  if (positionals.length > maxNames) throw new UsageError(`unexpected argument "${positionals[maxNames]}"`);
  return { names: positionals, json: values.json ?? false, timeoutMs: timeoutMs(values.timeout, 30_000), choice: configChoice(values) };
}

/** A registry of configured servers, ready to start. */
export interface WorkspaceServers {
  registry: ServerRegistry;
  servers: ServerDefinition[];
  /** What the CLI declares in `initialize`: roots always; elicitation and sampling on a terminal. */
  clientCapabilities: ClientCapabilities;
  /** Where the config files came from. */
  configs: LoadedConfigs;
  /** Stops every server. */
  close(): Promise<void>;
}

/**
 * The servers of the config files `choice` selects (see {@link loadConfigs}: the nearest folder
 * with MCP config files from `io.cwd` up, or the `--config` files; `--user` adds user-scope files),
 * filtered by name, in a registry ready to start. Roots are the folder found (or each `--config`
 * file's workspace folder); `${workspaceFolder}` is the folder a server's file implies. On a
 * terminal, elicitation and sampling requests are answered there ({@link terminalRequestHandlers}).
 * `close()` stops every server; until then Ctrl-C does the same before exiting.
 * @throws UsageError when a named server is not configured, or a `--config` file cannot be read
 */
export async function workspaceRegistry(io: Io, names: string[], timeoutMs: number, choice: ConfigChoice): Promise<WorkspaceServers> {
  const configs = await loadConfigs(io, choice);
  for (const f of configs.files) if (f.error) io.err(`warning: ${f.path}: ${f.error.message}`);
  const all = configs.files.flatMap((f) => f.servers).filter((s) => !s.options.disabled || names.includes(s.name));
  for (const n of names) {
    if (!all.some((s) => s.name === n)) {
      throw new UsageError(`no server named "${n}" is configured ${configs.describe()}${all.length ? ` (configured: ${[...new Set(all.map((s) => s.name))].join(', ')})` : ' (no MCP config file found)'}`);
    }
  }
  const servers = names.length ? all.filter((s) => names.includes(s.name)) : all;
  const requests = io.terminal ? terminalRequestHandlers(io.terminal) : undefined;
  const registry = new ServerRegistry({
    roots: configs.roots,
    connectTimeoutMs: timeoutMs,
    requestTimeoutMs: timeoutMs,
    // A command line run lists once: no reconnects.
    reconnect: { maxAttempts: 0 },
    baseEnv: io.env,
    requests,
    variables: {
      env: io.env,
      workspaceFolder: configs.workspaceFolder,
      userHome: os.homedir(),
      input: async (id) => {
        const value = io.env[inputEnvName(id)];
        if (value === undefined) throw new VariableError(`\${input:${id}} needs a value: the command line cannot ask, so set the environment variable ${inputEnvName(id)}`);
        return value;
      },
    },
  });
  await registry.setDefinitions(servers);
  // Ctrl-C must not leave servers behind: stop them, then exit as interrupted.
  const onSignal = () => void registry.dispose().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const close = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await registry.dispose();
  };
  // Every server gets the same handlers, so the same capabilities.
  const declared = clientCapabilities(servers[0] && requests ? requests(servers[0]) : undefined);
  return { registry, servers, clientCapabilities: declared, configs, close };
}

/** The failures of one server, as lines: its start error, or each failed list. */
export function failures(s: ServerSnapshot): string[] {
  if (s.state.kind === 'error') return [s.state.message, ...s.state.stderrTail.slice(-5).map((l) => `  stderr: ${l}`)];
  if (s.state.kind !== 'running') return [`not running (${s.state.kind})`];
  return LIST_KINDS.flatMap((k) => { const l = s.lists[k]; return l.kind === 'error' ? [l.message] : []; });
}

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
      const desc = item.description ? `  — ${item.description.split('\n')[0].slice(0, 100)}` : '';
      io.out(`    ${label}${desc}`);
    }
  }
}

export const listCommand: CliCommand = {
  name: 'list',
  usage: `mcp-devtools list [server…] [--json] [--timeout <seconds>] ${CONFIG_USAGE}`,
  description: 'connect to the servers configured here (or the named ones) and print their tools, resources, resource templates and prompts; --json also gives the client capabilities declared, on which a server\'s lists may depend',
  async run(args, io) {
    const { names, json, timeoutMs, choice } = parseOptions(args);
    const { registry, servers, clientCapabilities: declared, configs, close } = await workspaceRegistry(io, names, timeoutMs, choice);
    try {
      if (!servers.length) {
        io.err(`No MCP servers configured: no MCP config file with servers found ${configs.describe()}.`);
        return 1;
      }
      await registry.startAll();
      const snaps = registry.all();
      if (json) {
        io.out(JSON.stringify(snaps.map((s) => ({
          name: s.definition.name, file: s.definition.file, transport: s.info?.transport ?? s.definition.transport?.kind, state: s.state.kind,
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
      }
      return failed ? 1 : 0;
    } finally {
      await close();
    }
  },
};
