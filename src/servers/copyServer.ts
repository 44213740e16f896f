import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CopyPlan } from '../core/config/copy';
import { discoveryEnvFromProcess } from '../core/config/env';
import { ALL_FORMATS, formatById } from '../core/config/formats';
import { CLIENT_LABELS, type ServerDefinition } from '../core/config/model';
import { defaultTargetPath, loadReaders, planCopy } from '../core/lazy';
import { pickServer } from './pickServer';
import type { ServerArg, ServersContext } from './serversContext';

/**
 * The command's argument: the server, and (palette, code, tests) the target format id, the file,
 * the name to write it under, or `replace: true` to replace a server of that name without asking.
 */
export type CopyArgs = ServerArg & { to?: string; file?: string; name?: string; replace?: boolean };

/** A string member of the command's argument (a tree node has none of them). */
function given(arg: CopyArgs | undefined, key: 'to' | 'file' | 'name'): string | undefined {
  const v = arg && key in arg ? (arg as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The folder `${workspaceFolder}` means for `def`, and where a project-scope target goes. */
function folderOf(def: ServerDefinition, fileFolder: string | undefined): string {
  return fileFolder ?? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(def.file))?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(def.file);
}

/** The target format: the argument's, else the user's pick among every client's formats with a default file. */
async function pickFormat(def: ServerDefinition, folder: string, given: string | undefined): Promise<string | undefined> {
  if (given) {
    formatById(given); // throws for an unknown id
    return given;
  }
  const env = discoveryEnvFromProcess();
  const items = ALL_FORMATS.map((f) => ({ f, file: defaultTargetPath(f.id, folder, env, def.name) }))
    .filter(({ f, file }) => file && !(f.client === def.client && file === def.file))
    .map(({ f, file }) => ({
      label: CLIENT_LABELS[f.client],
      description: `${f.scope === 'workspace' ? 'project' : 'user'} · ${f.id}`,
      detail: vscode.workspace.asRelativePath(file!),
      id: f.id,
    }));
  const pick = await vscode.window.showQuickPick(items, { title: `MCP: Copy "${def.name}" to…`, placeHolder: 'Pick the client (and its file) to copy the server into', matchOnDescription: true, matchOnDetail: true });
  return pick?.id;
}

async function readText(uri: vscode.Uri): Promise<{ text: string; exists: boolean }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), exists: true };
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), exists: true };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { text: '', exists: false };
    throw e;
  }
}

/** The plan, asking what to do when the name is taken in the target (replace, or the next free name). */
async function planWithClash(ctx: ServersContext, run: (extra: { name?: string; replace?: boolean }) => CopyPlan, arg: CopyArgs | undefined, def: ServerDefinition): Promise<CopyPlan | undefined> {
  const extra = { name: given(arg, 'name'), replace: !!(arg && 'replace' in arg && arg.replace === true) };
  try {
    return run(extra);
  } catch (e) {
    const readers = loadReaders();
    if (!(e instanceof readers.NameClashError)) throw e;
    const name = extra.name ?? def.name;
    let free = 2;
    let planned: CopyPlan | undefined;
    for (; !planned; free++) {
      try {
        planned = run({ name: `${name}-${free}` });
      } catch (again) {
        if (!(again instanceof readers.NameClashError)) throw again;
      }
    }
    const replace = `Replace "${name}" there`;
    const rename = `Copy as "${planned.name}"`;
    const pick = await vscode.window.showQuickPick([replace, rename], { title: `MCP: Copy "${def.name}" — ${vscode.workspace.asRelativePath(e.path)} already has a server "${name}"`, placeHolder: 'Replace it, or copy under another name' });
    if (pick === rename) return planned;
    if (pick === replace) return run({ name, replace: true });
    ctx.log.info(`Copy Server to…: cancelled at the name clash with "${name}" in ${e.path}.`);
    return undefined;
  }
}

/** One edit from `before` to `after`: the text between what they start and end with. */
function minimalEdit(doc: vscode.TextDocument, after: string): { range: vscode.Range; text: string } {
  const before = doc.getText();
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: new vscode.Range(doc.positionAt(start), doc.positionAt(before.length - end)), text: after.slice(start, after.length - end) };
}

/** The scheme of the proposed texts shown in the preview diff (read-only documents). */
const PREVIEW_SCHEME = 'mcp-devtools-copy';
const proposed = new Map<string, string>();
let previewProvider: vscode.Disposable | undefined;

/**
 * Shows the change as a diff (the file as it is ↔ as it would be, `vscode.diff`) and asks, in a
 * notification, whether to write it: `Copy` (its first, primary button) or `Cancel`; dismissing the
 * notification cancels. The diff is closed after the answer.
 * @returns whether the user chose Copy
 */
