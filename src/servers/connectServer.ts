import * as os from 'node:os';
import * as vscode from 'vscode';
import { AdHocError, adHocDefinition, type AdHocServer } from '../core/config/adHoc';
import { parseServerInput } from '../core/config/commandLine';
import type { ServerDefinition } from '../core/config/model';
import { serverIdOf, type ServerArg, type ServersContext } from './serversContext';

/**
 * What "Connect to Server…" may be given instead of asking (palette, code, tests): the text the
 * input box takes (`commandLine`: a command line with optional leading `NAME=value`, or a URL),
 * for a URL its `headers`, for a command line more `env` (added to its leading `NAME=value`).
 */
export interface ConnectArgs {
  commandLine?: string;
  headers?: Record<string, string>;
  env?: Record<string, string>;
}

/** The message of a bad input, or undefined when it can be connected to. */
function inputProblem(text: string): string | undefined {
  if (!text.trim()) return undefined;
  try {
    parseServerInput(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * MCP: Connect to Server… — a command line or a URL, typed (validated as you type) or given, made
 * into a server with no config file (`core/config/adHoc.ts`) that shows under "Connected in This
 * Window" for this window only, and started. Relative paths are taken from the first workspace
 * folder (the home folder without one).
 * @returns the server's id, or undefined when cancelled
 * @throws Error for a given `commandLine` that is not a command line or a URL
 */
export async function connectToServer(ctx: ServersContext, args?: ConnectArgs): Promise<string | undefined> {
  const text = args?.commandLine ?? await vscode.window.showInputBox({
    title: 'MCP: Connect to Server',
    prompt: 'A command line that starts a stdio server (API_KEY=… first for its environment), or the URL of a Streamable HTTP, SSE or WebSocket server',
    placeHolder: 'node build/index.js   or   npx -y @modelcontextprotocol/server-everything   or   http://127.0.0.1:3000/mcp',
    ignoreFocusOut: true,
    validateInput: inputProblem,
  });
  if (!text?.trim()) return undefined;
  let server: AdHocServer;
  try {
    server = parseServerInput(text);
  } catch (e) {
    if (e instanceof AdHocError) throw new Error(`Cannot connect to "${text}": ${e.message}`);
    throw e;
  }
  if (server.kind === 'url' && args?.headers) server.headers = args.headers;
  if (server.kind === 'command' && args?.env) server.env = { ...server.env, ...args.env };
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? os.homedir();
  const def = adHocDefinition(server, folder);
  await ctx.servers.connect(def);
  await ctx.live.sync();
  await ctx.reveal({ kind: 'server', server: def }).catch(() => undefined);
  const blocked = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Starting MCP server ${def.name}…` }, () => ctx.live.start(def.id));
  const s = ctx.live.snapshot(def.id);
  if (blocked) void vscode.window.showWarningMessage(`MCP server "${def.name}" was not started: ${blocked}`);
  else if (s?.state.kind === 'error') {
    void vscode.window.showErrorMessage(`MCP server "${def.name}" failed to start: ${s.state.message}`, 'Show Output').then((a) => a && ctx.live.logs.show(def.id, def.name));
  }
  return def.id;
}

/**
 * The server with no config file a command acts on: the one its argument names, the only one, or
 * the user's pick. @returns undefined when there is none or the user cancelled
 */
export async function pickConnected(ctx: ServersContext, arg: ServerArg, title: string): Promise<ServerDefinition | undefined> {
  const connected = ctx.live.all().map((s) => s.definition).filter((d) => d.adHoc);
  const given = serverIdOf(arg);
  if (given) return connected.find((d) => d.id === given);
  if (connected.length < 2) {
    if (!connected.length) void vscode.window.showInformationMessage(`${title}: no server is connected without a config file ("MCP: Connect to Server…" connects one).`);
    return connected[0];
  }
  const pick = await vscode.window.showQuickPick(connected.map((d) => ({ label: d.name, def: d })), { title, placeHolder: 'Pick a server connected in this window' });
  return pick?.def;
}

/** Disconnect — stops a server connected with no config file and removes it from this window. */
export async function disconnectServer(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const def = await pickConnected(ctx, arg, 'MCP: Disconnect');
  if (!def) return;
  await ctx.live.stop(def.id);
  await ctx.servers.disconnect(def.id);
  await ctx.live.sync();
}
