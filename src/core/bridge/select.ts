/**
 * The bridge to VS Code's own MCP support, its pure half: which servers of other clients' files
 * are handed to VS Code (`vscode.lm.registerMcpServerDefinitionProvider`), and what each becomes.
 *
 * VS Code already reads, and so must not be handed twice (source: VS Code 1.139,
 * `src/vs/workbench/contrib/mcp`, and its docs "MCP servers in VS Code"):
 * - its own files: `.vscode/mcp.json`, the user profile's `mcp.json`, a `*.code-workspace`'s `mcp`
 *   key and the legacy `mcp` key of settings (client `vscode`), always;
 * - with `chat.mcp.discovery.enabled` (an object of booleans per source, or one boolean in older
 *   versions): `claude-desktop` (Claude Desktop's file), `windsurf` (Windsurf's
 *   `~/.codeium/windsurf/mcp_config.json`), `cursor-global` (`~/.cursor/mcp.json`),
 *   `cursor-workspace` (`.cursor/mcp.json`), `copilot` (Copilot CLI's `~/.copilot/mcp-config.json`);
 * - with `chat.mcp.workspaceRootConfig.enabled`: `.mcp.json` at a workspace folder's root (Claude Code's project file).
 *
 * Pure core: no `vscode` import.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { CLIENT_LABELS, type ConfigFile, type ServerDefinition } from '../config/model';

/** What VS Code discovers by itself: its settings `chat.mcp.discovery.enabled` and `chat.mcp.workspaceRootConfig.enabled`. */
export interface VscodeDiscovery {
  /** `chat.mcp.discovery.enabled`: per source, or `true`/`false` for every source. */
  discovery: boolean | Partial<Record<string, boolean>>;
  /** `chat.mcp.workspaceRootConfig.enabled`. */
  workspaceRootConfig: boolean;
}

/** The `chat.mcp.discovery.enabled` source of a file VS Code can discover, else `undefined`. */
export function discoverySource(file: Pick<ConfigFile, 'client' | 'scope'>): string | undefined {
  switch (file.client as string) {
    case 'claude-desktop':
      return 'claude-desktop';
    case 'windsurf':
      return file.scope === 'user' ? 'windsurf' : undefined;
    case 'cursor':
      return file.scope === 'user' ? 'cursor-global' : 'cursor-workspace';
    case 'copilot':
    case 'copilot-cli':
      return 'copilot';
    default:
      return undefined;
  }
}

/**
 * Why VS Code already has `file`'s servers, or `undefined` when it does not.
 * @param workspaceFolders the open workspace folders (absolute), for `.mcp.json` at a root
 */
export function vscodeDiscovers(file: Pick<ConfigFile, 'client' | 'scope' | 'path'>, d: VscodeDiscovery, workspaceFolders: readonly string[]): string | undefined {
  if (file.client === 'vscode') return 'VS Code reads its own MCP files';
  const source = discoverySource(file);
  const on = typeof d.discovery === 'boolean' ? d.discovery : source !== undefined && d.discovery[source] === true;
  if (source && on) return `VS Code discovers it itself (chat.mcp.discovery.enabled: ${source})`;
  if (d.workspaceRootConfig && file.client === 'claude-code' && path.basename(file.path) === '.mcp.json' && workspaceFolders.includes(path.dirname(file.path))) {
    return 'VS Code reads .mcp.json at the workspace root itself (chat.mcp.workspaceRootConfig.enabled)';
  }
  return undefined;
}

/** A server as handed to VS Code, as written (variables unresolved: `resolveMcpServerDefinition` resolves them). */
export type BridgedServer =
  | { kind: 'stdio'; id: string; label: string; version: string; command: string; args: string[]; env: Record<string, string | null>; cwd?: string }
  | { kind: 'http'; id: string; label: string; version: string; url: string; headers: Record<string, string> };

/** The servers handed over, and those left out with why. */
export interface BridgeSelection {
  servers: BridgedServer[];
  skipped: { id: string; name: string; reason: string }[];
}

/** A version that changes whenever what the definition launches changes (VS Code then offers to refresh its tools). */
function versionOf(def: ServerDefinition): string {
  return createHash('sha256').update(JSON.stringify(def.transport ?? null, (k, v) => (k === 'range' ? undefined : v))).digest('hex').slice(0, 12);
}

/**
 * The servers of `files` VS Code should get from the bridge: every enabled server with a stdio or
 * HTTP transport, in a file VS Code does not read itself ({@link vscodeDiscovers}). Legacy SSE
 * servers go as HTTP (VS Code falls back to SSE itself); WebSocket servers are left out (VS Code
 * has no WebSocket transport). Labels are `<name> (<client>)`, numbered when two would be equal.
 */
export function selectBridged(files: readonly ConfigFile[], d: VscodeDiscovery, workspaceFolders: readonly string[]): BridgeSelection {
  const out: BridgeSelection = { servers: [], skipped: [] };
  const labels = new Map<string, number>();
  for (const f of files) {
    const own = vscodeDiscovers(f, d, workspaceFolders);
    for (const s of f.servers) {
      const t = s.transport;
      const skip = own ?? (s.options.disabled ? 'disabled in its file' : !t ? 'no command or URL' : t.kind === 'ws' ? 'VS Code has no WebSocket transport' : undefined);
      if (skip || !t || t.kind === 'ws') {
        out.skipped.push({ id: s.id, name: s.name, reason: skip ?? '' });
        continue;
      }
      const base = `${s.name} (${CLIENT_LABELS[s.client]}${f.scope === 'user' ? ', user' : ''})`;
      const n = (labels.get(base) ?? 0) + 1;
      labels.set(base, n);
      const label = n === 1 ? base : `${base} ${n}`;
      const version = versionOf(s);
      if (t.kind === 'stdio') {
        out.servers.push({
          kind: 'stdio', id: s.id, label, version, command: t.command.value, args: t.args.map((a) => a.value),
          env: Object.fromEntries(Object.entries(t.env).map(([k, v]) => [k, v.value])), ...(t.cwd && { cwd: t.cwd.value }),
        });
      } else {
        out.servers.push({ kind: 'http', id: s.id, label, version, url: t.url.value, headers: Object.fromEntries(Object.entries(t.headers).map(([k, v]) => [k, v.value])) });
      }
    }
  }
  return out;
}