async function confirmInDiff(ctx: ServersContext, uri: vscode.Uri, exists: boolean, plan: CopyPlan, client: string, notes: string[]): Promise<boolean> {
  if (!previewProvider) {
    previewProvider = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (u) => proposed.get(u.toString()) ?? '' });
    ctx.vscode.subscriptions.push(previewProvider);
  }
  const after = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: uri.path, query: `copy=${encodeURIComponent(plan.name)}` });
  const before = exists ? uri : vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: uri.path, query: 'new' });
  proposed.set(after.toString(), plan.after);
  if (!exists) proposed.set(before.toString(), '');
  const shown = vscode.workspace.asRelativePath(uri);
  try {
    await vscode.commands.executeCommand('vscode.diff', before, after, `${shown}${exists ? '' : ' (new)'} ↔ with "${plan.name}" copied (${client})`, { preview: true });
    const copy = plan.replaced ? `Replace "${plan.name}"` : 'Copy';
    const question = `${plan.replaced ? `Replace the server "${plan.name}" in` : `Copy "${plan.name}" into`} ${shown} (${client}) as the diff shows?${notes.length ? ` ${notes.join(' ')}` : ''}`;
    return (await vscode.window.showInformationMessage(question, copy, 'Cancel')) === copy;
  } finally {
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      if (tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === after.toString()) await vscode.window.tabGroups.close(tab);
    }
    proposed.delete(after.toString());
    proposed.delete(before.toString());
  }
}

/**
 * Copy Server to… — writes a configured server into another client's file, in that client's
 * dialect (`core/config/copy`): the target format picked (or given), its default file (or the
 * given one). The change is shown first as a diff, with a notification asking Copy or Cancel:
 * nothing is written before Copy. (Not the Refactor Preview: VS Code shows an edit that needs
 * confirmation there unticked, so its Apply would write nothing.) A name taken in the target asks:
 * replace it, or copy under the next free name. What the target writes differently or cannot
 * express is in the question, the extension's log, and the message after the copy.
 * @returns the file, the name written and the notes; undefined when cancelled or discarded
 * @throws Error when the target cannot hold the server (a remote server for Claude Desktop, …) or the file cannot be read
 */
export async function copyServerTo(ctx: ServersContext, arg?: CopyArgs): Promise<{ file: string; name: string; notes: string[] } | undefined> {
  const id = await pickServer(ctx, arg, 'MCP: Copy Server to');
  if (!id) return undefined;
  const def = ctx.live.snapshot(id)?.definition;
  if (!def) throw new Error(`Copy Server to: no server with id ${id}; refresh the Servers view and try again.`);
  if (def.adHoc) throw new Error(`Copy Server to: "${def.name}" has no config file; save it to one first (Save to Config…).`);
  const file = (await ctx.servers.getFiles()).find((f) => f.path === def.file);
  const folder = folderOf(def, file?.workspaceFolder);
  const to = await pickFormat(def, folder, given(arg, 'to'));
  if (!to) return undefined;
  const format = formatById(to);
  const target = given(arg, 'file') ?? defaultTargetPath(to, folder, discoveryEnvFromProcess(), given(arg, 'name') ?? def.name);
  if (!target) throw new Error(`Copy Server to: ${to} has no default file; give one (a .code-workspace file).`);
  const uri = vscode.Uri.file(target);
  const { text, exists } = await readText(uri);
  const source = { def, inputs: file?.inputs, workspaceFolder: folder, home: os.homedir() };
  let plan: CopyPlan | undefined;
  try {
    plan = await planWithClash(ctx, (extra) => planCopy({ source, to, path: target, text, ...extra }), arg, def);
  } catch (e) {
    if (e instanceof loadReaders().CopyError) throw new Error(`Cannot copy "${def.name}" to ${CLIENT_LABELS[format.client]} (${vscode.workspace.asRelativePath(uri)}): ${e.message}`);
    throw e;
  }
  if (!plan) return undefined;
  const notes = plan.notes.map((n) => `${n.severity === 'warning' ? 'Warning' : 'Note'}: ${n.message}`);
  ctx.log.info(`Copy Server to…: "${def.name}" → ${target} as "${plan.name}", shown as a diff.${notes.map((n) => `\n  ${n}`).join('')}`);
  if (!(await confirmInDiff(ctx, uri, exists, plan, `${CLIENT_LABELS[format.client]}`, notes))) {
    ctx.log.info('Copy Server to…: cancelled at the preview.');
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (exists) {
    const current = await vscode.workspace.openTextDocument(uri);
    if (current.getText() !== text) throw new Error(`Copy Server to: ${vscode.workspace.asRelativePath(uri)} changed while the preview was open; run Copy Server to… again.`);
    const { range, text: newText } = minimalEdit(current, plan.after);
    edit.replace(uri, range, newText);
  } else edit.createFile(uri, { contents: new TextEncoder().encode(plan.after) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Copy Server to: could not write ${target}.`);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
  await ctx.servers.refresh();
  const summary = `Copied MCP server "${def.name}" to ${vscode.workspace.asRelativePath(uri)} (${CLIENT_LABELS[format.client]}) as "${plan.name}".`;
  const shown = notes.length ? `${summary} ${notes.length === 1 ? notes[0] : `${notes.length} notes: see the log.`}` : summary;
  void (plan.notes.some((n) => n.severity === 'warning') ? vscode.window.showWarningMessage(shown, 'Open File', 'Show Notes') : vscode.window.showInformationMessage(shown, 'Open File')).then((a) => {
    if (a === 'Open File') void vscode.window.showTextDocument(uri);
    if (a === 'Show Notes') ctx.log.show();
  });
  return { file: target, name: plan.name, notes: plan.notes.map((n) => n.message) };
}
