import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import * as vscode from 'vscode';
import type { CallOutcome } from '../core/calls/run';
import { runCall } from '../core/lazy';
import type { ResolvedTarget } from '../core/calls/target';
import type { RenderedResult } from '../core/results/parts';
import type { ShownResult } from './resultPanel';
import type { CallServices } from './callContext';
import type { FilledCall } from './fillCall';
import type { CallsContext } from './callsContext';
import { showResource } from '../resources/openResource';
import { CommandIds } from '../commandIds';

/** What a progress notification says a call is: `everything · echo`, `everything · prompt greet`, `everything · demo://item/{id}`. */
function progressTitle(server: string, t: ResolvedTarget): string {
  return `${server} · ${t.kind === 'prompt' ? `prompt ${t.name}` : t.name}`;
}

/**
 * The VS Code half of "run" (see `core/calls/run.ts`): the call under a cancellable progress
 * notification that shows the server's progress notifications and, for a tool called as a task
 * (`calls.useTasks`), each status of the task with its `statusMessage` (`input_required` is
 * answered through the elicitation form the server sends); Cancel sends `notifications/cancelled`,
 * or `tasks/cancel` for a task. With the `calls.timeoutSeconds` timeout (reset on progress; for a
 * task, per request) and the `calls.maxResultBytes` limit. @returns the outcome (never throws for a failed request)
 */
export function runWithProgress(ctx: CallServices, { target, args }: FilledCall): Thenable<CallOutcome> {
  const server = ctx.live.snapshot(target.server)?.definition.name ?? target.server;
  return ctx.withProgress({ location: vscode.ProgressLocation.Notification, title: progressTitle(server, target), cancellable: true }, (progress, token) => {
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort(new Error('cancelled by the user')));
    let shown = 0;
    let status = '';
    return runCall(ctx.live, target, args, {
      timeoutMs: ctx.settings.get('calls.timeoutSeconds') * 1000,
      limitBytes: ctx.settings.get('calls.maxResultBytes'),
      tasks: ctx.settings.get('calls.useTasks'),
      signal: ac.signal,
      onprogress: (p) => {
        if (p.kind === 'task') {
          // `task working: Gathering sources...`; the server's progress messages follow it
          status = `task ${p.task.status}${p.task.statusMessage ? `: ${p.task.statusMessage}` : ''}`;
          progress.report({ message: status });
          return;
        }
        const pct = p.total ? Math.min(100, (p.progress / p.total) * 100) : undefined;
        const message = p.message ?? `${p.progress}${p.total ? ` of ${p.total}` : ''}`;
        progress.report({ message: status ? `${status} · ${message}` : message, increment: pct === undefined ? undefined : Math.max(0, pct - shown) });
        if (pct !== undefined) shown = Math.max(shown, pct);
      },
    });
  });
}

/** Which result view shows a call (one per tool or prompt of a server) and its title: the tool's title if it has one, else its name. */
export function resultView(kind: 'tool' | 'prompt', serverId: string, server: string, name: string, title?: string): Omit<ShownResult, 'rendered'> {
  return kind === 'tool'
    ? { kind, serverId, name, title: `${title ?? name} · ${server}`, subtitle: `tools/call ${name}` }
    : { kind, serverId, name, title: `Prompt ${name} · ${server}`, subtitle: `prompts/get ${name}` };
}

/** What a call showed: its rendered result, and for a resource template the document or file it opened (undefined when a save was declined). */
export interface ExecutedCall {
  rendered: RenderedResult;
  /** A tool's or prompt's raw result (absent for a failed request, and for a resource). */
  raw?: unknown;
  opened?: vscode.Uri;
}

/**
 * Runs a filled call ({@link runWithProgress}) and shows it ("show" of the pipeline). A tool or
 * prompt: its arguments remembered as the last ones, the result in its result view (a failed
 * request as an error result) under a Save to Collection… link, an entry in the History. A resource template: the resource opened
 * like Open Resource does (a text document, an image preview, or a save dialog).
 * @throws Error when a resource template's read failed (there is no result view to show it in)
 */
export async function executeCall(ctx: CallsContext, call: FilledCall): Promise<ExecutedCall> {
  const { target } = call;
  const serverId = target.server;
  const server = ctx.live.snapshot(serverId)?.definition.name ?? serverId;
  if (target.kind === 'resourceTemplate') {
    const outcome = await runWithProgress(ctx.calls, call);
    if (outcome.kind === 'failed') throw new Error(`reading ${outcome.uri} from "${server}" failed: ${outcome.error}`);
    return { rendered: outcome.rendered, opened: await showResource(ctx, serverId, outcome.uri as string, outcome.raw as ReadResourceResult) };
  }
  await ctx.calls.lastArguments.set(server, target.kind, target.name, call.args);
  const outcome = await runWithProgress(ctx.calls, call);
  const { rendered, arguments: sent } = outcome;
  const raw = outcome.kind === 'result' ? outcome.raw : undefined;
  const entry = ctx.calls.history?.record({ kind: target.kind, serverId, server, name: target.name, arguments: sent, rendered }, raw);
  // a result can be kept as a regression test at once: its raw result is still in memory, so nothing runs again
  const banner = entry && raw !== undefined ? { text: 'Keep this call and its result as a test:', links: [{ label: 'Save to Collection…', command: CommandIds.saveCallToCollection, args: [entry] }] } : undefined;
  await ctx.calls.results.show({ ...resultView(target.kind, serverId, server, target.name, target.kind === 'tool' ? target.tool.title : undefined), rendered, banner });
  return { rendered, ...(outcome.kind === 'result' && { raw: outcome.raw }) };
}
