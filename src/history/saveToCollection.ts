/**
 * Save Call to Collection… (a result view's link, a History entry's context menu): the entry's
 * call saved with its result as the snapshot in a collection file (`*.mcp-tests.json`,
 * `core/collections`) that `mcp-devtools test` replays. The result is the raw one shown, while the
 * History holds it in memory (the last calls of this window); an older entry's call is run again
 * with the same arguments, because the History stores the rendered view of a result, not the raw
 * result a snapshot compares. The file is picked among the workspace's collection files, or a new one.
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
  const pick = files.length ? await vscode.window.showQuickPick(items, { title: 'MCP: Save Call to Collection', placeHolder: 'The collection file to add the call and its result to' }) : items[items.length - 1];
  if (!pick) return undefined;
  if (pick.uri) return pick.uri;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const to = await vscode.window.showSaveDialog({ title: 'New MCP collection file', defaultUri: folder && vscode.Uri.joinPath(folder, 'calls.mcp-tests.json'), filters: { 'MCP collection': ['mcp-tests.json'] }, saveLabel: 'Create' });
  if (!to) return undefined;
  return to.path.endsWith('.mcp-tests.json') ? to : to.with({ path: `${to.path.replace(/\.json$/, '')}.mcp-tests.json` });
}

/**
 * Appends the entry's call to a collection file (`target`, or one the user picks), with the raw
 * result this window still holds, else running the call again. A redacted argument is asked for
 * again (as Edit and Re-run, so the call runs again), and saved as `<redacted>`.
 * @returns the file written, or undefined when cancelled or when the call failed (said in a message)
 */
export async function saveCallToCollection(ctx: HistoryContext, e?: HistoryEntry, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!e) return undefined;
  const file = target ?? (await pickCollection());
  if (!file) return undefined;
  const serverId = serverIdFor(ctx, e);
  const kept = hasRedacted(e.arguments) ? undefined : ctx.history.rawResult(e.id);
  let done: { raw?: unknown; args: Record<string, unknown> };
  if (kept !== undefined) {
    done = { raw: kept, args: e.arguments }; // the result that was shown, from this window's memory: nothing runs again
  } else {
    const request = hasRedacted(e.arguments)
      ? { initialArguments: JSON.parse(JSON.stringify(e.arguments, (_k, v) => (v === REDACTED ? undefined : v))) as Record<string, unknown> }
      : { arguments: e.arguments };
    const call = await fillCall(ctx, { kind: e.kind, server: serverId, name: e.name }, request);
    if (!call) return undefined;
    done = { raw: (await executeCall(ctx, call)).raw, args: call.args };
  }
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
  const { call: saved, notes } = savedCallOf({ kind: e.kind, name: e.name, server: definition, arguments: done.args, raw: done.raw, redact: (t) => ctx.live.redact(serverId, t) }, folder, cwd);
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
