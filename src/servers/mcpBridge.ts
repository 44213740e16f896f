import * as os from 'node:os';
import * as vscode from 'vscode';
import { selectBridged, type BridgedServer, type VscodeDiscovery } from '../core/bridge';
import { processPath } from '../core/configDoctor/clientPath';
import { loadLive } from '../core/lazy';
import type { ServersContext } from './serversContext';

/** The id of the provider, as `contributes.mcpServerDefinitionProviders` in package.json declares it. */
export const BRIDGE_PROVIDER_ID = 'mcpDevtools.bridge';

/** VS Code's own settings that say what it discovers by itself. */
function vscodeDiscovery(): VscodeDiscovery {
  const chat = vscode.workspace.getConfiguration('chat.mcp');
  return { discovery: chat.get<boolean | Record<string, boolean>>('discovery.enabled', {}), workspaceRootConfig: chat.get<boolean>('workspaceRootConfig.enabled', false) };
}

/**
 * `mcpDevtools.bridge.enabled`: hands the servers of other clients' files to VS Code's own MCP
 * support through `vscode.lm.registerMcpServerDefinitionProvider`, so that chat can use them.
 * Which servers and as what is the core's (`core/bridge`); here they become
 * `McpStdioServerDefinition` / `McpHttpServerDefinition`. Nothing starts here: VS Code starts a
 * server when chat needs it, after `resolveMcpServerDefinition`, which asks for trust (a workspace
 * server, as Start Server does), resolves its variables and fixes its command for VS Code's PATH
 * (`core/bridge/resolve.ts`, loaded through `lazy.ts`).
 *
 * The provider is always registered (VS Code lists the contributed provider either way); with the
 * setting off it provides nothing.
 */
export function registerMcpBridge(ctx: ServersContext): vscode.Disposable {
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') return new vscode.Disposable(() => undefined);
  const changed = new vscode.EventEmitter<void>();
  /** What each definition handed out stands for (VS Code hands the same object back to resolve). */
  const handed = new WeakMap<vscode.McpServerDefinition, BridgedServer>();
  const byLabel = new Map<string, BridgedServer>();
  const provider: vscode.McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    async provideMcpServerDefinitions() {
      if (!ctx.settings.get('bridge.enabled')) return [];
      const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
      const { servers } = selectBridged(await ctx.servers.getFiles(), vscodeDiscovery(), folders);
      byLabel.clear();
      return servers.map((s) => {
        const d = s.kind === 'stdio'
          ? new vscode.McpStdioServerDefinition(s.label, s.command, s.args, s.env, s.version)
          : new vscode.McpHttpServerDefinition(s.label, vscode.Uri.parse(s.url), s.headers, s.version);
        handed.set(d, s);
        byLabel.set(s.label, s);
        return d;
      });
    },
    async resolveMcpServerDefinition(server) {
      const bridged = handed.get(server) ?? byLabel.get(server.label);
      const found = bridged && (await ctx.servers.getFiles()).flatMap((f) => f.servers.map((def) => ({ def, scope: f.scope }))).find((x) => x.def.id === bridged.id);
      if (!found) throw new Error(`MCP DevTools: "${server.label}" is no longer in its config file; refresh VS Code's MCP servers.`);
      const verdict = await ctx.live.trust.allow(found.def, found.scope, { ask: true });
      if (!verdict.allowed) throw new Error(`MCP DevTools: "${found.def.name}" was not started: ${verdict.reason ?? 'not trusted'}`);
      const r = await loadLive().resolveBridged(found.def, ctx.live.variables, { platform: process.platform, env: process.env, home: os.homedir() }, processPath(process.env));
      for (const note of r.notes) ctx.log.info(`bridge: ${found.def.name}: ${note}`);
      if (r.kind === 'stdio' && server instanceof vscode.McpStdioServerDefinition) {
        server.command = r.command;
        server.args = r.args;
        server.env = r.env;
        if (r.cwd) server.cwd = vscode.Uri.file(r.cwd);
      } else if (r.kind === 'http' && server instanceof vscode.McpHttpServerDefinition) {
        server.uri = vscode.Uri.parse(r.url);
        server.headers = r.headers;
      }
      return server;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.lm.registerMcpServerDefinitionProvider(BRIDGE_PROVIDER_ID, provider),
    ctx.servers.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['mcpDevtools.bridge.enabled', 'chat.mcp.discovery.enabled', 'chat.mcp.workspaceRootConfig.enabled'].some((k) => e.affectsConfiguration(k))) changed.fire();
    }),
  );
}
