/**
 * Save Call to Collection… (a History entry's context menu): the entry's call, run again with
 * the same arguments, saved with its result as the snapshot in a collection file
 * (`*.mcp-tests.json`, `core/collections`) that `mcp-devtools test` replays. The call is run
 * again because the History keeps the rendered view of a result, not the raw result a snapshot
 * compares. The file is picked among the workspace's collection files, or a new one.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executeCall } from '../calls/executeCall';
import { fillCall } from '../calls/fillCall';
import { appendCall, savedCallOf } from '../core/lazy';
import { REDACTED, type HistoryEntry } from '../core/history';
import type { HistoryContext } from './historyContext';
import { hasRedacted, serverIdFor } from './historyCommands';

/** Where collection files are looked for, and what is skipped. */
const COLLECTION_GLOB = '**/*.mcp-tests.json';
const SKIPPED = '**/{node_modules,.git}/**';

/** A collection file: one of the workspace's, or a new one through a save dialog. @returns undefined when cancelled */
async function pickCollection(): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(COLLECTION_GLOB, SKIPPED, 200);
  const NEW = '$(new-file) New collection file…';
  const items = [...files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f as vscode.Uri | undefined })), { label: NEW, uri: undefined }];
  const pick = files.length ? await vscode.window.showQuickPick(items, { title: 'MCP: Save Call to Collection', placeHolder: 'The collection file to add the call to (the call runs again to record its result)' }) : items[items.length - 1];
  if (!pick) return undefined;
  if (pick.uri) return pick.uri;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const to = await vscode.window.showSaveDialog({ title: 'New MCP collection file', defaultUri: folder && vscode.Uri.joinPath(folder, 'calls.mcp-tests.json'), filters: { 'MCP collection': ['mcp-tests.json'] }, saveLabel: 'Create' });
  if (!to) return undefined;
  return to.path.endsWith('.mcp-tests.json') ? to : to.with({ path: `${to.path.replace(/\.json$/, '')}.mcp-tests.json` });
}

/**
 * Runs the entry's call again and appends it to a collection file (`target`, or one the user
 * picks). A redacted argument is asked for again (as Edit and Re-run), and saved as `<redacted>`.
 * @returns the file written, or undefined when cancelled or when the call failed (said in a message)
 */
export async function saveCallToCollection(ctx: HistoryContext, e?: HistoryEntry, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!e) return undefined;
  const file = target ?? (await pickCollection());
  if (!file) return undefined;
  const serverId = serverIdFor(ctx, e);
  const request = hasRedacted(e.arguments)
    ? { initialArguments: JSON.parse(JSON.stringify(e.arguments, (_k, v) => (v === REDACTED ? undefined : v))) as Record<string, unknown> }
    : { arguments: e.arguments };
  const call = await fillCall(ctx, { kind: e.kind, server: serverId, name: e.name }, request);
  if (!call) return undefined;
  const done = await executeCall(ctx, call);
  const definition = ctx.live.snapshot(serverId)?.definition;
  if (done.raw === undefined || !definition) {
    void vscode.window.showErrorMessage(`Nothing saved: the call of ${e.name} on "${e.server}" failed, so there is no result to keep as a snapshot. Fix the call, then save it again.`);
    return undefined;
  }
  let text: string | undefined;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    text = undefined; // a new file
  }
  const folder = path.dirname(file.fsPath);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? folder;
  const { call: saved, notes } = savedCallOf({ kind: e.kind, name: e.name, server: definition, arguments: call.args, raw: done.raw, redact: (t) => ctx.live.redact(serverId, t) }, folder, cwd);
  let next: string;
  try {
    next = appendCall(text, saved);
  } catch (err) {
    void vscode.window.showErrorMessage(`Nothing saved: ${vscode.workspace.asRelativePath(file)} is not a collection file (${(err as Error).message}). Pick another file or fix this one.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
  const message = `Saved ${e.kind} ${e.name} to ${vscode.workspace.asRelativePath(file)}${notes.length ? `. ${notes.join('. ')}` : ''}. Run it with: npx mcp-devtools test`;
  void (notes.length ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
  return file;
}
