import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { executeCall, resultView } from '../calls/executeCall';
import { fillCall, type CallRequest } from '../calls/fillCall';
import type { RenderedResult } from '../core/results/parts';
import { cliCommand, REDACTED, type HistoryEntry } from '../core/history';
import { storedRendered, type ResultNotKept } from '../core/historyResult';
import type { HistoryContext } from './historyContext';
import { runningServer } from '../servers/runningServer';

/** The server an entry was called on now: the same id if it still exists, else the same name. */
export function serverIdFor(ctx: HistoryContext, e: HistoryEntry): string {
  const all = ctx.live.all();
  const s = all.find((x) => x.id === e.serverId) ?? all.find((x) => x.definition.name === e.server);
  if (!s) throw new Error(`no configured server is named "${e.server}" any more`);
  return s.id;
}

export const hasRedacted = (v: unknown): boolean => v === REDACTED || (!!v && typeof v === 'object' && Object.values(v).some(hasRedacted));

const NOT_KEPT: Record<ResultNotKept | 'older', string> = {
  'too-large': 'it was too large for the History, even cut',
  'no-room': 'newer results took the room the History has for results',
  older: 'the entry is older than results in the History',
};

/**
 * Show Result (a click on a History entry): the entry's stored result in its tool's (or prompt's)
 * result view, beside the editor without focus, under a banner saying when it ran, with Re-run,
 * Edit and Re-run, and Save to Collection…. An entry whose result was not kept shows why, with the same links.
 * @returns the view's panel, or undefined without an entry
 */
export async function showHistoryResult(ctx: HistoryContext, e?: HistoryEntry): Promise<vscode.WebviewPanel | undefined> {
  if (!e) return undefined;
  let serverId = e.serverId;
  try {
    serverId = serverIdFor(ctx, e); // the view its new calls use
  } catch {
    // the server is gone: the stored result still shows
  }
  const running = runningServer(ctx.live.snapshot(serverId));
  const title = e.kind === 'tool' ? running?.tools.find((t) => t.name === e.name)?.title : undefined;
  const rendered = storedRendered(e);
  const when = new Date(e.time).toLocaleString();
  const text = rendered
    ? `From the History: the call of ${when}${e.result?.cut ? ', kept cut to fit the History' : ''}.`
    : `The result of the call of ${when} was not kept: ${NOT_KEPT[e.resultNotKept ?? 'older']}.`;
  return ctx.calls.results.show({
    ...resultView(e.kind, serverId, e.server, e.name, title),
    rendered,
    banner: { text, links: [{ label: 'Re-run', command: CommandIds.rerunCall, args: [e] }, { label: 'Edit and Re-run…', command: CommandIds.editAndRerunCall, args: [e] }, { label: 'Save to Collection…', command: CommandIds.saveCallToCollection, args: [e] }] },
  });
}

/**
 * Re-run: the same call with the same arguments, through the call pipeline (a redacted secret makes
 * it an edit-and-re-run). @returns the rendered result, or undefined when cancelled
 */
export async function rerunCall(ctx: HistoryContext, e?: HistoryEntry): Promise<RenderedResult | undefined> {
  if (!e) return undefined;
  if (hasRedacted(e.arguments)) return editAndRerunCall(ctx, e);
  return rerun(ctx, e, { arguments: e.arguments });
}

/** Edit and re-run: the form again, pre-filled with the entry's arguments (its redacted values left out). */
export async function editAndRerunCall(ctx: HistoryContext, e?: HistoryEntry): Promise<RenderedResult | undefined> {
  if (!e) return undefined;
  const initial = JSON.parse(JSON.stringify(e.arguments, (_k, v) => (v === REDACTED ? undefined : v))) as Record<string, unknown>;
  return rerun(ctx, e, { initialArguments: initial });
}

/** The entry's call again on the server it was made on now ({@link serverIdFor}). */
async function rerun(ctx: HistoryContext, e: HistoryEntry, request: CallRequest): Promise<RenderedResult | undefined> {
  const call = await fillCall(ctx, { kind: e.kind, server: serverIdFor(ctx, e), name: e.name }, request);
  return call && (await executeCall(ctx, call)).rendered;
}

/** Copy as CLI Command: `npx mcp-devtools call <server> <tool> --args '…'`. @returns the command line */
export async function copyCallAsCli(ctx: HistoryContext, e?: HistoryEntry): Promise<string | undefined> {
  if (!e) return undefined;
  // a server connected with no config file is given by its command line or URL
  const line = cliCommand(e, ctx.live.snapshot(e.serverId)?.definition);
  await vscode.env.clipboard.writeText(line);
  void vscode.window.setStatusBarMessage('$(check) Copied the mcp-devtools command line', 3000);
  return line;
}

/** Export History as JSON: every entry (secrets already redacted) to a file the user picks. */
export async function exportHistory(ctx: HistoryContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const to = target ?? (await vscode.window.showSaveDialog({ title: 'Export MCP call history', filters: { JSON: ['json'] }, saveLabel: 'Export' }));
  if (!to) return undefined;
  await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(`${JSON.stringify(ctx.history.entries(), null, 2)}\n`));
  return to;
}

/** Clear History. */
export async function clearHistory(ctx: HistoryContext): Promise<void> {
  await ctx.history.clear();
}
