/**
 * `mcp-devtools list [server…] [--json] [--timeout <s>]`: connects to the servers configured for
 * the current folder and prints their tools, resources, resource templates and prompts.
 *
 * Exit codes: 0 every server listed; 1 a server failed to start or a list failed (the reason is
 * printed on stderr); 2 usage error.
 */
import * as os from 'node:os';
import { discoverConfigs } from '../core/config/discovery';
import { transportSummary, type ServerDefinition } from '../core/config/model';
import { LIST_KINDS, ServerRegistry, VariableError, type ListKind, type ServerSnapshot } from '../core/connection';
import { UsageError, type CliCommand, type Io } from './io';

const TITLES: Record<ListKind, string> = { tools: 'Tools', resources: 'Resources', resourceTemplates: 'Resource Templates', prompts: 'Prompts' };

/** The environment variable the CLI reads for `${input:id}`: `MCP_INPUT_` + the id, upper case, non-alphanumerics as `_`. */
export function inputEnvName(id: string): string {
  return `MCP_INPUT_${id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Parsed common options: server names, `--json`, `--timeout <seconds>`. */
export function parseOptions(args: string[], maxNames = Infinity): { names: string[]; json: boolean; user: boolean; timeoutMs: number } {
  const names: string[] = [];
  let json = false;
  let user = false;
  let timeoutMs = 30_000;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--user') user = true;
    else if (a === '--timeout') {
      const s = Number(args[++i]);
      if (!(s > 0)) throw new UsageError('--timeout needs a number of seconds');
      timeoutMs = s * 1000;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else names.push(a);
  }
  if (names.length > maxNames) throw new UsageError(`unexpected argument "${names[maxNames]}"`);
  return { names, json, user, timeoutMs };
}

/**
 * The servers configured for `io.cwd` (its workspace files and Claude Code's local-scope entry
 * for it; with `user`, the user-scope files too), filtered by name, in a registry ready to start.
 * `close()` stops every server; until then Ctrl-C does the same before exiting.
 * @throws UsageError when a named server is not configured
 */
export async function workspaceRegistry(io: Io, names: string[], timeoutMs: number, user = false): Promise<{ registry: ServerRegistry; servers: ServerDefinition[]; close(): Promise<void> }> {
  const files = await discoverConfigs({ folders: [io.cwd], includeUser: user });
  for (const f of files) if (f.error) io.err(`warning: ${f.path}: ${f.error.message}`);
  const all = files.flatMap((f) => f.servers).filter((s) => !s.options.disabled || names.includes(s.name));
  for (const n of names) {
    if (!all.some((s) => s.name === n)) {
      throw new UsageError(`no server named "${n}" is configured here${all.length ? ` (configured: ${[...new Set(all.map((s) => s.name))].join(', ')})` : ' (no MCP config file found)'}`);
    }
  }
  const servers = names.length ? all.filter((s) => names.includes(s.name)) : all;
  const registry = new ServerRegistry({
    roots: [io.cwd],
    connectTimeoutMs: timeoutMs,
    requestTimeoutMs: timeoutMs,
    // A command line run lists once: no reconnects.
    reconnect: { maxAttempts: 0 },
    baseEnv: io.env,
    variables: {
      env: io.env,
      workspaceFolder: io.cwd,
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
  return { registry, servers, close };
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
  usage: 'mcp-devtools list [server…] [--json] [--user] [--timeout <seconds>]',
  description: 'connect to the servers configured here (or the named ones; --user adds user-scope configs) and print their tools, resources, resource templates and prompts',
  async run(args, io) {
    const { names, json, user, timeoutMs } = parseOptions(args);
    const { registry, servers, close } = await workspaceRegistry(io, names, timeoutMs, user);
    try {
      if (!servers.length) {
        io.err('No MCP servers configured here (looked for MCP config files in the current folder).');
        return 1;
      }
      await registry.startAll();
      const snaps = registry.all();
      if (json) {
        io.out(JSON.stringify(snaps.map((s) => ({
          name: s.definition.name, file: s.definition.file, transport: s.info?.transport ?? s.definition.transport?.kind, state: s.state.kind,
          error: failures(s)[0], serverInfo: s.info?.serverInfo, protocolVersion: s.info?.protocolVersion, capabilities: s.info?.capabilities, instructions: s.info?.instructions,
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
