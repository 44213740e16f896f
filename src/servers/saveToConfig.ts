import * as path from 'node:path';
import * as vscode from 'vscode';
import { AdHocError } from '../core/config/adHoc';
import { canWriteServers, formatById, formatForPath, type ConfigFormat } from '../core/config/formats';
import { CLIENT_LABELS } from '../core/config/model';
import { addServerEdits } from '../core/lazy';
import { pickConnected } from './connectServer';
import type { ServerArg, ServersContext } from './serversContext';
import { CONNECTED_FILE } from './serversModel';

/** A file a server can be saved into. */
interface Target {
  path: string;
  format: ConfigFormat;
  exists: boolean;
}

/** The command's argument: the server, and (palette, code, tests) the file to write, absolute. */
export type SaveArgs = ServerArg & { file?: string };

/** Every workspace folder's `.vscode/mcp.json` (created if missing), then every JSON config file read. */
async function targets(ctx: ServersContext): Promise<Target[]> {
  const out: Target[] = [];
  const vscodeFormat = formatById('vscode-workspace');
  const files = (await ctx.servers.getFiles()).filter((f) => f.path !== CONNECTED_FILE);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const p = path.join(folder.uri.fsPath, '.vscode', 'mcp.json');
    out.push({ path: p, format: vscodeFormat, exists: files.some((f) => f.path === p) });
  }
  for (const f of files) {
    const format = f.format ? formatById(f.format) : undefined;
    if (!format || !canWriteServers(format) || f.error || out.some((t) => t.path === f.path)) continue;
    out.push({ path: f.path, format, exists: true });
  }
  return out;
}

/** `given` as a target: its format from its path (`.vscode/mcp.json`, `.cursor/mcp.json`, …). @throws Error for a file no client reads */
async function givenTarget(file: string): Promise<Target> {
  const format = formatForPath(file);
  if (!format) throw new Error(`${file} is not a config file of a known MCP client: pick .vscode/mcp.json or another client's file.`);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
  } catch {
    exists = false;
  }
  return { path: file, format, exists };
}

/**
 * Save to Config… — writes a server connected with no config file into a config file (the
 * workspace's `.vscode/mcp.json`, created if missing, or any JSON config file read) in that
 * client's dialect, with one minimal edit (jsonc-parser `modify`, `core/config/serverEntry.ts`),
 * under a name not taken there. Then the configured server replaces the connected one: trusted
 * (it is what the user ran), and started if the connected one was running.
 * @returns the file written, the name and the new server's id; undefined when cancelled
 * @throws Error when the file cannot hold the server (TOML, YAML, a client with no remote servers)
 */
export async function saveServerToConfig(ctx: ServersContext, arg?: SaveArgs): Promise<{ file: string; name: string; serverId: string } | undefined> {
  const def = await pickConnected(ctx, arg, 'MCP: Save to Config');
  if (!def) return undefined;
  let target: Target | undefined;
  if (arg && 'file' in arg && typeof arg.file === 'string') target = await givenTarget(arg.file);
  else {
    const all = await targets(ctx);
    if (!all.length) throw new Error('There is no config file to save to: open a folder (for .vscode/mcp.json) first.');
    const pick = await vscode.window.showQuickPick(all.map((t) => ({
      label: vscode.workspace.asRelativePath(t.path),
      description: `${CLIENT_LABELS[t.format.client]}${t.exists ? '' : ' · created'}`,
      target: t,
    })), { title: `MCP: Save "${def.name}" to Config`, placeHolder: 'Pick the config file to write it into' });
    target = pick?.target;
  }
  if (!target) return undefined;
  const uri = vscode.Uri.file(target.path);
  const doc = target.exists ? await vscode.workspace.openTextDocument(uri) : undefined;
  let result;
  try {
    result = addServerEdits(doc?.getText() ?? '', target.format, def);
  } catch (e) {
    if (e instanceof AdHocError) throw new Error(`Cannot save "${def.name}" to ${vscode.workspace.asRelativePath(uri)}: ${e.message}`);
    throw e;
  }
  if (doc) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${target.path}.`);
    await doc.save();
  } else {
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(target.path)));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.edits[0].newText));
  }
  const text = doc?.getText() ?? result.edits[0].newText;
  const saved = target.format.read(text, target.path).servers.find((s) => s.name === result.name);
  const wasRunning = ctx.live.snapshot(def.id)?.state.kind === 'running';
  await ctx.live.stop(def.id);
  await ctx.servers.disconnect(def.id);
  await ctx.servers.refresh();
  await ctx.live.sync();
  const serverId = saved?.id ?? `${target.path}#${result.name}`;
  if (saved) {
    // the user ran exactly this: no trust question for what they just saved
    await ctx.live.trust.trust(saved);
    if (wasRunning) await ctx.live.start(saved.id, { ask: false });
    await ctx.reveal({ kind: 'server', server: saved }).catch(() => undefined);
  }
  void vscode.window.showInformationMessage(`Saved MCP server "${result.name}" to ${vscode.workspace.asRelativePath(uri)}.`, 'Open File').then((a) => a && vscode.window.showTextDocument(uri));
  return { file: target.path, name: result.name, serverId };
}
